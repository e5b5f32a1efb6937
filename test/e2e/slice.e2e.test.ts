/**
 * The foundation slice, walked as a new learner would in browser mode: course map -> lesson ->
 * edit the handler in Monaco -> edit the event -> Run in QuickJS -> result and logs -> answer a quiz
 * question -> restart the app -> code, answer and language are still there.
 * Waits only for states the app shows (data-ready, data-state, data-app-ready), never fixed sleeps.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type RunningApp } from './support/browser-mode-app.ts';
import { launchChromium } from './support/chromium.ts';
import { editorText, replaceEditorText } from './support/monaco.ts';

const LESSON = 'first-function';
const screenshotDir = fileURLToPath(new URL('../../docs/', import.meta.url));

const EDITED_CODE = `export const handler = async (event, context) => {
  console.log('hello from the e2e test', { name: event.name });
  return { answer: 42, name: event.name };
};
`;

let browser: Browser;
let dataDir: string;
let app: RunningApp | undefined;

async function openApp(): Promise<Page> {
  app = await startBrowserMode(dataDir);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  await page.goto(app.url);
  await page.locator('html[data-app-ready="true"]').waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'coldstart-e2e-'));
});

afterAll(async () => {
  await app?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the first slice, end to end in browser mode', () => {
  it('runs a lesson handler, answers a quiz and keeps both across a restart', async () => {
    let page = await openApp();

    // Course map in English (the browser's language), listing the real lesson.
    await page.getByTestId('language-select').selectOption('en');
    const card = page.getByTestId(`lesson-card-${LESSON}`);
    await expect(card.textContent()).resolves.toMatch(/first Lambda function/i);

    // Lesson page: Markdown rendered as HTML, starter handler in Monaco.
    await card.click();
    await page.getByTestId('lesson-page').waitFor();
    // The page frame shows before the lesson's Markdown arrives: wait for the first heading, then count.
    await page.getByTestId('lesson-body').locator('h2').first().waitFor();
    await expect(page.getByTestId('lesson-body').locator('h2').count()).resolves.toBeGreaterThan(1);
    await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor();
    await expect(editorText(page, 'code-editor')).resolves.toContain('export const handler');
    await page.locator('[data-testid="event-editor"][data-ready="true"]').waitFor();

    // IntelliSense knows @types/aws-lambda's Context: completing `context.` offers its members.
    await replaceEditorText(
      page,
      'code-editor',
      'export const handler = async (event, /** @type {import("aws-lambda").Context} */ context) => {\n  return context.',
    );
    await page.keyboard.press('Control+Space');
    await expect(
      page.locator('.suggest-widget').getByText('getRemainingTimeInMillis').first().waitFor({ timeout: 60_000 }),
    ).resolves.toBeUndefined();
    await page.keyboard.press('Escape');

    // Edit the handler and the event; autosave confirms it within a second or so.
    await replaceEditorText(page, 'code-editor', EDITED_CODE);
    await replaceEditorText(page, 'event-editor', '{ "name": "Ada" }');
    await page.locator('[data-testid="draft-status"][data-state="saved"]').waitFor();

    // Run: the handler runs in QuickJS in the backend; result, cold start and logs are shown.
    await page.getByTestId('run-button').click();
    const result = page.locator('[data-testid="run-result"][data-status="success"]');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('42');
    await expect(page.getByTestId('start-badge').textContent()).resolves.toMatch(/cold/i);
    // CloudWatch order on a cold start: INIT_START, START, the handler's lines, END, REPORT.
    const kinds = await page
      .getByTestId('log-line')
      .evaluateAll((lines) => lines.map((l) => l.getAttribute('data-kind')));
    expect(kinds.indexOf('start')).toBeLessThan(kinds.indexOf('function'));
    expect(kinds.indexOf('function')).toBeLessThan(kinds.indexOf('end'));
    expect(kinds.at(-1)).toBe('report');
    await expect(page.locator('[data-testid="log-line"][data-kind="platform"]').first().textContent()).resolves.toMatch(
      /^INIT_START/,
    );
    await expect(page.locator('[data-testid="log-line"][data-kind="function"]').first().textContent()).resolves.toMatch(
      /\tINFO\thello from the e2e test \{ name: 'Ada' \}/,
    );
    await expect(page.locator('[data-testid="log-line"][data-kind="report"]').textContent()).resolves.toMatch(
      /REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB/,
    );

    // A second run reuses the warm environment.
    await page.getByTestId('run-button').click();
    await page.locator('[data-testid="start-badge"]', { hasText: /warm/i }).waitFor();

    // Broken event JSON: told where, nothing run, the text kept.
    await replaceEditorText(page, 'event-editor', '{ "name": "Ada", }');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('event-error').textContent()).resolves.toMatch(/line 1, column \d+/i);
    await expect(editorText(page, 'event-editor')).resolves.toContain('"Ada", }');
    await replaceEditorText(page, 'event-editor', '{ "name": "Ada" }');
    await page.locator('[data-testid="draft-status"][data-state="saved"]').waitFor();

    // Answer the first quiz question.
    const question = page.locator('[data-testid^="quiz-question-"]').first();
    const questionId = await question.getAttribute('data-testid');
    await question.locator('[data-testid^="quiz-choice-"]').first().click();
    const feedback = question.getByTestId('quiz-feedback');
    await feedback.waitFor();
    const wasCorrect = await feedback.getAttribute('data-correct');
    expect(['true', 'false']).toContain(wasCorrect);

    // The README's screenshot: the lesson's opening beside the workbench with this run's result.
    mkdirSync(screenshotDir, { recursive: true });
    await page.getByTestId('lesson-body').locator('h2').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'screenshot-lesson.png') });

    // Switch to Korean, then restart the whole app (a new backend process, a new page).
    await page.getByTestId('language-select').selectOption('ko');
    await page.locator('html[lang="ko"]').waitFor();
    await page.close();
    await app?.stop();

    page = await openApp();
    await page.locator('html[lang="ko"]').waitFor();
    await expect(page.getByTestId(`lesson-card-${LESSON}`).textContent()).resolves.toMatch(/[가-힣]/);
    await page.getByTestId(`lesson-card-${LESSON}`).click();
    await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor();
    await expect(editorText(page, 'code-editor')).resolves.toContain('hello from the e2e test');
    const restoredFeedback = page.getByTestId(questionId ?? '').getByTestId('quiz-feedback');
    await expect(restoredFeedback.getAttribute('data-correct')).resolves.toBe(wasCorrect);
    await page.close();
  });

  it("opens a lesson with the starter in the learner's language, and keeps typed code across a switch", async () => {
    app ??= await startBrowserMode(dataDir);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    await page.goto(app.url);
    await page.locator('html[data-app-ready="true"]').waitFor();
    /** Switches the language and waits until the lesson page has loaded in it (text, exercise, starter). */
    const switchTo = async (language: 'en' | 'ko') => {
      await page.evaluate(`void (window.__loaded = new Promise((resolve) =>
        window.addEventListener('coldstart:lesson-loaded', (e) => e.detail.language === '${language}' && resolve(), { once: false })))`);
      await page.getByTestId('language-select').selectOption(language);
      await page.evaluate('window.__loaded');
    };
    await page.getByTestId('language-select').selectOption('ko');
    await page.locator('html[lang="ko"]').waitFor();

    // A lesson never opened before: its starter's instructions are in Korean.
    await page.getByTestId('lesson-card-what-is-serverless').click();
    await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor();
    await expect.poll(() => editorText(page, 'code-editor')).toContain('// 트리거마다 이벤트 모양이 달라요');
    // Nothing typed yet: switching language shows the English starter.
    await switchTo('en');
    await expect.poll(() => editorText(page, 'code-editor')).toContain('// Every trigger sends its own shape of event');

    // Typed code is the learner's: it stays as typed in every language.
    const typed = "// my notes\nexport const handler = async (event) => ({ statusCode: 200, body: 'mine' });\n";
    await replaceEditorText(page, 'code-editor', typed);
    await switchTo('ko');
    const shown = await editorText(page, 'code-editor');
    expect(shown).toContain("body: 'mine'");
    expect(shown).not.toMatch(/[가-힣]/);
    await page.close();
  });

  it('follows the system colour scheme by default', async () => {
    app ??= await startBrowserMode(dataDir);
    const backgroundFor = async (colorScheme: 'light' | 'dark') => {
      const page = await browser.newPage({ colorScheme });
      await page.goto(app!.url);
      await page.locator('html[data-app-ready="true"]').waitFor();
      // A string expression, evaluated in the page: the Node-side tsconfig has no DOM types.
      const color = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      await page.close();
      return color;
    };
    const light = await backgroundFor('light');
    const dark = await backgroundFor('dark');
    expect(light).not.toBe(dark);
    // Dark really is darker: the sum of its RGB channels is lower.
    const sum = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).reduce((a, b) => a + Number(b), 0);
    expect(sum(dark)).toBeLessThan(sum(light));
  });
});
