/**
 * The playground end to end in browser mode: the cost calculator reproduces AWS's worked example
 * ($2.73), power tuning on a CPU-bound handler picks a size and draws its chart, and a burst of 50
 * against an account limit of 10 is throttled with ConcurrentInvocationLimitExceeded. Screenshots
 * for the README (light, English) and for review (dark, Korean) are taken on the way.
 * Waits only for states the app shows (data-state, data-drawn, data-ready), never fixed sleeps.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/browser-mode-app.ts';
import { closeSession, openSession } from './support/e2e-session.ts';
import { replaceEditorText } from './support/monaco.ts';
import { setLanguage, setTheme } from './support/app-settings.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const docs = join(repoRoot, 'docs');
const review = join(repoRoot, 'test-results');

/** Pure CPU work: faster with memory up to one vCPU (1,769 MB). */
const CPU_BOUND = `let runs = 0;
export const handler = async () => {
  runs += 1;
  let x = 0;
  for (let i = 0; i < 200000; i++) x = (x + i * i) % 1000003;
  return { runs, x };
};
`;

let browser: Browser;
let dataDir: string;
let app: RunningApp | undefined;

/** Every chart on the page has been drawn (again, after a theme or language switch). */
async function chartsDrawn(page: Page, testIds: string[]): Promise<void> {
  for (const id of testIds) await page.locator(`[data-testid="${id}"][data-drawn="true"]`).waitFor();
}

beforeAll(async () => {
  ({ browser, app, dataDir } = await openSession('playground'));
  mkdirSync(docs, { recursive: true });
  mkdirSync(review, { recursive: true });
});

afterAll(() => closeSession({ browser, app, dataDir }));

