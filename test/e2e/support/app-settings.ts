/** Switching the app's theme and language from its header, waiting until the page shows it. */
import type { Page } from 'playwright-core';

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByTestId('theme-select').selectOption(theme);
  await page.locator(`html[data-theme="${theme}"]`).waitFor();
}

export async function setLanguage(page: Page, language: 'en' | 'ko'): Promise<void> {
  await page.getByTestId('language-select').selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor();
}
