/**
 * The progress database's schema, as numbered migrations. Migration N brings a database from
 * `PRAGMA user_version` N-1 to N. Append new migrations; never edit or reorder shipped ones, since
 * learners' files were built by them.
 */

/** One step of the schema; `sql` runs inside a transaction together with the version bump. */
export interface Migration {
  /** The `user_version` this migration produces (1, 2, 3, ... with no gaps). */
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'settings, drafts and quiz attempts',
    sql: `
      -- Small app-wide preferences; value is JSON so a setting can be any plain value.
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      -- The learner's autosaved work per lesson, keyed by the lesson's stable id (never folder order).
      CREATE TABLE drafts (
        lesson_id  TEXT PRIMARY KEY NOT NULL,
        code       TEXT NOT NULL,
        event_json TEXT NOT NULL,
        saved_at   TEXT NOT NULL
      ) STRICT;

      -- Every answer is kept (not only the latest) so later spaced reviews can see the history.
      CREATE TABLE quiz_attempts (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        lesson_id   TEXT NOT NULL,
        question_id TEXT NOT NULL,
        choice_id   TEXT NOT NULL,
        correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
        answered_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX quiz_attempts_by_question ON quiz_attempts (lesson_id, question_id, id);
    `,
  },
];

/** The schema version this build of Coldstart writes. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.length;