describe('the playground', () => {
  it('prices the worked example in the cost calculator and shows the break-even with a server', async () => {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-US',
      colorScheme: 'light',
    });
    await page.goto(app!.url);
    await page.locator('html[data-app-ready="true"]').waitFor();
    await setLanguage(page, 'en');
    await page.getByTestId('nav-playground').click();
    await page.getByTestId('playground-page').waitFor();
    await page.getByTestId('tab-cost').click();
    await page.getByTestId('cost-page').waitFor();

    // 3,000,000 requests, 120 ms, 1,536 MB, x86, free tier on: $2.73 (aws.amazon.com/lambda/pricing/).
    await page.getByTestId('cost-requests').fill('3000000');
    await page.getByTestId('cost-duration').fill('120');
    await page.getByTestId('cost-memory').fill('1536');
    await page.getByTestId('cost-arch').selectOption('x86_64');
    await page.getByTestId('cost-free-tier').check();
    await page.locator('[data-testid="cost-page"][data-state="ready"]').waitFor();
    await expect(page.getByTestId('cost-total').textContent()).resolves.toBe('$2.73');
    const lines = page.getByTestId('cost-lines');
    await expect(lines.locator('[data-key="requests"]').textContent()).resolves.toContain('$0.40');
    await expect(lines.locator('[data-key="duration"]').textContent()).resolves.toContain('$2.33');

    // The break-even with the default server, its price, source and date shown.
    await expect(page.getByTestId('cost-server-hourly').inputValue()).resolves.toBe('0.0208');
    await expect(page.getByTestId('cost-server-source').textContent()).resolves.toMatch(
      /t3\.small.*checked \d{4}-\d{2}-\d{2}.*aws\.amazon\.com\/ec2\/pricing/s,
    );
    await chartsDrawn(page, ['chart-break-even']);
    await expect(page.getByTestId('break-even-point').getAttribute('data-kind')).resolves.toBe('crossing');
    await expect(page.getByTestId('break-even-point').textContent()).resolves.toMatch(
      /Break-even at [\d,]+ requests a month/,
    );

    // A refused value is explained in place of a fresh bill.
    await page.getByTestId('cost-memory').fill('64');
    await page.locator('[data-testid="cost-page"][data-state="error"]').waitFor();
    await expect(page.getByTestId('cost-error').textContent()).resolves.toContain('memory must be at least 128 MB');
    await page.getByTestId('cost-memory').fill('1536');
    await page.locator('[data-testid="cost-page"][data-state="ready"]').waitFor();

    await page.screenshot({ path: join(docs, 'screenshot-cost.png') });
    await setLanguage(page, 'ko');
    await setTheme(page, 'dark');
    await chartsDrawn(page, ['chart-break-even']);
    await expect(page.getByTestId('break-even-point').textContent()).resolves.toContain('손익분기점');
    await page.screenshot({ path: join(review, 'screenshot-cost-dark-ko.png') });
    await setLanguage(page, 'en');
    await setTheme(page, 'light');
    await page.close();
  });

  it('tunes a CPU-bound handler and throttles a burst of 50 at an account limit of 10', async () => {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-US',
      colorScheme: 'light',
    });
    await page.goto(`${app!.url}#/playground`);
    await page.locator('html[data-app-ready="true"]').waitFor();
    await setLanguage(page, 'en');
    await page.getByTestId('playground-page').waitFor();
    await page.locator('[data-testid="playground-code"][data-ready="true"]').waitFor();
    await page.locator('[data-testid="config-panel"][data-state="valid"]').waitFor();
    await replaceEditorText(page, 'playground-code', CPU_BOUND);

    // Power tuning: four sizes, fastest pick; single-threaded code is fastest from 1,769 MB on.
    await page.getByTestId('tune-sizes').fill('128, 512, 1769, 3008');
    await page.getByTestId('tune-runs').fill('2');
    await page.getByTestId('tune-strategy').selectOption('speed');
    await page.getByTestId('tune-run').click();
    await page.locator('[data-testid="tune-panel"][data-state="done"]').waitFor();
    await expect(page.getByTestId('tune-best').getAttribute('data-memory')).resolves.toMatch(/^(1769|3008)$/);
    await expect(page.getByTestId('tune-best').textContent()).resolves.toMatch(/Fastest: (1,769|3,008) MB/);
    await chartsDrawn(page, ['chart-tuning']);

    // A burst of 50 against an account limit of 10: 10 cold starts, 40 throttled with the reason.
    await page.getByTestId('load-pattern').selectOption('burst');
    await page.getByTestId('load-count').fill('50');
    await page.getByTestId('load-account-limit').fill('10');
    await page.getByTestId('load-invocation').selectOption('sync');
    await page.getByTestId('fleet-run').click();
    await page.locator('[data-testid="fleet-output"][data-state="done"]').waitFor();
    await expect(page.getByTestId('fleet-total-throttles').textContent()).resolves.toContain('40');
    await expect(page.getByTestId('fleet-total-coldStarts').textContent()).resolves.toContain('10');
    await expect(
      page.locator('[data-testid="throttle-reason"][data-reason="ConcurrentInvocationLimitExceeded"]').textContent(),
    ).resolves.toContain('ConcurrentInvocationLimitExceeded');
    await expect(page.getByTestId('fleet-totals').textContent()).resolves.toContain('429 TooManyRequestsException');
    await chartsDrawn(page, ['chart-concurrency', 'chart-latency']);
    await expect(page.locator('[data-testid="chart-environments"] [data-testid="timeline-row"]').count()).resolves.toBe(
      10,
    );
    await expect(page.getByTestId('fleet-bill').textContent()).resolves.toContain('Requests');
    await expect(page.getByTestId('fleet-sampled').count()).resolves.toBe(0);

    await page.screenshot({ path: join(docs, 'screenshot-playground.png') });
    await page.getByTestId('fleet-results').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(review, 'screenshot-playground-full.png'), fullPage: true });
    await setLanguage(page, 'ko');
    await setTheme(page, 'dark');
    await chartsDrawn(page, ['chart-concurrency', 'chart-latency', 'chart-tuning']);
    await page.screenshot({ path: join(review, 'screenshot-playground-dark-ko.png'), fullPage: true });
    await setTheme(page, 'light');
    await page.close();
  });

  it('labels a sampled run plainly', async () => {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-US',
      colorScheme: 'light',
    });
    await page.goto(`${app!.url}#/playground`);
    await page.locator('html[data-app-ready="true"]').waitFor();
    await setLanguage(page, 'en');
    await page.locator('[data-testid="config-panel"][data-state="valid"]').waitFor();
    await page.getByTestId('load-pattern').selectOption('constant');
    await page.getByTestId('load-rate').fill('1500');
    await page.getByTestId('load-duration').fill('20');
    await page.getByTestId('load-account-limit').fill('1000');
    await page.getByTestId('fleet-run').click();
    await page.locator('[data-testid="fleet-output"][data-state="done"]').waitFor();
    await expect(page.getByTestId('fleet-sampled').textContent()).resolves.toMatch(/Sampled run\..*ran for real/);
    await chartsDrawn(page, ['chart-concurrency', 'chart-latency']);
    await page.close();
  });
});
