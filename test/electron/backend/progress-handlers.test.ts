/**
 * What can be done with progress through the API: the dashboard's numbers, export then import on
 * another machine (with the summary), reset one lesson or everything (confirmed), backups and
 * restore, and the recovery offered when the progress file was damaged. Real SQLite files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/create-backend.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { call, failure, REAL_LESSONS, useBackends } from './support/backend.ts';

const tempDir = useTempDirs();
const backendAt = useBackends();
const LESSON = 'first-function';

/** Some progress: the lesson opened, one right and one wrong answer, a hint revealed. */
async function learnSomething(backend: Backend): Promise<void> {
  await call(backend, 'lessons.setStatus', { lessonId: LESSON, status: 'started' });
  for (const [questionId, choiceId] of [
    ['handler-return', 'b'],
    ['env-vars-size', 'a'],
  ]) {
    await call(backend, 'quiz.submit', {
      lessonId: LESSON,
      questionId,
      answer: { kind: 'single', choiceId },
      language: 'en',
    });
  }
  await call(backend, 'exercise.revealHint', { lessonId: LESSON, taskId: 'greet-by-name', count: 1, language: 'en' });
}

describe('progress methods', () => {
  it('sums up lessons, tasks, quiz accuracy, reviews and the streak', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    const before = await call(backend, 'progress.dashboard', { language: 'en' });
    expect(before.lessons.find((l) => l.lessonId === LESSON)).toMatchObject({ lessonId: LESSON, status: 'not-started', quizAnswered: 0 });
    expect(before.streak.current).toBe(0);

    await learnSomething(backend);
    const board = await call(backend, 'progress.dashboard', { language: 'ko' });
    expect(board.lessons.find((l) => l.lessonId === LESSON)).toMatchObject({
      lessonId: LESSON,
      status: 'started',
      tasksTotal: 3,
      tasksPassed: 0,
      quizAnswered: 2,
      quizCorrect: 1,
      reviewsDue: 1,
    });
    expect(board.lessons[0]?.title).toMatch(/[가-힣]/);
    expect(board.totals).toMatchObject({ lessons: board.lessons.length, lessonsCompleted: 0, quizAnswered: 2, quizCorrect: 1 });
    expect(board.streak).toMatchObject({ current: 1, activeToday: true });
  });

  it('exports, resets everything (confirmed), and imports back with a summary', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    await learnSomething(backend);
    const exported = await call(backend, 'progress.export', {});
    expect(exported.filename).toMatch(/^coldstart-progress-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(exported.json)).toMatchObject({ format: 'coldstart-progress', version: 1 });

    expect((await failure(backend, 'progress.resetAll', {})).name).toBe('InvalidArguments');
    const reset = await call(backend, 'progress.resetAll', { confirm: true });
    expect(reset.removed).toMatchObject({ quiz_attempts: 2, hints_revealed: 1, lesson_progress: 1 });
    expect(reset.backupPath).toMatch(/\.backup-reset-/);
    expect((await call(backend, 'progress.dashboard', { language: 'en' })).totals.quizAnswered).toBe(0);

    const imported = await call(backend, 'progress.import', { json: exported.json });
    expect(imported.summary).toMatchObject({
      quizAttempts: { added: 2, updated: 0, unchanged: 0 },
      hints: { added: 1 },
      lessons: { added: 1 },
    });
    expect((await call(backend, 'progress.dashboard', { language: 'en' })).totals.quizAnswered).toBe(2);
    // Importing the same file again changes nothing, and says so.
    expect((await call(backend, 'progress.import', { json: exported.json })).summary.quizAttempts).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    expect((await failure(backend, 'progress.import', { json: '{"format":"something-else"}' })).name).toBe(
      'InvalidProgressFile',
    );
  });

  it('resets one lesson only when confirmed', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    await learnSomething(backend);
    expect((await failure(backend, 'progress.resetLesson', { lessonId: LESSON, confirm: false })).name).toBe(
      'InvalidArguments',
    );
    const reset = await call(backend, 'progress.resetLesson', { lessonId: LESSON, confirm: true });
    expect(reset).toMatchObject({ backupPath: null, removed: { quiz_attempts: 2 } });
    expect(await call(backend, 'quiz.answers', { lessonId: LESSON, language: 'en' })).toEqual([]);
  });

  it('lists backups and restores one, keeping the replaced file', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    await learnSomething(backend);
    const { backupPath } = await call(backend, 'progress.resetAll', { confirm: true });
    const backups = await call(backend, 'progress.backups', {});
    expect(backups.map((b) => [b.path, b.reason])).toEqual([[backupPath, 'reset']]);

    const restored = await call(backend, 'progress.restore', { path: backupPath, confirm: true });
    expect(restored.restored.path).toBe(backupPath);
    expect(restored.replacedKeptAs).toMatch(/\.replaced-/);
    // The backend works on the restored file from the next call on.
    expect((await call(backend, 'progress.dashboard', { language: 'en' })).totals.quizAnswered).toBe(2);
    expect((await failure(backend, 'progress.restore', { path: '/etc/passwd', confirm: true })).name).toBe(
      'BackupNotFound',
    );
  });

  it('tells about a damaged file, and offers its backups or a fresh start', async () => {
    const dataDir = tempDir();
    const first = backendAt(dataDir, REAL_LESSONS);
    await learnSomething(first);
    const { backupPath } = await call(first, 'progress.resetAll', { confirm: true });
    await first.close();
    writeFileSync(join(dataDir, 'coldstart.db'), 'this is not a database, it was damaged');

    const second = backendAt(dataDir, REAL_LESSONS);
    const info = await call(second, 'app.info', {});
    expect(info.recovery?.movedAside).toMatch(/coldstart\.db\.corrupt-/);
    expect(info.recovery?.backups.map((b) => b.path)).toEqual([backupPath]);
    expect(info.notices[0]).toMatch(/could not be read/);

    await call(second, 'progress.restore', { path: backupPath, confirm: true });
    expect((await call(second, 'app.info', {})).recovery).toBeNull();
    expect((await call(second, 'progress.dashboard', { language: 'en' })).totals.quizAnswered).toBe(2);
  });

  it('keeps the fresh file when the learner chooses to', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'coldstart.db'), 'garbage');
    const backend = backendAt(dataDir, REAL_LESSONS);
    expect((await call(backend, 'app.info', {})).recovery).toMatchObject({ backups: [] });
    expect((await call(backend, 'progress.keepFresh', {})).recovery).toBeNull();
    expect((await call(backend, 'app.info', {})).recovery).toBeNull();
  });
});
