/**
 * Export all progress to one JSON document, and import one by merging: rows are matched by their
 * stable ids; for rows that change (status, drafts, hints, cards, settings) the newer write wins,
 * attempts (never changed once written) are added when missing, activity days keep the larger count.
 */
import { parseProgressFile, PROGRESS_FILE_FORMAT, PROGRESS_FILE_VERSION, type ProgressFile } from './progress-file.ts';
import type { StoreContext } from './progress-types.ts';
import { toAnswerRecord } from './quiz-answers.ts';
import { toExerciseAttempt, toLessonProgress } from './lesson-work.ts';

/** What an import changed, per kind of row. */
export interface SectionSummary {
  added: number;
  updated: number;
  /** Rows already there and as new or newer here. */
  unchanged: number;
}
export type ImportSummary = Record<Exclude<keyof ProgressFile, 'format' | 'version' | 'exportedAt'>, SectionSummary>;

/** Reads every progress row into the export document. */
export function exportProgress(ctx: StoreContext): ProgressFile {
  const { db } = ctx;
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  return {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_FILE_VERSION,
    exportedAt: ctx.now().toISOString(),
    settings: all<{ key: string; value: string; updated_at: string }>('SELECT * FROM settings ORDER BY key').map(
      (r) => ({
        key: r.key,
        value: JSON.parse(r.value) as ProgressFile['settings'][number]['value'],
        updatedAt: r.updated_at,
      }),
    ),
    lessons: all<Parameters<typeof toLessonProgress>[0]>('SELECT * FROM lesson_progress ORDER BY lesson_id').map(
      toLessonProgress,
    ),
    drafts: all<{ lesson_id: string; code: string; event_json: string; saved_at: string }>(
      'SELECT * FROM drafts ORDER BY lesson_id',
    ).map((r) => ({ lessonId: r.lesson_id, code: r.code, eventJson: r.event_json, savedAt: r.saved_at })),
    exerciseAttempts: all<Parameters<typeof toExerciseAttempt>[0]>(
      'SELECT * FROM exercise_attempts ORDER BY attempted_at, rowid',
    ).map(toExerciseAttempt),
    hints: all<{ lesson_id: string; task_id: string; revealed: number; updated_at: string }>(
      'SELECT * FROM hints_revealed ORDER BY lesson_id, task_id',
    ).map((r) => ({ lessonId: r.lesson_id, taskId: r.task_id, revealed: r.revealed, updatedAt: r.updated_at })),
    quizAttempts: all<Parameters<typeof toAnswerRecord>[0]>(
      'SELECT * FROM quiz_attempts ORDER BY answered_at, rowid',
    ).map(toAnswerRecord),
    reviewCards: all<{ lesson_id: string; question_id: string; card_json: string; due: string; updated_at: string }>(
      'SELECT * FROM review_cards ORDER BY lesson_id, question_id',
    ).map((r) => ({
      lessonId: r.lesson_id,
      questionId: r.question_id,
      card: JSON.parse(r.card_json) as ProgressFile['reviewCards'][number]['card'],
      due: r.due,
      updatedAt: r.updated_at,
    })),
    activityDays: all<{ day: string; events: number }>('SELECT * FROM activity_days ORDER BY day'),
  };
}

const empty = (): SectionSummary => ({ added: 0, updated: 0, unchanged: 0 });

/** ISO times compare as instants (a file from another time zone may write +09:00). */
const newer = (incoming: string, existing: string): boolean => Date.parse(incoming) > Date.parse(existing);

/**
 * Merges an export (text or parsed document) into the store in one transaction.
 * @throws ProgressImportError when the text is not a valid export; nothing is changed then.
 */
