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
  {
    version: 2,
    description: 'answers of every quiz kind, lesson status, exercise attempts, hints, review cards, activity',
    sql: `
      -- Settings merge by last write on import, so each one remembers when it was written.
      ALTER TABLE settings ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01T00:00:00.000Z';

      -- Quiz attempts gain a stable id (import merges by it) and the answer as JSON (any kind).
      -- SQLite cannot change a column's constraints in place, so the table is rebuilt.
      CREATE TABLE quiz_attempts_v2 (
        uid         TEXT PRIMARY KEY NOT NULL,
        lesson_id   TEXT NOT NULL,
        question_id TEXT NOT NULL,
        kind        TEXT NOT NULL,
        answer_json TEXT NOT NULL CHECK (json_valid(answer_json)),
        correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
        answered_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO quiz_attempts_v2 (uid, lesson_id, question_id, kind, answer_json, correct, answered_at)
        SELECT lower(hex(randomblob(16))), lesson_id, question_id, 'single',
               json_object('kind', 'single', 'choiceId', choice_id), correct, answered_at
        FROM quiz_attempts ORDER BY id;
      DROP TABLE quiz_attempts;
      ALTER TABLE quiz_attempts_v2 RENAME TO quiz_attempts;
      CREATE INDEX quiz_attempts_by_question ON quiz_attempts (lesson_id, question_id, answered_at);

      -- One row per lesson the learner has opened.
      CREATE TABLE lesson_progress (
        lesson_id            TEXT PRIMARY KEY NOT NULL,
        status               TEXT NOT NULL CHECK (status IN ('started', 'completed')),
        started_at           TEXT NOT NULL,
        completed_at         TEXT,
        solution_revealed_at TEXT,
        updated_at           TEXT NOT NULL
      ) STRICT;

      -- Every run of an exercise's checks, with the code that ran and each task's result.
      CREATE TABLE exercise_attempts (
        uid          TEXT PRIMARY KEY NOT NULL,
        lesson_id    TEXT NOT NULL,
        code         TEXT NOT NULL,
        results_json TEXT NOT NULL CHECK (json_valid(results_json)),
        passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
        attempted_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX exercise_attempts_by_lesson ON exercise_attempts (lesson_id, attempted_at);

      -- How many hints of a task the learner has revealed (they are revealed in order).
      CREATE TABLE hints_revealed (
        lesson_id  TEXT NOT NULL,
        task_id    TEXT NOT NULL,
        revealed   INTEGER NOT NULL CHECK (revealed >= 0),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (lesson_id, task_id)
      ) STRICT;

      -- Spaced-review cards (ts-fsrs): the card's state as JSON, its due time copied out for the index.
      CREATE TABLE review_cards (
        lesson_id   TEXT NOT NULL,
        question_id TEXT NOT NULL,
        card_json   TEXT NOT NULL CHECK (json_valid(card_json)),
        due         TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (lesson_id, question_id)
      ) STRICT;
      CREATE INDEX review_cards_by_due ON review_cards (due);

      -- Days (the learner's local calendar) with any learning activity, for the streak.
      CREATE TABLE activity_days (
        day    TEXT PRIMARY KEY NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        events INTEGER NOT NULL CHECK (events >= 0)
      ) STRICT;
    `,
  },
];

/** The schema version this build of Coldstart writes. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.length;
