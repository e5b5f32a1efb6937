/**
 * The exercise methods: the tasks with the learner's progress (`exercise.get`), checks run on the
 * learner's code (`exercise.check`: trusted lesson code invoking the handler in the simulator),
 * hints one at a time, and the solution once the exercise passes or on explicit request. The
 * starter and the solution come in the learner's language (the same code, commented for them).
 */
import { ExerciseChecksError, runExerciseChecks } from '../../sandbox/course/run-exercise-checks.ts';
import { codeIn } from '../../sandbox/course/lesson-code.ts';
import type { LessonLibrary } from '../../sandbox/course/lesson-library.ts';
import type { LessonExercise, LoadedLesson } from '../../sandbox/course/load-lesson.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import type {
  ExerciseCheckResult,
  ExerciseSolution,
  ExerciseState,
  HintsRevealed,
  TaskStatus,
} from '../api/learning-types.ts';
import { ApiFailure } from '../api/result.ts';
import type { HostProvider } from './host-provider.ts';
import { requireLesson } from './lesson-lookup.ts';
import type { ScenarioRunner } from './scenario-runner.ts';
import type { StoreHolder } from './store-holder.ts';

function requireExercise(lesson: LoadedLesson): LessonExercise {
  if (!lesson.exercise) throw new ApiFailure('NoExercise', `The lesson "${lesson.id}" has no exercise.`);
  return lesson.exercise;
}

/**
 * `scenarios` plays the scenarios of checks that use `h.scenario()`: the backend's scenario worker,
 * so a learner's handler that never ends cannot hold up the thread serving the app.
 */
export function createExerciseHandlers(
  library: LessonLibrary,
  stores: StoreHolder,
  hosts: HostProvider,
  scenarios: ScenarioRunner,
) {
  // One check run per lesson at a time: tasks reuse environment keys, and two runs would share them.
  const running = new Map<string, Promise<unknown>>();
  const serialized = <T>(lessonId: string, work: () => Promise<T>): Promise<T> => {
    const previous = running.get(lessonId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    running.set(lessonId, next);
    return next.finally(() => {
      if (running.get(lessonId) === next) running.delete(lessonId);
    });
  };

  /** Passed every task in one check (completion comes only from that, see `lessons.setStatus`). */
  const hasPassed = (lessonId: string): boolean => {
    const store = stores.current();
    return (
      store.getLessonProgress(lessonId)?.status === 'completed' || store.lastExerciseAttempt(lessonId)?.passed === true
    );
  };

  return {
    get(args: ApiParsedArgs<'exercise.get'>): ExerciseState | null {
      const lesson = requireLesson(library, args.lessonId);
      const exercise = lesson.exercise;
      if (!exercise) return null;
      const store = stores.current();
      const revealed = store.hintsRevealed(lesson.id);
      const last = store.lastExerciseAttempt(lesson.id);
      const everPassed = new Set(store.passedTasks(lesson.id)[lesson.id] ?? []);
      const passed = hasPassed(lesson.id);
      return {
        lessonId: lesson.id,
        tasks: exercise.tasks.map((task, index) => {
          const outcome = last?.results.find((r) => r.taskId === task.id);
          const status: TaskStatus = outcome ? (outcome.passed ? 'passed' : 'failed') : 'pending';
          const shown = Math.min(revealed[task.id] ?? 0, task.hints.length);
          return {
            id: task.id,
            number: index + 1,
            title: task.title[args.language],
            hintCount: task.hints.length,
            hints: task.hints.slice(0, shown).map((hint) => hint[args.language]),
            status,
            message: outcome?.message ?? null,
            everPassed: everPassed.has(task.id),
          };
        }),
        starter: {
          filename: lesson.starter.filename,
          handler: lesson.handler,
          code: codeIn(lesson.starter, args.language),
        },
        lastCheckedAt: last?.attemptedAt ?? null,
        passed,
        solutionAvailable: passed,
        solutionRevealedAt: store.getLessonProgress(lesson.id)?.solutionRevealedAt ?? null,
      };
    },

    check(args: ApiParsedArgs<'exercise.check'>): Promise<ExerciseCheckResult> {
      const lesson = requireLesson(library, args.lessonId);
      requireExercise(lesson);
      return serialized(lesson.id, async () => {
        const host = await hosts.get();
        let run;
        try {
          run = await runExerciseChecks(lesson, [{ path: lesson.starter.filename, code: args.code }], {
            host,
            language: args.language,
            scenarioRunner: scenarios,
          });
        } catch (error) {
          if (error instanceof ExerciseChecksError) throw new ApiFailure('ExerciseUnavailable', error.message);
          throw error;
        }
        const store = stores.current();
        const attempt = store.recordExerciseAttempt(
          lesson.id,
          args.code,
          run.tasks.map((task) => ({ taskId: task.id, passed: task.passed, message: task.message })),
        );
        if (attempt.passed) store.setLessonStatus(lesson.id, 'completed');
        const completed = store.getLessonProgress(lesson.id)?.status === 'completed';
        return {
          lessonId: lesson.id,
          tasks: run.tasks,
          passed: run.passed,
          completed,
          solutionAvailable: completed || attempt.passed,
          checkedAt: attempt.attemptedAt,
        };
      });
    },

    revealHint(args: ApiParsedArgs<'exercise.revealHint'>): HintsRevealed {
      const lesson = requireLesson(library, args.lessonId);
      const task = requireExercise(lesson).tasks.find((t) => t.id === args.taskId);
      if (!task) {
        throw new ApiFailure('TaskNotFound', `The exercise of "${lesson.id}" has no task "${args.taskId}".`);
      }
      // `count` (not "one more") makes a repeated request harmless: it cannot reveal two at once.
      const revealed = stores.current().revealHints(lesson.id, task.id, Math.min(args.count, task.hints.length));
      return {
        taskId: task.id,
        hints: task.hints.slice(0, revealed).map((hint) => hint[args.language]),
        hintCount: task.hints.length,
      };
    },

    solution(args: ApiParsedArgs<'exercise.solution'>): ExerciseSolution {
      const lesson = requireLesson(library, args.lessonId);
      requireExercise(lesson);
      const passed = hasPassed(lesson.id);
      if (!passed && !args.confirm) {
        throw new ApiFailure(
          'SolutionLocked',
          'The solution is shown once every task passes, or earlier if you confirm that you want to see it now.',
        );
      }
      if (!passed) stores.current().revealSolution(lesson.id);
      return {
        filename: lesson.starter.filename,
        code: codeIn(lesson.solution, args.language),
        revealedEarly: !passed,
      };
    },
  };
}
