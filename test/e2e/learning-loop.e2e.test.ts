/**
 * The learning loop, end to end in browser mode: complete lesson 1's exercise task by task (the
 * starter fails every task; each fix passes one more), reveal a hint, reset to the starter and
 * undo, see the solution once passed; answer a quiz question wrongly, find it due for review and
 * answer it in the review session; export progress, reset everything, see it gone, import the file
 * and see the summary and the progress back.
 * Waits only for states the app shows (data-status, data-phase, data-loaded...), never fixed sleeps.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/browser-mode-app.ts';
import { closeSession, openSession } from './support/e2e-session.ts';
import { editorText, replaceEditorText } from './support/monaco.ts';

const LESSON = 'first-function';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const docsDir = join(repoRoot, 'docs');
const SOLUTION = readFileSync(join(repoRoot, 'lessons', '02-first-function', 'solution.mjs'), 'utf8');

/** Passes task 1 only: without a name it greets "undefined", and it logs nothing. */
const TASK_ONE = `export const handler = async (event) => {
  const message = \`Hello, \${event.name}!\`;
  console.log('greeting:', message);
  return { statusCode: 200, body: JSON.stringify({ message }) };
};
`;
/** Passes tasks 1 and 2; still logs no request id. */
const TASKS_ONE_TWO = `export const handler = async (event) => {
  const name = event.name ?? 'world';
  return { statusCode: 200, body: JSON.stringify({ message: \`Hello, \${name}!\` }) };
};
`;

let browser: Browser;
let dataDir: string;
let app: RunningApp | undefined;

/** Clicks Check and waits until that check's results are shown (the app emits exercise-checked). */
async function check(page: Page): Promise<void> {
  // `void`: evaluate would otherwise wait for the promise it returns, before the click that settles it.
  await page.evaluate(`void (window.__checked = new Promise((resolve) =>
    window.addEventListener('coldstart:exercise-checked', (e) => resolve(e.detail), { once: true })))`);
  await page.getByTestId('exercise-check').click();
  const detail = await page.evaluate<{ ok: boolean }>('window.__checked');
  expect(detail.ok).toBe(true);
}

async function statuses(page: Page): Promise<(string | null)[]> {
  return page
    .locator('[data-testid^="task-"][data-status]')
    .evaluateAll((tasks) => tasks.map((t) => t.getAttribute('data-status')));
}

beforeAll(async () => {
  ({ browser, app, dataDir } = await openSession('loop'));
});

afterAll(() => closeSession({ browser, app, dataDir }));

