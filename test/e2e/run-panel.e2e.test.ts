/**
 * The Run panel, end to end in browser mode: the configuration panel (validated by the backend,
 * passed to the run), a timeout read as Lambda words it, force cold start, the history, and the
 * "About the simulator" page in both languages.
 * Waits only for states the app shows (data-state, data-status, data-ready), never fixed sleeps.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/browser-mode-app.ts';
import { closeSession, openSession } from './support/e2e-session.ts';
import { replaceEditorText } from './support/monaco.ts';

const LESSON = 'first-function';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const ENV_HANDLER = `export const handler = async (event, context) => {
  console.log(process.env.GREETING);
  return context.memoryLimitInMB;
};
`;
const LOOP_HANDLER = `export const handler = async () => {
  while (true) {}
};
`;
const FETCH_HANDLER = `export const handler = async () => fetch('https://example.com');
`;

let browser: Browser;
let dataDir: string;
let app: RunningApp | undefined;

/** Clicks Run (or another run button) and waits for the result of that very run. */
async function runAndWait(page: Page, button = 'run-button'): Promise<string> {
  const shown = page.getByTestId('run-result');
  const before = (await shown.count()) > 0 ? await shown.getAttribute('data-request-id') : null;
  await page.getByTestId(button).click();
  const fresh = before
    ? page.locator(`[data-testid="run-result"]:not([data-request-id="${before}"])`)
    : page.getByTestId('run-result');
  await fresh.waitFor();
  return (await fresh.getAttribute('data-request-id')) ?? '';
}

async function configValid(page: Page): Promise<void> {
  await page.locator('[data-testid="config-panel"][data-state="valid"]').waitFor();
}

beforeAll(async () => {
  ({ browser, app, dataDir } = await openSession('run'));
});

afterAll(() => closeSession({ browser, app, dataDir }));

