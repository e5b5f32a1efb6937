/**
 * Plain-data rows of the progress store, as the backend and the export file see them. Every row is
 * keyed by lessons' stable ids (and question/task ids within a lesson), never by folder order.
 */
import type Database from 'better-sqlite3';
import type { QuizAnswer } from '../../sandbox/course/quiz-schema.ts';

/** One stored answer to a quiz question of any kind. */
export interface QuizAnswerRecord {
  /** Stable id of the attempt (random), so imports merge without duplicates. */
  id: string;
  lessonId: string;
  questionId: string;
  answer: QuizAnswer;
  correct: boolean;
  /** ISO time. */
  answeredAt: string;
}

/** One task's outcome within an exercise attempt. */
export interface ExerciseTaskOutcome {
  taskId: string;
  passed: boolean;
  /** The check's message (what was expected and what happened); null when passed. */
  message: string | null;
}

/** One run of an exercise's checks. */
export interface ExerciseAttempt {
  id: string;
  lessonId: string;
  /** The learner's code as it was checked. */
  code: string;
  results: ExerciseTaskOutcome[];
  /** Every task passed. */
  passed: boolean;
  attemptedAt: string;
}

export type LessonStatus = 'started' | 'completed';

/** Where the learner is in one lesson. */
export interface LessonProgress {
  lessonId: string;
  status: LessonStatus;
  startedAt: string;
  completedAt: string | null;
  /** When the learner asked to see the solution before passing (null: never). */
  solutionRevealedAt: string | null;
  updatedAt: string;
}

/** How well the learner recalled a card (FSRS's four grades). */
export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

/** A spaced-review card for one quiz question. */
export interface ReviewCard {
  lessonId: string;
  questionId: string;
  /** ISO time the card is next due. */
  due: string;
  state: 'new' | 'learning' | 'review' | 'relearning';
  reps: number;
  lapses: number;
  /** FSRS memory stability, in days. */
  stability: number;
  difficulty: number;
  lastReview: string | null;
}

/** Days with learning activity in a row. */
export interface Streak {
  /** Consecutive active days ending today (or yesterday, when today has no activity yet). */
  current: number;
  longest: number;
  activeDays: number;
  /** `YYYY-MM-DD` in local time, or null before any activity. */
  lastActiveDay: string | null;
  activeToday: boolean;
}

/** What the modules of the store share. */
export interface StoreContext {
  db: Database.Database;
  /** The clock (tests pass a fixed one). */
  now: () => Date;
  /** Counts one learning event on today's date (for the streak); call inside the write's transaction. */
  touch: () => void;
}