describe('the learning loop', () => {
  it('completes an exercise, reviews a missed question, and exports, resets and imports progress', async () => {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-US',
      colorScheme: 'light',
      acceptDownloads: true,
    });
    // Every step waits for a state the app shows; one that never comes fails here, naming the step.
    page.setDefaultTimeout(30_000);
    await page.goto(app!.url);
    await page.locator('html[data-app-ready="true"]').waitFor();
    await page.getByTestId('language-select').selectOption('en');
    await page.getByTestId('theme-select').selectOption('light');
    await page.getByTestId(`lesson-card-${LESSON}`).click();
    await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor();
    await page.getByTestId('exercise-panel').waitFor();
    expect(await statuses(page)).toEqual(['pending', 'pending', 'pending']);

    // The starter fails every task; each failure says what was expected and what happened.
    await check(page);
    expect(await statuses(page)).toEqual(['failed', 'failed', 'failed']);
    await expect(page.getByTestId('task-message-greet-by-name').textContent()).resolves.toMatch(
      /Expected: for \{"name": "Ada"\}, the message "Hello, Ada!"\s+Got: the message was "You sent key1 = undefined"/,
    );
    // The solution is not offered yet without asking: the learner is asked to confirm, and can decline.
    await expect(page.getByTestId('exercise-solution').getAttribute('data-available')).resolves.toBe('false');
    await page.getByTestId('exercise-solution').click();
    await page.getByTestId('confirm-dialog').locator('[data-testid="confirm-no"]').click();
    await expect(page.getByTestId('exercise-solution-code').count()).resolves.toBe(0);

    // A hint, one at a time.
    await page.getByTestId('hint-reveal-greet-by-name').click();
    await expect(page.getByTestId('hint-greet-by-name-1').textContent()).resolves.toContain('event.name');
    await expect(page.getByTestId('hint-greet-by-name-2').count()).resolves.toBe(0);

    // Task 1 fixed: passes; the others still fail.
    await replaceEditorText(page, 'code-editor', TASK_ONE);
    await check(page);
    expect(await statuses(page)).toEqual(['passed', 'failed', 'failed']);
    await expect(page.getByTestId('task-message-default-to-world').textContent()).resolves.toContain(
      'Hello, undefined!',
    );

    // The screenshot: the exercise panel with per-task results, in both themes.
    mkdirSync(docsDir, { recursive: true });
    // Open task 2's output: the handler's own log lines, as the learner would to see what happened.
    await page.getByTestId('task-default-to-world').locator('summary').click();
    await page.getByTestId('exercise-panel').scrollIntoViewIfNeeded();
    await page.getByTestId('exercise-panel').screenshot({ path: join(docsDir, 'screenshot-exercise.png') });
    await page.getByTestId('theme-select').selectOption('dark');
    await page.locator('html[data-theme="dark"]').waitFor();
    await page.getByTestId('exercise-panel').screenshot({ path: join(docsDir, 'screenshot-exercise-dark.png') });
    await page.getByTestId('theme-select').selectOption('light');
    await page.locator('html[data-theme="light"]').waitFor();

    // Reset to the starter, then undo: the learner's code comes back.
    await page.getByTestId('exercise-reset').click();
    await expect.poll(() => editorText(page, 'code-editor')).toContain('TODO: greet event.name');
    await page.getByTestId('exercise-undo-reset').click();
    await expect.poll(() => editorText(page, 'code-editor')).toContain('const message = `Hello, ${event.name}!`');

    await replaceEditorText(page, 'code-editor', TASKS_ONE_TWO);
    await check(page);
    expect(await statuses(page)).toEqual(['passed', 'passed', 'failed']);

    await replaceEditorText(page, 'code-editor', SOLUTION);
    await check(page);
    expect(await statuses(page)).toEqual(['passed', 'passed', 'passed']);
    await page.getByTestId('exercise-done').waitFor();
    await expect(page.getByTestId('exercise-solution').getAttribute('data-available')).resolves.toBe('true');
    await page.getByTestId('exercise-solution').click();
    await expect(page.getByTestId('exercise-solution-code').textContent()).resolves.toContain("event.name ?? 'world'");

    // Answer a quiz question wrongly.
    const question = page.getByTestId('quiz-question-handler-return');
    await question.getByTestId('quiz-choice-a').click();
    await expect(question.getByTestId('quiz-feedback').getAttribute('data-correct')).resolves.toBe('false');

    // The course map says it is due for review; the review session serves it.
    await page.getByTestId('nav-course-map').click();
    await page.locator('[data-testid="reviews-due"][data-count="1"]').waitFor();
    await page.getByTestId('reviews-due').click();
    const session = page.getByTestId('review-session');
    await page.locator('[data-testid="review-session"][data-phase="question"]').waitFor();
    await session.getByTestId('quiz-question-handler-return').getByTestId('quiz-choice-b').click();
    await page.locator('[data-testid="review-session"][data-phase="rating"]').waitFor();
    await expect(session.getByTestId('quiz-feedback').getAttribute('data-correct')).resolves.toBe('true');
    await session.getByTestId('review-rate-good').click();
    await page.locator('[data-testid="review-session"][data-phase="done"]').waitFor();
    await expect(page.getByTestId('review-done').textContent()).resolves.toMatch(/All done/);

    // The dashboard: one lesson completed, three tasks passed, a chart.
    await page.getByTestId('nav-progress').click();
    await page.locator('[data-testid="progress-page"][data-loaded="true"]').waitFor();
    await expect(page.getByTestId('stat-tasks').textContent()).resolves.toMatch(/^3 \/ \d+/);
    await expect(page.getByTestId(`progress-lesson-${LESSON}`).getAttribute('data-status')).resolves.toBe('completed');
    await page.locator('[data-testid="accuracy-chart"][data-drawn="true"]').waitFor();

    // Export: a real file download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('progress-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^coldstart-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const exportPath = join(dataDir, download.suggestedFilename());
    await download.saveAs(exportPath);
    expect(JSON.parse(readFileSync(exportPath, 'utf8'))).toMatchObject({ format: 'coldstart-progress' });

    // Reset everything, confirmed: progress is gone, and a backup is listed.
    await page.getByTestId('progress-reset-all').click();
    await page.getByTestId('confirm-dialog').getByTestId('confirm-yes').click();
    await page.getByTestId('reset-result').waitFor();
    await page.locator(`[data-testid="progress-lesson-${LESSON}"][data-status="not-started"]`).waitFor();
    await expect(page.getByTestId('stat-tasks').textContent()).resolves.toMatch(/^0 \/ \d+/);
    await page.getByTestId('backup-0').waitFor();

    // Import the exported file: the summary says what came back, and so does the dashboard.
    await page.getByTestId('progress-import').setInputFiles(exportPath);
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    await expect(summary.getByTestId('import-exerciseAttempts').textContent()).resolves.toMatch(/4\s*0\s*0/);
    await page.locator(`[data-testid="progress-lesson-${LESSON}"][data-status="completed"]`).waitFor();
    await expect(page.getByTestId('stat-tasks').textContent()).resolves.toMatch(/^3 \/ \d+/);
    await page.locator('[data-testid="accuracy-chart"][data-drawn="true"]').waitFor();
    await page.screenshot({ path: join(docsDir, 'screenshot-progress.png'), fullPage: true });

    // The lesson remembers its exercise too.
    await page.goto(`${app!.url.replace(/\?.*$/, '')}#/lesson/${LESSON}`);
    await page.getByTestId('exercise-panel').waitFor();
    await expect.poll(() => statuses(page)).toEqual(['passed', 'passed', 'passed']);
    await page.close();
  });
});
