/**
 * Result types of the learning-loop methods (exercises, spaced review, the progress dashboard and
 * what can be done with progress: export, import, reset, restore). Shared by the backend and, as
 * types only, by the renderer.
 */
import type { LogLine } from '../../sandbox/invocation/record.ts';
import type { QuizView } from '../../sandbox/course/quiz-view.ts';
import type { BackupInfo } from './types.ts';

/** Where a task stands: the latest check's verdict, or `pending` before any check ran. */
export type TaskStatus = 'passed' | 'failed' | 'broken' | 'pending';

/** One task of a lesson's exercise as the learner sees it now. */
export interface ExerciseTaskState {
  id: string;
  /** 1-based, as the learner sees it. */
  number: number;
  title: string;
  /** How many hints the task has in all. */
  hintCount: number;
  /** The hints revealed so far, in order (the rest stay in the backend until asked for). */
  hints: string[];
  /** The latest check's verdict. */
  status: TaskStatus;
  /** The latest check's message (what was expected and what happened); null when passed or never checked. */
  message: string | null;
  /** Passed in any check so far. */
  everPassed: boolean;
}

/** A lesson's exercise with the learner's progress in it (`exercise.get`). */
export interface ExerciseState {
  lessonId: string;
  tasks: ExerciseTaskState[];
  /** The starter in the requested language ("reset to starter" puts it back). */
  starter: { filename: string; handler: string; code: string };
  /** ISO time of the latest check, or null before the first. */
  lastCheckedAt: string | null;
  /** Every task has passed in one check: the exercise is done. */
  passed: boolean;
  /** The solution can be shown without asking (the exercise passed). */
  solutionAvailable: boolean;
  /** When the learner chose to see the solution before passing; null when never. */
  solutionRevealedAt: string | null;
}

/** One task's result in a check run, with the handler's own output (`exercise.check`). */
export interface TaskCheckResult {
  id: string;
  number: number;
  title: string;
  /** `broken`: the lesson's check itself failed (a lesson bug, not the learner's). */
  status: 'passed' | 'failed' | 'broken';
  passed: boolean;
  /** What was expected and what happened, in the requested language; null when passed. */
  message: string | null;
  expected: string | null;
  actual: string | null;
  /** Every CloudWatch line of every invoke the task made. */
  output: LogLine[];
}

/** What `exercise.check` returns. */
export interface ExerciseCheckResult {
  lessonId: string;
  tasks: TaskCheckResult[];
  /** Every task passed in this check. */
  passed: boolean;
  /** The lesson is now completed (this check or an earlier one passed every task). */
  completed: boolean;
  solutionAvailable: boolean;
  /** ISO time the attempt was stored. */
  checkedAt: string;
}

/** What `exercise.revealHint` returns: the task's hints revealed so far. */
export interface HintsRevealed {
  taskId: string;
  hints: string[];
  hintCount: number;
}

/** What `exercise.solution` returns. */
export interface ExerciseSolution {
  filename: string;
  /** The solution in the requested language (comments in it; the same code in every language). */
  code: string;
  /** The learner asked before passing (recorded, and shown on the dashboard). */
  revealedEarly: boolean;
}

/** How well the learner recalled a question (FSRS's four grades). */
export type ReviewRatingName = 'again' | 'hard' | 'good' | 'easy';

/** A question waiting for review. */
export interface ReviewItem {
  lessonId: string;
  lessonTitle: string;
  question: QuizView;
  /** ISO time it became due. */
  due: string;
  /** FSRS state: `learning`/`relearning` cards come back within minutes, `review` cards after days. */
  state: 'new' | 'learning' | 'review' | 'relearning';
}

/** What `review.due` returns. */
export interface ReviewQueue {
  /** Due questions, earliest first, across lessons. */
  items: ReviewItem[];
  /** How many are due (the items' count), per lesson id too. */
  due: number;
  byLesson: Record<string, number>;
  /** How many questions have a review card at all. */
  cards: number;
  /** ISO time the next card not yet due becomes due; null when none is waiting. */
  nextDue: string | null;
}

/** What `review.record` returns. */
export interface ReviewRecorded {
  lessonId: string;
  questionId: string;
  rating: ReviewRatingName;
  /** ISO time the question comes back. */
  due: string;
}

/** One lesson's line on the dashboard. */
export interface LessonProgressLine {
  lessonId: string;
  order: number;
  title: string;
  status: 'not-started' | 'started' | 'completed';
  tasksTotal: number;
  tasksPassed: number;
  quizTotal: number;
  quizAnswered: number;
  quizCorrect: number;
  reviewsDue: number;
  solutionRevealedEarly: boolean;
}

/** What `progress.dashboard` returns. */
export interface ProgressDashboardView {
  lessons: LessonProgressLine[];
  totals: {
    lessons: number;
    lessonsCompleted: number;
    tasks: number;
    tasksPassed: number;
    quizQuestions: number;
    quizAnswered: number;
    quizCorrect: number;
  };
  reviews: { due: number; cards: number };
  streak: { current: number; longest: number; activeDays: number; activeToday: boolean };
}

/** What `progress.export` returns: the file's text and a name to save it under. */
export interface ProgressExport {
  filename: string;
  json: string;
}

/** Added / updated / unchanged rows of one kind. */
export interface ImportSectionSummary {
  added: number;
  updated: number;
  unchanged: number;
}

/** What `progress.import` returns. */
export interface ProgressImportResult {
  summary: Record<
    'settings' | 'lessons' | 'drafts' | 'exerciseAttempts' | 'hints' | 'quizAttempts' | 'reviewCards' | 'activityDays',
    ImportSectionSummary
  >;
  /** The copy taken before merging. */
  backupPath: string;
}

/** What the reset methods return. */
export interface ProgressResetResult {
  /** Rows removed, per table. */
  removed: Record<string, number>;
  /** The copy taken before resetting everything; null for one lesson. */
  backupPath: string | null;
}

/** What `progress.restore` returns. */
export interface ProgressRestoreResult {
  restored: BackupInfo;
  /** Where the replaced file was kept; null when there was none. */
  replacedKeptAs: string | null;
}
