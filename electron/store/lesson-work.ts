/**
 * A lesson's work: its status (started, completed), the runs of its exercise's checks with the
 * code that ran, and how many hints of each task have been revealed.
 */
import { randomUUID } from 'node:crypto';
import type {
  ExerciseAttempt,
  ExerciseTaskOutcome,
  LessonProgress,
  LessonStatus,
  StoreContext,
} from './progress-types.ts';

interface ProgressRow {
  lesson_id: string;
  status: LessonStatus;
  started_at: string;
  completed_at: string | null;
  solution_revealed_at: string | null;
  updated_at: string;
}

interface AttemptRow {
  uid: string;
  lesson_id: string;
  code: string;
  results_json: string;
  passed: number;
  attempted_at: string;
}

export const toLessonProgress = (row: ProgressRow): LessonProgress => ({
  lessonId: row.lesson_id,
  status: row.status,
  startedAt: row.started_at,
  completedAt: row.completed_at,
  solutionRevealedAt: row.solution_revealed_at,
  updatedAt: row.updated_at,
});

export const toExerciseAttempt = (row: AttemptRow): ExerciseAttempt => ({
  id: row.uid,
  lessonId: row.lesson_id,
  code: row.code,
  results: JSON.parse(row.results_json) as ExerciseTaskOutcome[],
  passed: row.passed === 1,
  attemptedAt: row.attempted_at,
});

export function createLessonWork(ctx: StoreContext) {
  const { db } = ctx;
  const selectProgress = db.prepare('SELECT * FROM lesson_progress WHERE lesson_id = ?');
  const allProgress = db.prepare('SELECT * FROM lesson_progress ORDER BY started_at, lesson_id');
  const upsertProgress = db.prepare(
    `INSERT INTO lesson_progress (lesson_id, status, started_at, completed_at, solution_revealed_at, updated_at)
     VALUES (@lesson_id, @status, @started_at, @completed_at, @solution_revealed_at, @updated_at)
     ON CONFLICT (lesson_id) DO UPDATE SET status = excluded.status, completed_at = excluded.completed_at,
       solution_revealed_at = excluded.solution_revealed_at, updated_at = excluded.updated_at`,
  );
  const insertAttempt = db.prepare(
    'INSERT INTO exercise_attempts (uid, lesson_id, code, results_json, passed, attempted_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const lastAttempt = db.prepare(
    'SELECT * FROM exercise_attempts WHERE lesson_id = ? ORDER BY attempted_at DESC, rowid DESC LIMIT 1',
  );
  const passedTasks = db.prepare(
    `SELECT DISTINCT lesson_id, json_extract(t.value, '$.taskId') AS task_id
     FROM exercise_attempts, json_each(results_json) t
     WHERE json_extract(t.value, '$.passed') = 1 AND (? IS NULL OR lesson_id = ?) ORDER BY lesson_id, task_id`,
  );
  const selectHints = db.prepare('SELECT task_id, revealed FROM hints_revealed WHERE lesson_id = ?');
  const upsertHint = db.prepare(
    `INSERT INTO hints_revealed (lesson_id, task_id, revealed, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (lesson_id, task_id) DO UPDATE SET revealed = MAX(revealed, excluded.revealed), updated_at = excluded.updated_at`,
  );

  const current = (lessonId: string) => selectProgress.get(lessonId) as ProgressRow | undefined;

  /** Changes a lesson's row (creating it as started); call inside a transaction. */
  const update = (lessonId: string, change: (row: ProgressRow) => ProgressRow): LessonProgress => {
    const at = ctx.now().toISOString();
    const row = current(lessonId) ?? {
      lesson_id: lessonId,
      status: 'started' as const,
      started_at: at,
      completed_at: null,
      solution_revealed_at: null,
      updated_at: at,
    };
    const next = { ...change(row), updated_at: at };
    upsertProgress.run(next);
    ctx.touch();
    return toLessonProgress(next);
  };

  return {
    getLessonProgress: (lessonId: string): LessonProgress | null => {
      const row = current(lessonId);
      return row ? toLessonProgress(row) : null;
    },
    allLessonProgress: (): LessonProgress[] => (allProgress.all() as ProgressRow[]).map(toLessonProgress),
    /** Marks a lesson started or completed. Completing twice keeps the first completion time. */
    setLessonStatus: db.transaction((lessonId: string, status: LessonStatus): LessonProgress =>
      update(lessonId, (row) => ({
        ...row,
        status,
        completed_at: status === 'completed' ? (row.completed_at ?? ctx.now().toISOString()) : null,
      })),
    ),
    /** Remembers that the learner chose to see the solution (the UI asked for confirmation). */
    revealSolution: db.transaction((lessonId: string): LessonProgress =>
      update(lessonId, (row) => ({
        ...row,
        solution_revealed_at: row.solution_revealed_at ?? ctx.now().toISOString(),
      })),
    ),
    recordExerciseAttempt: db.transaction(
      (lessonId: string, code: string, results: ExerciseTaskOutcome[]): ExerciseAttempt => {
        const attempt: ExerciseAttempt = {
          id: randomUUID(),
          lessonId,
          code,
          results: results.map((r) => ({ taskId: r.taskId, passed: r.passed, message: r.message })),
          passed: results.length > 0 && results.every((r) => r.passed),
          attemptedAt: ctx.now().toISOString(),
        };
        insertAttempt.run(
          attempt.id,
          lessonId,
          code,
          JSON.stringify(attempt.results),
          attempt.passed ? 1 : 0,
          attempt.attemptedAt,
        );
        if (!current(lessonId)) update(lessonId, (row) => row);
        ctx.touch();
        return attempt;
      },
    ),
    lastExerciseAttempt: (lessonId: string): ExerciseAttempt | null => {
      const row = lastAttempt.get(lessonId) as AttemptRow | undefined;
      return row ? toExerciseAttempt(row) : null;
    },
    /** Task ids that passed in any attempt, per lesson (all lessons when `lessonId` is omitted). */
    passedTasks: (lessonId?: string): Record<string, string[]> => {
      const out: Record<string, string[]> = {};
      const id = lessonId ?? null;
      for (const row of passedTasks.all(id, id) as { lesson_id: string; task_id: string }[]) {
        (out[row.lesson_id] ??= []).push(row.task_id);
      }
      return out;
    },
    hintsRevealed: (lessonId: string): Record<string, number> =>
      Object.fromEntries(
        (selectHints.all(lessonId) as { task_id: string; revealed: number }[]).map((r) => [r.task_id, r.revealed]),
      ),
    /**
     * Records that hints 1..`count` of a task are revealed. Never goes down, so a repeated or late
     * request cannot hide a hint again. Returns the number now revealed.
     */
    revealHints: db.transaction((lessonId: string, taskId: string, count: number): number => {
      upsertHint.run(lessonId, taskId, Math.max(0, Math.floor(count)), ctx.now().toISOString());
      ctx.touch();
      return (
        (selectHints.all(lessonId) as { task_id: string; revealed: number }[]).find((r) => r.task_id === taskId)
          ?.revealed ?? 0
      );
    }),
  };
}
