/**
 * The learner's progress: settings, autosaved drafts and quiz attempts, in one SQLite file.
 * Rows are keyed by lessons' stable ids. Every write runs in a transaction.
 */
import type Database from 'better-sqlite3';
import type { Draft, Language, Settings, ThemeSetting } from '../api/types.ts';
import { openDatabase, type OpenDatabaseOptions } from './open-database.ts';

/** One stored answer to a quiz question. */
export interface QuizAttempt {
  lessonId: string;
  questionId: string;
  choiceId: string;
  correct: boolean;
  /** ISO time. */
  answeredAt: string;
}

/** What the backend needs from storage; plain data in and out. */
export interface ProgressStore {
  readonly path: string;
  /** Sentences about how the file was opened (e.g. a damaged file moved aside); usually empty. */
  readonly notices: readonly string[];
  getSettings(): Settings;
  /** Merges the given settings into the stored ones and returns the result. */
  updateSettings(patch: Partial<Settings>): Settings;
  getDraft(lessonId: string): Draft | null;
  saveDraft(lessonId: string, code: string, eventJson: string): Draft;
  recordQuizAttempt(attempt: QuizAttempt): QuizAttempt;
  /** The most recent attempt at each question of a lesson, in the order they were first answered. */
  latestQuizAttempts(lessonId: string): QuizAttempt[];
  close(): void;
}

export const DEFAULT_SETTINGS: Settings = { language: null, theme: 'system' };

const LANGUAGES: readonly Language[] = ['ko', 'en'];
const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];

interface DraftRow {
  lesson_id: string;
  code: string;
  event_json: string;
  saved_at: string;
}

interface AttemptRow {
  lesson_id: string;
  question_id: string;
  choice_id: string;
  correct: number;
  answered_at: string;
}

const toDraft = (row: DraftRow): Draft => ({
  lessonId: row.lesson_id,
  code: row.code,
  eventJson: row.event_json,
  savedAt: row.saved_at,
});

const toAttempt = (row: AttemptRow): QuizAttempt => ({
  lessonId: row.lesson_id,
  questionId: row.question_id,
  choiceId: row.choice_id,
  correct: row.correct === 1,
  answeredAt: row.answered_at,
});

/** Reads stored settings, ignoring values this version does not understand (a hand-edited file). */
function readSettings(db: Database.Database): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    const parsed: unknown = JSON.parse(value);
    if (key === 'language' && (parsed === null || LANGUAGES.includes(parsed as Language))) {
      settings.language = parsed as Language | null;
    } else if (key === 'theme' && THEMES.includes(parsed as ThemeSetting)) {
      settings.theme = parsed as ThemeSetting;
    }
  }
  return settings;
}

/**
 * Opens the progress store at `path` (see {@link openDatabase} for what happens to old,
 * newer or damaged files).
 */
export function openProgressStore(path: string, options: OpenDatabaseOptions = {}): ProgressStore {
  const { db, notices } = openDatabase(path, options);

  const upsertSetting = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const selectDraft = db.prepare('SELECT * FROM drafts WHERE lesson_id = ?');
  const upsertDraft = db.prepare(
    `INSERT INTO drafts (lesson_id, code, event_json, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (lesson_id) DO UPDATE SET code = excluded.code, event_json = excluded.event_json, saved_at = excluded.saved_at`,
  );
  const insertAttempt = db.prepare(
    'INSERT INTO quiz_attempts (lesson_id, question_id, choice_id, correct, answered_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectLatest = db.prepare(
    `SELECT a.* FROM quiz_attempts a
     JOIN (SELECT question_id, MIN(id) AS first_id, MAX(id) AS last_id
           FROM quiz_attempts WHERE lesson_id = ? GROUP BY question_id) q ON a.id = q.last_id
     ORDER BY q.first_id`,
  );

  const updateSettings = db.transaction((patch: Partial<Settings>): Settings => {
    for (const key of ['language', 'theme'] as const) {
      if (patch[key] !== undefined) upsertSetting.run(key, JSON.stringify(patch[key]));
    }
    return readSettings(db);
  });

  const saveDraft = db.transaction((lessonId: string, code: string, eventJson: string): Draft => {
    const savedAt = new Date().toISOString();
    upsertDraft.run(lessonId, code, eventJson, savedAt);
    return { lessonId, code, eventJson, savedAt };
  });

  const recordQuizAttempt = db.transaction((attempt: QuizAttempt): QuizAttempt => {
    insertAttempt.run(
      attempt.lessonId,
      attempt.questionId,
      attempt.choiceId,
      attempt.correct ? 1 : 0,
      attempt.answeredAt,
    );
    return attempt;
  });

  let closed = false;
  return {
    path,
    notices,
    getSettings: () => readSettings(db),
    updateSettings: (patch) => updateSettings(patch),
    getDraft: (lessonId) => {
      const row = selectDraft.get(lessonId) as DraftRow | undefined;
      return row ? toDraft(row) : null;
    },
    saveDraft: (lessonId, code, eventJson) => saveDraft(lessonId, code, eventJson),
    recordQuizAttempt: (attempt) => recordQuizAttempt(attempt),
    latestQuizAttempts: (lessonId) => (selectLatest.all(lessonId) as AttemptRow[]).map(toAttempt),
    close: () => {
      // Idempotent: quit paths (signals, window close, errors) may all try to close.
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
