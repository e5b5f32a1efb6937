/**
 * Resetting progress: one lesson (everything keyed by its id) or everything but the settings.
 * Each reset is one transaction: it happens whole or not at all.
 */
import type Database from 'better-sqlite3';

/** Rows removed, per table. */
export type ResetCounts = Record<string, number>;

/** Tables whose rows belong to one lesson (all have a `lesson_id` column). */
const LESSON_TABLES = [
  'drafts',
  'lesson_progress',
  'exercise_attempts',
  'hints_revealed',
  'quiz_attempts',
  'review_cards',
] as const;

/** Removes every row of one lesson: its draft, status, attempts, hints, answers and review cards. */
export function resetLesson(db: Database.Database, lessonId: string): ResetCounts {
  return db.transaction(() => {
    const counts: ResetCounts = {};
    for (const table of LESSON_TABLES) {
      counts[table] = db.prepare(`DELETE FROM ${table} WHERE lesson_id = ?`).run(lessonId).changes;
    }
    return counts;
  })();
}

/** Removes all progress, including the activity streak; settings (language, theme) stay. */
export function resetAll(db: Database.Database): ResetCounts {
  return db.transaction(() => {
    const counts: ResetCounts = {};
    for (const table of [...LESSON_TABLES, 'activity_days']) {
      counts[table] = db.prepare(`DELETE FROM ${table}`).run().changes;
    }
    return counts;
  })();
}
