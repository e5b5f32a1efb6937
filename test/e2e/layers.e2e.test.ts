/**
 * Layers in the lesson page, end to end in browser mode: lesson 12's layer versions listed with
 * their ARNs and readable files, attaching one so `import` finds its package, Lambda's refusal of
 * two versions of one layer shown beside the field (Run disabled), and the lesson's diagram drawn.
 * Waits only for states the app shows (data-state, data-status, data-rendered), never fixed sleeps.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/browser-mode-app.ts';
import { closeSession, openSession } from './support/e2e-session.ts';
import { replaceEditorText } from './support/monaco.ts';

const LESSON = 'layers';
const PRICE_UTILS_1 = 'arn:aws:lambda:us-east-1:123456789012:layer:price-utils:1';
const HANDLER = `import { withVat, VERSION } from 'price-utils';
export const handler = async () => ({ total: withVat(37035), version: VERSION });
`;

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let browser: Browser;
let dataDir: string;
let app: RunningApp | undefined;

async function configState(page: Page, state: 'valid' | 'invalid'): Promise<void> {
  await page.locator(`[data-testid="config-panel"][data-state="${state}"]`).waitFor();
}

async function runAndWait(page: Page): Promise<void> {
  const shown = page.getByTestId('run-result');
  const before = (await shown.count()) > 0 ? await shown.getAttribute('data-request-id') : null;
  await page.getByTestId('run-button').click();
  await (before ? page.locator(`[data-testid="run-result"]:not([data-request-id="${before}"])`) : shown).waitFor();
}

beforeAll(async () => {
  ({ browser, app, dataDir } = await openSession('layers'));
});

afterAll(() => closeSession({ browser, app, dataDir }));

describe('layers in the function configuration', () => {
  it('lists the lesson layers, attaches one for import, and refuses two versions of one layer', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, locale: 'en-US' });
    await page.goto(app!.url);
    await page.locator('html[data-app-ready="true"]').waitFor();
    await page.getByTestId('language-select').selectOption('en');
    await page.getByTestId(`lesson-card-${LESSON}`).click();
    await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor();
    const diagrams = page.getByTestId('lesson-body').locator('figure.diagram[data-rendered="true"]');
    await diagrams.first().waitFor({ timeout: 60_000 });
    await configState(page, 'valid');

    await page.getByTestId('config-toggle').click();
    await page.getByTestId('config-layers').waitFor();
    await expect(page.locator('[data-testid^="layer-attach-"]').count()).resolves.toBe(4);
    const priceUtils = page.getByTestId('layer-price-utils-1');
    await expect(priceUtils.textContent()).resolves.toContain(PRICE_UTILS_1);
    // Each file can be read (not edited) from the list.
    await priceUtils.locator('summary').first().click();
    const indexFile = priceUtils.getByTestId('layer-file').filter({ hasText: 'price-utils/index.js' });
    await indexFile.locator('summary').click();
    await expect(indexFile.getByTestId('layer-file-text').textContent()).resolves.toContain('exports.withVat');

    // Without the layer the import fails; attached, the package is found in /opt/nodejs/node_modules.
    await replaceEditorText(page, 'code-editor', HANDLER);
    await runAndWait(page);
    await expect(page.getByTestId('run-error').textContent()).resolves.toContain("Cannot find package 'price-utils'");
    // The editor agrees: the import is underlined until the layer is attached.
    await page.locator('[data-testid="code-editor-problems"][data-errors="1"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('layer-attach-price-utils-1').click();
    await configState(page, 'valid');
    await page.locator('[data-testid="code-editor-problems"][data-errors="0"]').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('config-layer-0').textContent()).resolves.toContain('price-utils:1');
    await runAndWait(page);
    await page.locator('[data-testid="run-result"][data-status="success"]').waitFor();
    await expect(page.getByTestId('run-response').textContent()).resolves.toContain('40739');
    // For review: the Layers section with one layer attached and a file open.
    mkdirSync(resultsDir, { recursive: true });
    await page.getByTestId('config-layers').screenshot({ path: join(resultsDir, 'screenshot-layers.png') });

    // A second version of the same layer: Lambda's refusal beside the field, and Run is off.
    await page.getByTestId('layer-attach-price-utils-2').click();
    await configState(page, 'invalid');
    await expect(page.getByTestId('config-error-layers').getAttribute('data-code')).resolves.toBe('same_layer_twice');
    await expect(page.getByTestId('run-button').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('run-blocked').textContent()).resolves.toContain('Layers');
    await page.getByTestId('config-layer-detach-1').click();
    await configState(page, 'valid');
    await expect(page.getByTestId('run-button').isEnabled()).resolves.toBe(true);

    // The diagram is drawn in Korean too.
    await page.getByTestId('language-select').selectOption('ko');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ko');
    await diagrams.first().waitFor({ timeout: 60_000 });
    await page.close();
  });
});
