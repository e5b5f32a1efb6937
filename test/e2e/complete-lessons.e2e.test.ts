/**
 * Two lessons completed as a learner completes them, in browser mode: open lesson 2 and then
 * lesson 7 from the course map, read them section by section, paste the solution into Monaco
 * through the clipboard, Run it once, pass every numbered task of the exercise, answer every quiz
 * question right through its own input (single, multiple, true/false, numeric, predict), and find
 * both lessons completed on the course map and on the progress page. Along the way, what a learner
 * trips over: lesson 7's starter fails its tasks saying what was expected and what happened, and a
 * wrong answer in lesson 2 shows the right one and why. The editor knows the sandbox's Node.js API:
 * lesson 7's starter imports from node:fs without an error marker, while a real mistake gets one.
 * Solutions and answer keys come from the lesson folders (the course's own loader reads them).
 * Waits only for states the app shows (data-status, data-state, data-correct...), never fixed sleeps.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLesson, type LoadedLesson } from '../../sandbox/course/load-lesson.ts';
import type { QuizQuestionDef } from '../../sandbox/course/quiz-schema.ts';
import type { RunningApp } from './support/browser-mode-app.ts';
import { closeSession, openSession } from './support/e2e-session.ts';
import { pasteIntoEditor } from './support/monaco.ts';
import { answerQuestion } from './support/quiz.ts';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const firstFunction = loadLesson(join(lessonsDir, '02-first-function'));
const executionEnvironment = loadLesson(join(lessonsDir, '07-execution-environment'));

let browser: Browser;
let dataDir: string;
let app: RunningApp | undefined;
let page: Page;

beforeAll(async () => {
  ({ browser, app, dataDir } = await openSession('complete'));
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  // The solution is pasted the way a learner pastes: through the system clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  page = await context.newPage();
  // Every step waits for a state the app shows; one that never comes fails here, naming the step.
  page.setDefaultTimeout(30_000);
  await page.goto(app.url);
  await page.locator('html[data-app-ready="true"]').waitFor();
  await page.getByTestId('language-select').selectOption('en');
  await page.locator('html[lang="en"]').waitFor();
});

afterAll(() => closeSession({ browser, app, dataDir }));

/** The `## ` headings of the lesson's English text, as the page shows them (no Markdown marks). */
function sectionHeadings(lesson: LoadedLesson): string[] {
  return lesson.text.en.markdown
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3).replace(/`/g, '').trim());
}

/** From the course map (not yet completed) into the lesson, whose text and editor have arrived. */
async function openFromCourseMap(lesson: LoadedLesson): Promise<void> {
  const card = page.getByTestId(`lesson-card-${lesson.id}`);
  await card.waitFor();
  expect(await card.getAttribute('data-status')).not.toBe('completed');
  await expect(card.textContent()).resolves.toContain(lesson.text.en.title);
  await card.click();
  await page.locator(`[data-testid="lesson-page"][data-lesson-id="${lesson.id}"]`).waitFor();
  await page.locator('.reader h1', { hasText: lesson.text.en.title }).waitFor();
  await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor();
  await page.getByTestId('exercise-panel').waitFor();
}

/** Scrolls the reader to each section in turn and sees its heading on screen. */
async function readThrough(lesson: LoadedLesson): Promise<void> {
  const headings = sectionHeadings(lesson);
  expect(headings.length).toBeGreaterThan(3);
  const reader = page.locator('.reader');
  const shown = await reader.boundingBox();
  for (const text of headings) {
    const heading = page.getByTestId('lesson-body').locator('h2', { hasText: text });
    await heading.scrollIntoViewIfNeeded();
    const box = await heading.boundingBox();
    expect(box && shown && box.y >= shown.y && box.y + box.height <= shown.y + shown.height, text).toBe(true);
  }
  // The last section is the exercise's: the same tasks wait beside the editor, numbered.
  expect(headings.at(-1)).toBe('Try it');
  for (const [index, task] of (lesson.exercise?.tasks ?? []).entries()) {
    const row = page.getByTestId(`task-${task.id}`);
    await expect(row.locator('.number').textContent()).resolves.toBe(String(index + 1));
    await expect(row.getAttribute('data-status')).resolves.toBe('pending');
  }
}

/** Replaces the editor's code with the lesson's solution and waits until the draft is saved. */
async function pasteSolution(lesson: LoadedLesson): Promise<void> {
  await pasteIntoEditor(page, 'code-editor', lesson.solution.code);
  // The caret ends below the pasted text, so its last lines are on screen: one the starter lacks shows it arrived.
  const starterLines = new Set(lesson.starter.code.split('\n'));
  const newLine = lesson.solution.code
    .split('\n')
    .findLast((line) => line.trim().length > 8 && !starterLines.has(line));
  await page.getByTestId('code-editor').locator('.view-line', { hasText: newLine?.trim() }).first().waitFor();
  await page.locator('[data-testid="draft-status"][data-state="saved"]').waitFor();
}

/** Clicks Run once and waits for a successful result; returns its request id and response text. */
async function runOnce(): Promise<{ requestId: string; response: string }> {
  await page.getByTestId('run-button').click();
  const result = page.locator('[data-testid="run-result"][data-status="success"]');
  await result.waitFor();
  await expect(page.getByTestId('start-badge').getAttribute('data-cold')).resolves.toBe('true');
  return {
    requestId: (await result.getAttribute('data-request-id')) ?? '',
    response: (await page.getByTestId('run-response').textContent()) ?? '',
  };
}

/** The handler's own log lines of the shown run (CloudWatch text). */
async function functionLogLines(): Promise<string[]> {
  return page.locator('[data-testid="run-result"] [data-testid="log-line"][data-kind="function"]').allTextContents();
}

/** Clicks Check and waits until every numbered task shows Passed. */
async function passEveryTask(lesson: LoadedLesson): Promise<void> {
  const tasks = lesson.exercise?.tasks ?? [];
  await page.getByTestId('exercise-check').click();
  await page.locator('[data-testid="exercise-panel"][data-state="passed"]').waitFor();
  for (const task of tasks) {
    await expect(page.getByTestId(`task-status-${task.id}`).textContent()).resolves.toBe('Passed');
  }
  await expect(page.getByTestId('exercise-count').textContent()).resolves.toBe(
    `${tasks.length} of ${tasks.length} tasks passed`,
  );
  await expect(page.getByTestId('exercise-done').textContent()).resolves.toMatch(/the lesson is complete/);
}

/** Answers every question right, each through its own kind of input; the score says so. */
async function answerEveryQuestion(lesson: LoadedLesson): Promise<void> {
  const total = lesson.quiz.length;
  for (const question of lesson.quiz) {
    const feedback = await answerQuestion(page, question, question.answer, true);
    await expect(feedback.locator('strong').textContent()).resolves.toBe('Correct.');
  }
  await expect(page.getByTestId('quiz-score').textContent()).resolves.toBe(
    `${total} of ${total} answered · ${total} correct`,
  );
}

/** Back on the course map, the lesson's card says Completed. */
async function seeCompletedOnCourseMap(lesson: LoadedLesson): Promise<void> {
  await page.getByTestId('nav-course-map').click();
  const card = page.locator(`[data-testid="lesson-card-${lesson.id}"][data-status="completed"]`);
  await card.waitFor();
  await expect(card.locator('.status').textContent()).resolves.toBe('Completed');
}

function question(lesson: LoadedLesson, id: string): QuizQuestionDef {
  const found = lesson.quiz.find((q) => q.id === id);
  if (!found) throw new Error(`${lesson.folder} has no quiz question ${id}`);
  return found;
}

describe('completing lessons as a learner', () => {
  it('completes lesson 2, "Your first Lambda function"', async () => {
    const lesson = firstFunction;
    await openFromCourseMap(lesson);
    await readThrough(lesson);

    await pasteSolution(lesson);
    // The default test event names nobody: the solution greets the world and logs its request id.
    const { requestId, response } = await runOnce();
    expect(response).toContain('"statusCode": 200');
    expect(response).toContain('Hello, world!');
    expect(await functionLogLines()).toEqual([expect.stringContaining(`Request ${requestId} greets world`)]);

    await passEveryTask(lesson);

    // A wrong answer first: the app says so, gives the right value and explains it.
    const timeout = question(lesson, 'default-timeout');
    const wrong = await answerQuestion(page, timeout, 900, false);
    await expect(wrong.locator('strong').textContent()).resolves.toBe('Not quite.');
    await expect(wrong.getByTestId('quiz-key').textContent()).resolves.toMatch(/The answer is 3 s\.\s+Only the exact/);
    await expect(wrong.textContent()).resolves.toContain('The default timeout is 3 seconds');

    await answerEveryQuestion(lesson);
    await seeCompletedOnCourseMap(lesson);
  });

  it('completes lesson 7, "The execution environment"', async () => {
    const lesson = executionEnvironment;
    await openFromCourseMap(lesson);
    await readThrough(lesson);

    // The editor knows the sandbox's node:fs: a wrong call to existsSync is underlined and counted,
    // its message one click away; back to the starter (which imports from node:fs), nothing is.
    const editor = page.getByTestId('code-editor');
    await pasteIntoEditor(page, 'code-editor', `${lesson.starter.code}\nexistsSync(42);\n`);
    await page.locator('[data-testid="code-editor-problems"][data-errors="1"]').waitFor({ timeout: 60_000 });
    await editor.locator('.squiggly-error').first().waitFor();
    await page.getByTestId('code-editor-problems').click();
    await editor.locator('.marker-widget', { hasText: "Argument of type 'number' is not assignable" }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('exercise-reset').click();
    await page.locator('[data-testid="code-editor-problems"][data-errors="0"][data-warnings="0"]').waitFor();
    await expect(page.getByTestId('code-editor-problems').textContent()).resolves.toContain('No problems');
    await expect.poll(() => editor.locator('.squiggly-error, .squiggly-warning').count()).toBe(0);

    // The starter, checked as it is: every task fails, each saying what was expected and what happened.
    await page.getByTestId('exercise-check').click();
    for (const task of lesson.exercise?.tasks ?? []) {
      await page.locator(`[data-testid="task-${task.id}"][data-status="failed"]`).waitFor();
    }
    await expect(page.getByTestId('task-message-count-invocations').textContent()).resolves.toMatch(
      /Expected: invocation to be 1, 2, 3 over 3 invokes\s+Got: invocation was 1, 1, 1/,
    );
    await expect(page.getByTestId('exercise-count').textContent()).resolves.toBe('0 of 5 tasks passed');

    await pasteSolution(lesson);
    // One cold invoke: INIT loads the configuration, the handler counts itself and misses the /tmp cache.
    const { response } = await runOnce();
    expect(JSON.parse(response)).toEqual({
      invocation: 1,
      coldStart: true,
      cache: 'miss',
      lineCount: 0,
      total: 0,
      currency: 'KRW',
    });
    const logs = await functionLogLines();
    expect(logs[0]).toMatch(/\tundefined\tINFO\tLoading config\.\.\./);
    expect(logs.at(-1)).toMatch(/\tINFO\tInvocation 1 \(cold\), cache miss/);

    await passEveryTask(lesson);
    await answerEveryQuestion(lesson);
    await seeCompletedOnCourseMap(lesson);
  });

  it('shows both lessons completed on the progress page', async () => {
    await page.getByTestId('nav-progress').click();
    await page.locator('[data-testid="progress-page"][data-loaded="true"]').waitFor();
    for (const lesson of [firstFunction, executionEnvironment]) {
      const row = page.locator(`[data-testid="progress-lesson-${lesson.id}"][data-status="completed"]`);
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      const tasks = lesson.exercise?.tasks.length ?? 0;
      const questions = lesson.quiz.length;
      expect(cells.slice(1, 4)).toEqual([
        'Completed',
        `${tasks} / ${tasks}`,
        `${questions} right, ${questions} of ${questions} answered`,
      ]);
    }
    await expect(page.getByTestId('stat-lessons').textContent()).resolves.toMatch(/^\s*2\s*\/\s*\d+/);
  });
});
