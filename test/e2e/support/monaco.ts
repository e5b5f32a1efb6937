/**
 * Reading and writing the app's Monaco editors the way a learner does, for end-to-end tests.
 */
import type { Page } from 'playwright-core';

/**
 * Replaces an editor's whole text the way a learner pasting would: select all, then a real paste
 * event (typing would trigger Monaco's bracket auto-closing and auto-indent).
 */
export async function replaceEditorText(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

/** The text an editor shows (its visible lines; Monaco draws spaces as no-break spaces). */
export async function editorText(page: Page, testId: string): Promise<string> {
  const text = await page.getByTestId(testId).locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Replaces an editor's whole text through the system clipboard, as a learner pasting code copied
 * from elsewhere: the text goes on the clipboard, then Ctrl+A and Ctrl+V in the editor. The page's
 * browser context must grant 'clipboard-read' and 'clipboard-write'.
 */
export async function pasteIntoEditor(page: Page, testId: string, text: string): Promise<void> {
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await page.getByTestId(testId).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}