describe('the Run panel', () => {
  it('runs under the configured memory, timeout and variables, refuses bad values and explains timeouts', async () => {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-US',
      colorScheme: 'light',
    });
    await page.goto(app!.url);
    await page.locator('html[data-app-ready="true"]').waitFor();
    await page.getByTestId('language-select').selectOption('en');
    await page.getByTestId(`lesson-card-${LESSON}`).click();
    await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor();
    await configValid(page);

    // Configure: 1024 MB, 1 s, GREETING=hi.
    await page.getByTestId('config-toggle').click();
    await page.getByTestId('config-memory').fill('1024');
    await page.getByTestId('config-timeout').fill('1');
    await page.getByTestId('config-env-add').click();
    await page.getByTestId('config-env-key-0').fill('GREETING');
    await page.getByTestId('config-env-value-0').fill('hi');
    await configValid(page);

    await replaceEditorText(page, 'code-editor', ENV_HANDLER);
    await runAndWait(page);
    const result = page.locator('[data-testid="run-result"][data-status="success"]');
    await result.waitFor();
    await expect(page.getByTestId('run-response').textContent()).resolves.toContain('1024');
    await expect(page.locator('[data-testid="log-line"][data-kind="function"]').first().textContent()).resolves.toMatch(
      /\tINFO\thi$/,
    );
    await expect(page.locator('[data-testid="log-line"][data-kind="report"]').textContent()).resolves.toContain(
      'Memory Size: 1024 MB',
    );
    await expect(page.getByTestId('report-memory').textContent()).resolves.toContain('1,024 MB');
    await expect(page.getByTestId('report-cost-million').textContent()).resolves.toMatch(/^\$[\d.]+$/);

    // 99 MB: refused beside the field, and Run is off with the reason.
    await page.getByTestId('config-memory').fill('99');
    await page.locator('[data-testid="config-panel"][data-state="invalid"]').waitFor();
    await expect(page.getByTestId('config-error-memorySizeMB').textContent()).resolves.toContain('at least 128 MB');
    await expect(page.getByTestId('run-button').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('force-cold-start').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('run-blocked').textContent()).resolves.toContain('Memory');
    // A repeated variable name is pointed at, row by row.
    await page.getByTestId('config-env-add').click();
    await page.getByTestId('config-env-key-1').fill('GREETING');
    await page.getByTestId('config-error-environment.1').waitFor();
    await page.getByTestId('config-env-remove-1').click();
    await page.getByTestId('config-memory').fill('1024');
    await configValid(page);
    await expect(page.getByTestId('run-button').isEnabled()).resolves.toBe(true);

    // An endless loop with a 1 s timeout: Lambda's own words, styled as a timeout.
    await replaceEditorText(page, 'code-editor', LOOP_HANDLER);
    const timeoutId = await runAndWait(page);
    const timedOut = page.locator('[data-testid="run-result"][data-status="timeout"]');
    await timedOut.waitFor();
    await expect(page.getByTestId('run-headline').textContent()).resolves.toBe('Task timed out after 1.00 seconds');
    await expect(page.getByTestId('run-status').textContent()).resolves.toMatch(/timed out/i);

    // The README's screenshot of the Run panel, in light and (for review) dark.
    await page.getByTestId('config-toggle').click();
    await page.evaluate(`document.getElementById('result-heading').scrollIntoView({ block: 'start' })`);
    mkdirSync(join(repoRoot, 'docs'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-run-panel.png') });
    await page.getByTestId('theme-select').selectOption('dark');
    await page.locator('html[data-theme="dark"]').waitFor();
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'test-results', 'screenshot-run-panel-dark.png') });
    await page.getByTestId('theme-select').selectOption('system');

    // After a timeout the environment is gone: cold; then warm; then a forced cold start.
    await replaceEditorText(page, 'code-editor', ENV_HANDLER);
    await runAndWait(page);
    await runAndWait(page);
    await expect(page.getByTestId('start-badge').getAttribute('data-cold')).resolves.toBe('false');
    await runAndWait(page, 'force-cold-start');
    await expect(page.getByTestId('start-badge').getAttribute('data-cold')).resolves.toBe('true');
    await page.getByTestId('report-init').waitFor();
    await expect(page.getByTestId('report-billed-note').textContent()).resolves.toContain('Init Duration');

    // The history keeps each run; picking the timeout shows its record again.
    await expect(page.getByTestId('run-history-item').count()).resolves.toBe(5);
    await page.locator(`[data-testid="run-history-item"][data-request-id="${timeoutId}"] button`).click();
    await page.locator(`[data-testid="run-result"][data-request-id="${timeoutId}"][data-status="timeout"]`).waitFor();

    // A missing Node API links to what the sandbox supports.
    await replaceEditorText(page, 'code-editor', FETCH_HANDLER);
    await runAndWait(page);
    await page.getByTestId('run-error-supported').click();
    await page.getByTestId('simulator-page').waitFor();
    await page.close();
  });

  it('shows "About the simulator" in English and Korean', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(app!.url);
    await page.locator('html[data-app-ready="true"]').waitFor();
    for (const language of ['en', 'ko'] as const) {
      await page.getByTestId('language-select').selectOption(language);
      await page.getByTestId('nav-simulator').click();
      await page.locator(`[data-testid="simulator-page"][data-loaded-language="${language}"]`).waitFor();
      for (const name of ['supported', 'time-model']) {
        const doc = page.getByTestId(`simulator-doc-${name}`);
        const status = await doc.getAttribute('data-status');
        expect(['ok', 'other-language', 'fallback', 'missing']).toContain(status);
        // Written in the asked-for language when it exists; otherwise the page says why not.
        if (status === 'ok') await expect(doc.getAttribute('data-language')).resolves.toBe(language);
        await expect(doc.innerText()).resolves.toMatch(language === 'ko' ? /[가-힣]/ : /[A-Za-z]{4}/);
      }
      // The supported list exists in some form (sandbox/docs or sandbox/SUPPORTED.md).
      await expect(page.getByTestId('simulator-doc-supported').getAttribute('data-status')).resolves.not.toBe(
        'missing',
      );
      await expect(page.getByTestId('simulator-doc-supported').locator('h1, h2').count()).resolves.toBeGreaterThan(1);
    }
    await page.close();
  });
});
