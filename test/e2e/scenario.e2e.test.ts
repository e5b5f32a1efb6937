/**
 * The simulated AWS account end to end in browser mode: the thumbnail example runs (upload ->
 * function -> second bucket): the trace shows the S3-triggered invocation (async, cold) and the
 * explorer the thumbnail in the second bucket. The recursion example ends in the
 * RecursiveInvocationException refusal, and an edited scenario with a mistake names its path.
 * Waits only for states the app shows (data-state, data-runs), never fixed sleeps.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/browser-mode-app.ts';
import { closeSession, openSession } from './support/e2e-session.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const docs = join(repoRoot, 'docs');
const review = join(repoRoot, 'test-results');

let browser: Browser;
let dataDir: string;
let app: RunningApp | undefined;

/** Runs the scenario in the editor and waits until the page shows the run finished. */
async function runScenario(page: Page): Promise<string | null> {
  const before = Number(await page.getByTestId('account-page').getAttribute('data-runs'));
  await page.getByTestId('scenario-run').click();
  await page.locator(`[data-testid="account-page"][data-runs="${before + 1}"]`).waitFor();
  return page.getByTestId('account-page').getAttribute('data-state');
}

/** Picks an example and waits for its text in the editor. */
async function choose(page: Page, name: string): Promise<void> {
  await page.getByTestId('scenario-select').selectOption(name);
  await page.locator('[data-testid="account-page"][data-state="idle"]').waitFor();
  await expect(page.getByTestId('scenario-yaml').inputValue()).resolves.toMatch(new RegExp(`^name: ${name}$`, 'm'));
}

beforeAll(async () => {
  ({ browser, app, dataDir } = await openSession('scenario'));
  mkdirSync(docs, { recursive: true });
  mkdirSync(review, { recursive: true });
});

afterAll(() => closeSession({ browser, app, dataDir }));

describe('the simulated account', () => {
  it('runs the thumbnail scenario: the upload invokes the function, whose thumbnail appears in the second bucket', async () => {
    const page = await browser.newPage({
      viewport: { width: 1500, height: 1000 },
      locale: 'en-US',
      colorScheme: 'light',
    });
    // From the simulator page (a screen that loads no lessons) through the header link.
    await page.goto(`${app!.url}#/simulator`);
    await page.getByTestId('nav-account').click();
    await page.getByTestId('account-page').waitFor();
    await page.getByTestId('language-select').selectOption('en');
    await page.locator('html[lang="en"]').waitFor();
    await choose(page, 'thumbnail');
    await expect(page.getByTestId('scenario-description').textContent()).resolves.toContain('second bucket');

    await expect(runScenario(page)).resolves.toBe('done');
    const invocation = page.getByTestId('scenario-trace').getByTestId('trace-invocation');
    await expect(invocation.count()).resolves.toBe(1);
    await expect(invocation.getAttribute('data-function')).resolves.toBe('thumbnail');
    await expect(invocation.getAttribute('data-source')).resolves.toBe('s3');
    await expect(invocation.getAttribute('data-model')).resolves.toBe('async');
    await expect(invocation.getAttribute('data-cold')).resolves.toBe('true');
    await expect(invocation.getAttribute('data-status')).resolves.toBe('ok');
    // The invocation opens to its CloudWatch log, the handler's own line among START/END/REPORT.
    await invocation.locator('summary').click();
    await expect(invocation.getByTestId('log-line').allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        expect.stringContaining('INFO\twrote thumbnails/cat.jpg'),
        expect.stringMatching(/^REPORT/),
      ]),
    );

    const thumbs = page.getByTestId('account-explorer').getByTestId('bucket-photos-thumbnails');
    await thumbs.getByTestId('object-photos-thumbnails-thumbnails/cat.jpg').waitFor();
    await expect(
      page.getByTestId('bucket-photos-uploads').locator('[data-key="uploads/cat.jpg"]').count(),
    ).resolves.toBe(1);
    await page.screenshot({ path: join(docs, 'screenshot-account.png') });

    // The step control scrubs through the account: before the first step the thumbnail is not
    // there yet; at the last step (where the control starts) it is.
    const stepControl = page.getByTestId('explorer-step');
    const thumbnail = thumbs.locator('[data-key="thumbnails/cat.jpg"]');
    await expect(stepControl.getAttribute('data-position')).resolves.toBe('3');
    await stepControl.getByTestId('explorer-step-range').fill('0');
    await page.locator('[data-testid="explorer-step"][data-position="0"]').waitFor();
    await expect(stepControl.getByTestId('explorer-step-label').textContent()).resolves.toContain(
      'Before the first step',
    );
    await expect(thumbnail.count()).resolves.toBe(0);
    await expect(thumbs.textContent()).resolves.toContain('No objects');
    await stepControl.getByTestId('explorer-step-next').click();
    await page.locator('[data-testid="explorer-step"][data-index="0"]').waitFor();
    await thumbnail.waitFor();
    await expect(page.getByTestId('scenario-trace').locator('li[data-active="true"]').count()).resolves.toBeGreaterThan(
      1,
    );
    await stepControl.getByTestId('explorer-step-range').fill('3');
    await page.locator('[data-testid="explorer-step"][data-position="3"]').waitFor();
    await expect(thumbnail.count()).resolves.toBe(1);

    // In Korean the example's title, the badges and the explorer follow.
    await page.getByTestId('language-select').selectOption('ko');
    await page.locator('html[lang="ko"]').waitFor();
    await page
      .locator('[data-testid="scenario-select"] option[value="thumbnail"]', { hasText: '썸네일' })
      .waitFor({ state: 'attached' });
    await expect(invocation.locator('summary').textContent()).resolves.toContain('비동기');
    await page.screenshot({ path: join(review, 'screenshot-account-ko.png'), fullPage: true });
    await page.close();
  });

  it('stops the recursion example with RecursiveInvocationException, and names the path of a mistake', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, locale: 'en-US' });
    await page.goto(`${app!.url}#/account`);
    await page.getByTestId('account-page').waitFor();
    await page.locator('[data-testid="account-page"][data-state="idle"]').waitFor();
    await choose(page, 'recursion');

    await expect(runScenario(page)).resolves.toBe('done');
    const refused = page.getByTestId('scenario-trace').getByTestId('trace-refused');
    await expect(refused.count()).resolves.toBe(1);
    await expect(refused.getAttribute('data-error-type')).resolves.toBe('RecursiveInvocationException');
    await expect(page.getByTestId('trace-invocation').count()).resolves.toBe(16);
    await page.screenshot({ path: join(review, 'screenshot-account-recursion.png'), fullPage: true });

    // A mistake in the learner's edit comes back naming where it is; restoring the example clears it.
    const text = await page.getByTestId('scenario-yaml').inputValue();
    await page
      .getByTestId('scenario-yaml')
      .fill(text.replace('bucket: loop-bucket\n    function', 'bucket: nope\n    function'));
    await expect(runScenario(page)).resolves.toBe('error');
    await expect(page.getByTestId('scenario-error').textContent()).resolves.toContain(
      "triggers.0.bucket: no bucket named 'nope'",
    );
    await page.getByTestId('scenario-restore').click();
    await expect(runScenario(page)).resolves.toBe('done');
    await page.close();
  });
});