export function importProgress(ctx: StoreContext, input: string | ProgressFile): ImportSummary {
  const file = typeof input === 'string' ? parseProgressFile(input) : input;
  const { db } = ctx;
  const summary: ImportSummary = {
    settings: empty(),
    lessons: empty(),
    drafts: empty(),
    exerciseAttempts: empty(),
    hints: empty(),
    quizAttempts: empty(),
    reviewCards: empty(),
    activityDays: empty(),
  };

  /** Last write wins: `stamp` reads the existing row's time, `write` upserts the incoming row. */
  const lastWriteWins = <R>(
    section: SectionSummary,
    rows: R[],
    stamp: (row: R) => string | undefined,
    time: (row: R) => string,
    write: (row: R) => void,
  ) => {
    for (const row of rows) {
      const existing = stamp(row);
      if (existing === undefined) section.added += 1;
      else if (newer(time(row), existing)) section.updated += 1;
      else {
        section.unchanged += 1;
        continue;
      }
      write(row);
    }
  };
  const stampOf = (sql: string) => {
    const statement = db.prepare(sql).pluck();
    return (...keys: string[]) => statement.get(...keys) as string | undefined;
  };
  const run = (sql: string) => {
    const statement = db.prepare(sql);
    return (params: Record<string, unknown>) => void statement.run(params);
  };

  db.transaction(() => {
    const settingStamp = stampOf('SELECT updated_at FROM settings WHERE key = ?');
    const writeSetting = run(
      `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @updatedAt)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    lastWriteWins(
      summary.settings,
      file.settings,
      (r) => settingStamp(r.key),
      (r) => r.updatedAt,
      (r) => writeSetting({ ...r, value: JSON.stringify(r.value) }),
    );

    const lessonStamp = stampOf('SELECT updated_at FROM lesson_progress WHERE lesson_id = ?');
    const writeLesson = run(
      `INSERT OR REPLACE INTO lesson_progress (lesson_id, status, started_at, completed_at, solution_revealed_at, updated_at)
       VALUES (@lessonId, @status, @startedAt, @completedAt, @solutionRevealedAt, @updatedAt)`,
    );
    lastWriteWins(
      summary.lessons,
      file.lessons,
      (r) => lessonStamp(r.lessonId),
      (r) => r.updatedAt,
      writeLesson,
    );

    const draftStamp = stampOf('SELECT saved_at FROM drafts WHERE lesson_id = ?');
    const writeDraft = run(
      'INSERT OR REPLACE INTO drafts (lesson_id, code, event_json, saved_at) VALUES (@lessonId, @code, @eventJson, @savedAt)',
    );
    lastWriteWins(
      summary.drafts,
      file.drafts,
      (r) => draftStamp(r.lessonId),
      (r) => r.savedAt,
      writeDraft,
    );

    const hintStamp = stampOf('SELECT updated_at FROM hints_revealed WHERE lesson_id = ? AND task_id = ?');
    const writeHint = run(
      `INSERT OR REPLACE INTO hints_revealed (lesson_id, task_id, revealed, updated_at)
       VALUES (@lessonId, @taskId, @revealed, @updatedAt)`,
    );
    lastWriteWins(
      summary.hints,
      file.hints,
      (r) => hintStamp(r.lessonId, r.taskId),
      (r) => r.updatedAt,
      writeHint,
    );

    const cardStamp = stampOf('SELECT updated_at FROM review_cards WHERE lesson_id = ? AND question_id = ?');
    const writeCard = run(
      `INSERT OR REPLACE INTO review_cards (lesson_id, question_id, card_json, due, updated_at)
       VALUES (@lessonId, @questionId, @card, @due, @updatedAt)`,
    );
    lastWriteWins(
      summary.reviewCards,
      file.reviewCards,
      (r) => cardStamp(r.lessonId, r.questionId),
      (r) => r.updatedAt,
      (r) => writeCard({ ...r, card: JSON.stringify(r.card) }),
    );

    // Attempts never change once written: add the ones this store does not have.
    const insertExercise = db.prepare(
      `INSERT OR IGNORE INTO exercise_attempts (uid, lesson_id, code, results_json, passed, attempted_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const a of file.exerciseAttempts) {
      const added = insertExercise.run(
        a.id,
        a.lessonId,
        a.code,
        JSON.stringify(a.results),
        a.passed ? 1 : 0,
        a.attemptedAt,
      ).changes;
      if (added) summary.exerciseAttempts.added += 1;
      else summary.exerciseAttempts.unchanged += 1;
    }
    const insertAnswer = db.prepare(
      `INSERT OR IGNORE INTO quiz_attempts (uid, lesson_id, question_id, kind, answer_json, correct, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const a of file.quizAttempts) {
      const added = insertAnswer.run(
        a.id,
        a.lessonId,
        a.questionId,
        a.answer.kind,
        JSON.stringify(a.answer),
        a.correct ? 1 : 0,
        a.answeredAt,
      ).changes;
      if (added) summary.quizAttempts.added += 1;
      else summary.quizAttempts.unchanged += 1;
    }

    // Activity counts are per machine: keep the larger count of each day.
    const dayEvents = stampOf('SELECT events FROM activity_days WHERE day = ?') as (day: string) => number | undefined;
    const writeDay = run('INSERT OR REPLACE INTO activity_days (day, events) VALUES (@day, @events)');
    for (const d of file.activityDays) {
      const existing = dayEvents(d.day);
      if (existing === undefined) summary.activityDays.added += 1;
      else if (d.events > existing) summary.activityDays.updated += 1;
      else {
        summary.activityDays.unchanged += 1;
        continue;
      }
      writeDay(d);
    }
  })();
  return summary;
}
