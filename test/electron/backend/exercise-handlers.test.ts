/**
 * The exercise methods on the real first lesson, task by task as a learner goes: the starter
 * fails every task, fixing one passes it, all passing completes the lesson and unlocks the
 * solution; hints come one at a time; everything survives a restart. Real sandbox, real SQLite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { call, failure, FIXTURE_COURSE, REAL_LESSONS, useBackends } from './support/backend.ts';

const tempDir = useTempDirs();
const backendAt = useBackends();
const LESSON = 'first-function';
const solution = readFileSync(join(REAL_LESSONS, '02-first-function', 'solution.mjs'), 'utf8');
const koreanSolution = readFileSync(join(REAL_LESSONS, '02-first-function', 'solution.ko.mjs'), 'utf8');
const koreanStarter = readFileSync(join(REAL_LESSONS, '02-first-function', 'starter.ko.mjs'), 'utf8');

/** Passes task 1 only: greets by name but says "Hello, undefined!" without one and logs nothing. */
const TASK_ONE = `export const handler = async (event) => ({
  statusCode: 200,
  body: JSON.stringify({ message: \`Hello, \${event.name}!\` }),
});
`;

describe('exercise methods', () => {
  it('serves the tasks with hints hidden until revealed, and no exercise as null', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    const exercise = await call(backend, 'exercise.get', { lessonId: LESSON, language: 'ko' });
    expect(exercise?.tasks.map((t) => [t.id, t.number, t.status, t.hints.length, t.hintCount])).toEqual([
      ['greet-by-name', 1, 'pending', 0, 2],
      ['default-to-world', 2, 'pending', 0, 2],
      ['log-request-id', 3, 'pending', 0, 2],
    ]);
    expect(exercise?.tasks[0]?.title).toMatch(/^이름으로 인사하기/);
    expect(exercise).toMatchObject({ passed: false, solutionAvailable: false, lastCheckedAt: null });
    // The starter a Korean learner resets to is commented in Korean.
    expect(exercise?.starter).toEqual({ filename: 'index.mjs', handler: 'index.handler', code: koreanStarter });
  });

  it('checks task by task, completes the lesson when all pass, and unlocks the solution', async () => {
    const dataDir = tempDir();
    const backend = backendAt(dataDir, REAL_LESSONS);
    const check = (code: string) => call(backend, 'exercise.check', { lessonId: LESSON, code, language: 'en' });

    const starter = (await call(backend, 'exercise.get', { lessonId: LESSON, language: 'en' }))?.starter.code ?? '';
    const first = await check(starter);
    expect(first.tasks.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(first.tasks[0]?.message).toBe(
      'Expected: for {"name": "Ada"}, the message "Hello, Ada!"\nGot: the message was "You sent key1 = undefined"',
    );
    // The handler's own output comes with each task, as Exercism shows it.
    expect(first.tasks[0]?.output.some((l) => l.kind === 'function' && l.text.includes('Got key1'))).toBe(true);
    expect(first).toMatchObject({ passed: false, completed: false, solutionAvailable: false });
    expect((await failure(backend, 'exercise.solution', { lessonId: LESSON, language: 'en' })).name).toBe(
      'SolutionLocked',
    );

    const second = await check(TASK_ONE);
    expect(second.tasks.map((t) => t.status)).toEqual(['passed', 'failed', 'failed']);

    const done = await check(solution);
    expect(done).toMatchObject({ passed: true, completed: true, solutionAvailable: true });
    expect(await call(backend, 'exercise.solution', { lessonId: LESSON, language: 'en' })).toEqual({
      filename: 'index.mjs',
      code: solution,
      revealedEarly: false,
    });
    // The same solution, commented for a Korean learner.
    expect(await call(backend, 'exercise.solution', { lessonId: LESSON, language: 'ko' })).toEqual({
      filename: 'index.mjs',
      code: koreanSolution,
      revealedEarly: false,
    });
    await backend.close();

    // After a restart: the latest check's verdicts, every task ever passed, the lesson completed.
    const again = backendAt(dataDir, REAL_LESSONS);
    const state = await call(again, 'exercise.get', { lessonId: LESSON, language: 'en' });
    expect(state?.tasks.map((t) => [t.status, t.everPassed])).toEqual([
      ['passed', true],
      ['passed', true],
      ['passed', true],
    ]);
    expect(state).toMatchObject({ passed: true, solutionAvailable: true, solutionRevealedAt: null });
    const board = await call(again, 'progress.dashboard', { language: 'en' });
    expect(board.lessons.find((l) => l.lessonId === LESSON)).toMatchObject({
      status: 'completed',
      tasksTotal: 3,
      tasksPassed: 3,
    });
  });

  it('shows the solution early only when confirmed, and remembers that it was', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    const shown = await call(backend, 'exercise.solution', { lessonId: LESSON, confirm: true, language: 'ko' });
    expect(shown.code).toBe(koreanSolution);
    expect(shown.revealedEarly).toBe(true);
    const state = await call(backend, 'exercise.get', { lessonId: LESSON, language: 'en' });
    expect(state?.solutionRevealedAt).toEqual(expect.any(String));
    // Seeing the solution is not passing: the lesson is not completed by it.
    expect(state?.passed).toBe(false);
    expect((await failure(backend, 'lessons.setStatus', { lessonId: LESSON, status: 'completed' })).name).toBe(
      'ExerciseNotPassed',
    );
  });

  it('reveals hints one at a time, never more than exist, in the language asked for', async () => {
    const dataDir = tempDir();
    const backend = backendAt(dataDir, REAL_LESSONS);
    const reveal = (count: number, language = 'en') =>
      call(backend, 'exercise.revealHint', { lessonId: LESSON, taskId: 'default-to-world', count, language });
    expect((await reveal(1)).hints).toEqual([expect.stringMatching(/^A missing field reads as `undefined`/)]);
    // A repeated request for the first hint does not reveal a second.
    expect((await reveal(1)).hints).toHaveLength(1);
    expect(await reveal(5, 'ko')).toMatchObject({
      hintCount: 2,
      hints: [expect.any(String), expect.stringMatching(/name이 없을 때/)],
    });
    const state = await call(backend, 'exercise.get', { lessonId: LESSON, language: 'en' });
    expect(state?.tasks.map((t) => t.hints.length)).toEqual([0, 2, 0]);
    expect(
      (
        await failure(backend, 'exercise.revealHint', {
          lessonId: LESSON,
          taskId: 'no-such-task',
          count: 1,
          language: 'en',
        })
      ).name,
    ).toBe('TaskNotFound');
  });

  it('marks a lesson started when opened, without undoing a completion', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    expect(await call(backend, 'lessons.setStatus', { lessonId: LESSON, status: 'started' })).toMatchObject({
      lessonId: LESSON,
      status: 'started',
    });
    await call(backend, 'exercise.check', { lessonId: LESSON, code: solution, language: 'en' });
    expect(await call(backend, 'lessons.setStatus', { lessonId: LESSON, status: 'started' })).toMatchObject({
      status: 'completed',
    });
  });

  it('says when a lesson has no exercise', async () => {
    const backend = backendAt(tempDir());
    expect(await call(backend, 'exercise.get', { lessonId: 'valid-lesson', language: 'en' })).toBeNull();
    expect(
      (await failure(backend, 'exercise.check', { lessonId: 'valid-lesson', code: '', language: 'en' })).name,
    ).toBe('NoExercise');
  });

  it("runs checks that play scenarios in the scenario worker, with the learner's CloudWatch lines per task", async () => {
    const backend = backendAt(tempDir(), FIXTURE_COURSE);
    const check = (file: string) =>
      call(backend, 'exercise.check', {
        lessonId: 'scenario',
        code: readFileSync(join(FIXTURE_COURSE, '07-scenario', file), 'utf8'),
        language: 'en',
      });
    const starter = await check('starter.mjs');
    expect(starter.tasks.map((t) => t.status)).toEqual(['failed', 'failed']);
    expect(starter.tasks[0]?.message).toBe(
      'Expected: copies/my cat.jpg in the fixture-out bucket\nGot: the fixture-out bucket holds ["copies/my+cat.jpg"]; copier ran 1 time(s): 1 succeeded, 0 failed',
    );
    expect(starter.tasks[0]?.output.map((l) => l.kind)).toEqual(['platform', 'start', 'end', 'report']);
    const solution = await check('solution.mjs');
    expect(solution).toMatchObject({ passed: true, completed: true });
    expect(solution.tasks[0]?.output.some((l) => l.text.endsWith('\tINFO\tcopied copies/my cat.jpg'))).toBe(true);
  });
});
