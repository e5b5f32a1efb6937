/**
 * The progress methods: the dashboard, export and import (merged, with a summary of what changed),
 * resetting one lesson or everything, and backups with restore. Import, reset-all and restore keep
 * a copy of the file first, so none of them can lose work for good.
 */
import type { LessonLibrary } from '../../sandbox/course/lesson-library.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import type {
  LessonProgressLine,
  ProgressDashboardView,
  ProgressExport,
  ProgressImportResult,
  ProgressResetResult,
  ProgressRestoreResult,
} from '../api/learning-types.ts';
import { ApiFailure } from '../api/result.ts';
import type { BackupInfo } from '../api/types.ts';
import { ProgressImportError } from '../store/progress-file.ts';
import { requireLesson } from './lesson-lookup.ts';
import { reviewQueue } from './review-queue.ts';
import type { StoreHolder } from './store-holder.ts';

const sum = (lines: LessonProgressLine[], pick: (line: LessonProgressLine) => number): number =>
  lines.reduce((total, line) => total + pick(line), 0);

export function createProgressHandlers(library: LessonLibrary, stores: StoreHolder) {
  return {
    dashboard(args: ApiParsedArgs<'progress.dashboard'>): ProgressDashboardView {
      const store = stores.current();
      const board = store.dashboard();
      // Due counts as the review session serves them (learn-ahead included), so both always agree.
      const queue = reviewQueue(store, library, args.language);
      const lines: LessonProgressLine[] = library.course().lessons.map((lesson) => {
        const status = board.lessons.find((p) => p.lessonId === lesson.id);
        const taskIds = lesson.exercise?.tasks.map((t) => t.id) ?? [];
        const passed = new Set(board.tasksPassed[lesson.id] ?? []);
        // Only answers to questions the lesson still has count, so accuracy never exceeds the quiz.
        const latest = store.latestAnswers(lesson.id).filter((a) => lesson.quiz.some((q) => q.id === a.questionId));
        return {
          lessonId: lesson.id,
          order: lesson.order,
          title: lesson.text[args.language].title,
          status: status?.status ?? 'not-started',
          tasksTotal: taskIds.length,
          tasksPassed: taskIds.filter((id) => passed.has(id)).length,
          quizTotal: lesson.quiz.length,
          quizAnswered: latest.length,
          quizCorrect: latest.filter((a) => a.correct).length,
          reviewsDue: queue.byLesson[lesson.id] ?? 0,
          solutionRevealedEarly: status?.solutionRevealedAt != null,
        };
      });
      const { current, longest, activeDays, activeToday } = board.streak;
      return {
        lessons: lines,
        totals: {
          lessons: lines.length,
          lessonsCompleted: lines.filter((l) => l.status === 'completed').length,
          tasks: sum(lines, (l) => l.tasksTotal),
          tasksPassed: sum(lines, (l) => l.tasksPassed),
          quizQuestions: sum(lines, (l) => l.quizTotal),
          quizAnswered: sum(lines, (l) => l.quizAnswered),
          quizCorrect: sum(lines, (l) => l.quizCorrect),
        },
        reviews: { due: queue.due, cards: queue.cards },
        streak: { current, longest, activeDays, activeToday },
      };
    },

    export(): ProgressExport {
      const file = stores.current().exportProgress();
      const day = file.exportedAt.slice(0, 10);
      return { filename: `coldstart-progress-${day}.json`, json: `${JSON.stringify(file, null, 2)}\n` };
    },

    import(args: ApiParsedArgs<'progress.import'>): ProgressImportResult {
      try {
        return stores.current().importProgress(args.json);
      } catch (error) {
        if (error instanceof ProgressImportError) throw new ApiFailure('InvalidProgressFile', error.message);
        throw error;
      }
    },

    resetLesson(args: ApiParsedArgs<'progress.resetLesson'>): ProgressResetResult {
      requireLesson(library, args.lessonId);
      return { removed: stores.current().resetLesson(args.lessonId), backupPath: null };
    },

    resetAll(): ProgressResetResult {
      const { backupPath, removed } = stores.current().resetAll();
      return { removed, backupPath };
    },

    backups: (): BackupInfo[] => stores.current().backups(),

    restore(args: ApiParsedArgs<'progress.restore'>): ProgressRestoreResult {
      return stores.restore(args.path);
    },
  };
}
