/**
 * The learner's progress in one SQLite file: settings, drafts, lesson status, exercise attempts,
 * hints, quiz answers of every kind, spaced-review cards and the activity streak. Rows are keyed
 * by lessons' stable ids. Every write runs in a transaction.
 */
import type Database from 'better-sqlite3';
import type { Draft, Language, Settings, ThemeSetting } from '../api/types.ts';
import { createActivity } from './activity.ts';
import { listBackups, takeBackup, type BackupInfo } from './backups.ts';
import { createLessonWork } from './lesson-work.ts';
import { openDatabase, type OpenDatabaseOptions } from './open-database.ts';
import { parseProgressFile, type ProgressFile } from './progress-file.ts';
import { exportProgress, importProgress, type ImportSummary } from './progress-transfer.ts';
import type { LessonProgress, StoreContext, Streak } from './progress-types.ts';
import { createQuizAnswers } from './quiz-answers.ts';
import { resetAll, resetLesson, type ResetCounts } from './reset.ts';
import { createReviewCards } from './review-cards.ts';

/**
 * One stored answer to a single-choice question.
 * @deprecated Use recordAnswer/latestAnswers, which store every kind of answer.
 */
export interface QuizAttempt {
  lessonId: string;
  questionId: string;
  choiceId: string;
  correct: boolean;
  /** ISO time. */
  answeredAt: string;
}

/** Everything the progress dashboard shows, in one read. */
export interface ProgressDashboard {
  lessons: LessonProgress[];
  /** Task ids passed at least once, per lesson id. */
  tasksPassed: Record<string, string[]>;
  /** Per lesson: questions answered and how many latest answers are right. */
  quiz: { lessonId: string; answered: number; correct: number }[];
  reviews: { due: number; cards: number; byLesson: Record<string, number> };
  streak: Streak;
}

/** Options of {@link openProgressStore}. */
export interface ProgressStoreOptions extends OpenDatabaseOptions {
  /** The clock for timestamps, due dates and the streak (default: the system clock). */
  now?: () => Date;
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

const toDraft = (row: DraftRow): Draft => ({
  lessonId: row.lesson_id,
  code: row.code,
  eventJson: row.event_json,
  savedAt: row.saved_at,
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

/** Opens the store's modules over one database; see {@link openProgressStore}. */
function createStore(
  db: Database.Database,
  path: string,
  notices: string[],
  movedAside: string | null,
  now: () => Date,
) {
  const activity = createActivity(db, now);
  const ctx: StoreContext = { db, now, touch: activity.touch };
  const cards = createReviewCards(ctx);
  const answers = createQuizAnswers(ctx, cards);
  const work = createLessonWork(ctx);

  const upsertSetting = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const selectDraft = db.prepare('SELECT * FROM drafts WHERE lesson_id = ?');
  const upsertDraft = db.prepare(
    `INSERT INTO drafts (lesson_id, code, event_json, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (lesson_id) DO UPDATE SET code = excluded.code, event_json = excluded.event_json, saved_at = excluded.saved_at`,
  );

  let closed = false;
  return {
    path,
    /** Sentences about how the file was opened (e.g. a damaged file moved aside); usually empty. */
    notices: notices as readonly string[],
    /** When the file was damaged: where it was kept, and the backups the learner could restore. */
    recovery: { movedAside, backups: movedAside ? listBackups(path) : [] } as {
      movedAside: string | null;
      backups: BackupInfo[];
    },

    getSettings: (): Settings => readSettings(db),
    /** Merges the given settings into the stored ones and returns the result. */
    updateSettings: db.transaction((patch: Partial<Settings>): Settings => {
      const at = now().toISOString();
      for (const key of ['language', 'theme'] as const) {
        if (patch[key] !== undefined) upsertSetting.run(key, JSON.stringify(patch[key]), at);
      }
      return readSettings(db);
    }),

    getDraft: (lessonId: string): Draft | null => {
      const row = selectDraft.get(lessonId) as DraftRow | undefined;
      return row ? toDraft(row) : null;
    },
    saveDraft: db.transaction((lessonId: string, code: string, eventJson: string): Draft => {
      const savedAt = now().toISOString();
      upsertDraft.run(lessonId, code, eventJson, savedAt);
      return { lessonId, code, eventJson, savedAt };
    }),

    /** @deprecated Use recordAnswer. Stores a single-choice answer. */
    recordQuizAttempt: (attempt: QuizAttempt): QuizAttempt => {
      answers.recordAnswer({
        lessonId: attempt.lessonId,
        questionId: attempt.questionId,
        answer: { kind: 'single', choiceId: attempt.choiceId },
        correct: attempt.correct,
        answeredAt: attempt.answeredAt,
      });
      return attempt;
    },
    /** @deprecated Use latestAnswers. The latest single-choice answer per question. */
    latestQuizAttempts: (lessonId: string): QuizAttempt[] =>
      answers
        .latestAnswers(lessonId)
        .flatMap((a) =>
          a.answer.kind === 'single'
            ? [
                {
                  lessonId: a.lessonId,
                  questionId: a.questionId,
                  choiceId: a.answer.choiceId,
                  correct: a.correct,
                  answeredAt: a.answeredAt,
                },
              ]
            : [],
        ),
    ...answers,
    ...work,
    recordReview: cards.recordReview,
    reviewDue: cards.reviewDue,
    reviewCounts: cards.reviewCounts,
    getCard: cards.getCard,
    streak: activity.streak,

    dashboard: (at: Date = now()): ProgressDashboard => ({
      lessons: work.allLessonProgress(),
      tasksPassed: work.passedTasks(),
      quiz: answers.quizAccuracy(),
      reviews: cards.reviewCounts(at),
      streak: activity.streak(at),
    }),

    exportProgress: (): ProgressFile => exportProgress(ctx),
    /**
     * Merges an export into this store (a backup is taken first).
     * @throws ProgressImportError when the file is not a valid export; nothing changes then.
     */
    importProgress: (input: string | ProgressFile): { summary: ImportSummary; backupPath: string } => {
      // Validate first, so a wrong file leaves no trace (not even a backup).
      const file = typeof input === 'string' ? parseProgressFile(input) : input;
      const backupPath = takeBackup(db, path, 'import');
      return { summary: importProgress(ctx, file), backupPath };
    },
    resetLesson: (lessonId: string): ResetCounts => resetLesson(db, lessonId),
    /** Removes all progress (settings stay); a backup is taken first and its path returned. */
    resetAll: (): { backupPath: string; removed: ResetCounts } => {
      const backupPath = takeBackup(db, path, 'reset');
      return { backupPath, removed: resetAll(db) };
    },
    backups: (): BackupInfo[] => listBackups(path),

    close: (): void => {
      // Idempotent: quit paths (signals, window close, errors) may all try to close.
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** What the backend needs from storage; plain data in and out. */
export type ProgressStore = ReturnType<typeof createStore>;

/**
 * Opens the progress store at `path` (see {@link openDatabase} for what happens to old,
 * newer or damaged files).
 */
export function openProgressStore(path: string, options: ProgressStoreOptions = {}): ProgressStore {
  const { db, notices, movedAside } = openDatabase(path, options);
  return createStore(db, path, notices, movedAside ?? null, options.now ?? (() => new Date()));
}
