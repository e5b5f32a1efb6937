/**
 * The backend: one implementation of every method of the API contract, shared by Electron's IPC
 * and browser mode's HTTP server. It owns the progress store, the lesson library and the LambdaHost.
 */
import { dirname, join } from 'node:path';
import { getEventTemplate, listEventTemplates } from '../../sandbox/events/templates.ts';
import type { ApiHandlers } from '../api/dispatch.ts';
import { ApiFailure } from '../api/result.ts';
import { databasePath } from '../data-dir.ts';
import { createLessonLibrary } from '../../sandbox/course/lesson-library.ts';
import type { AppInfo } from '../api/types.ts';
import { configOptions, validateConfig } from './config-validation.ts';
import { courseLayerLibrary, listLayers } from './layer-handlers.ts';
import { createDocsReader } from './docs-reader.ts';
import { createEventHandlers } from './events-handlers.ts';
import { createExerciseHandlers } from './exercise-handlers.ts';
import { createHostProvider, type LambdaHostFactory } from './host-provider.ts';
import { createInvokeRunner } from './invoke-runner.ts';
import { requireLesson } from './lesson-lookup.ts';
import { createPlaygroundHandlers } from './playground-handlers.ts';
import { createProgressHandlers } from './progress-handlers.ts';
import { createQuizHandlers } from './quiz-handlers.ts';
import { createReviewHandlers } from './review-handlers.ts';
import { createScenarioHandlers } from './scenario-handlers.ts';
import { createScenarioRunner } from './scenario-runner.ts';
import { createStoreHolder } from './store-holder.ts';

export interface BackendOptions {
  /** Folder of the progress database (see electron/data-dir.ts); created when missing. */
  dataDir: string;
  /** The course folder, lessons/ of the repository or of the packaged app. */
  lessonsDir: string;
  mode: 'electron' | 'browser';
  /** The app's version, from package.json. */
  version: string;
  /**
   * The sandbox/ folder, whose docs/ the simulator page reads. Default: beside lessonsDir, as in
   * the repository and the unpacked app.
   */
  sandboxDir?: string;
  /** How to make the LambdaHost; default: the simulator's createLambdaHost(). */
  lambdaHost?: LambdaHostFactory;
}

export interface Backend {
  handlers: ApiHandlers;
  /** Ends workers and closes the database. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Opens the store (eagerly, so a database from a newer version is refused at start, not mid-lesson)
 * and returns the handlers.
 * @throws DatabaseTooNewError (from the store) when the database is newer than this build.
 */
export function createBackend(options: BackendOptions): Backend {
  const stores = createStoreHolder(databasePath(options.dataDir));
  const library = createLessonLibrary(options.lessonsDir);
  const hosts = createHostProvider(options.lambdaHost);
  const layerLibrary = courseLayerLibrary(library);
  const invoker = createInvokeRunner(hosts, layerLibrary);
  const quiz = createQuizHandlers(library, stores, hosts);
  // One scenario worker for the account page and exercise checks: one run at a time on few cores.
  const scenarioRunner = createScenarioRunner();
  const exercise = createExerciseHandlers(library, stores, hosts, scenarioRunner);
  const review = createReviewHandlers(library, stores);
  const progress = createProgressHandlers(library, stores);
  const playground = createPlaygroundHandlers(hosts);
  const sandboxDir = options.sandboxDir ?? join(dirname(options.lessonsDir), 'sandbox');
  const docs = createDocsReader(sandboxDir);
  const scenarios = createScenarioHandlers(sandboxDir, scenarioRunner);
  const events = createEventHandlers();

  const appInfo = (): AppInfo => ({
    name: 'Coldstart',
    version: options.version,
    mode: options.mode,
    databasePath: stores.current().path,
    notices: [...stores.current().notices],
    recovery: stores.recovery(),
  });

  const handlers: ApiHandlers = {
    'app.info': appInfo,

    'lessons.list': ({ language }) => library.list(language),
    'lessons.get': ({ id, language }) => {
      const lesson = library.get(id, language);
      if (!lesson) throw new ApiFailure('LessonNotFound', `There is no lesson with the id "${id}".`);
      // The library's own view lists single-choice questions only; every kind is served here.
      return { ...lesson, quiz: library.quiz(id, language) ?? [] };
    },
    'lessons.setStatus': ({ lessonId, status }) => {
      const lesson = requireLesson(library, lessonId);
      const store = stores.current();
      const current = store.getLessonProgress(lesson.id);
      // Opening a completed lesson again must not undo its completion.
      if (status === 'started') return current ?? store.setLessonStatus(lesson.id, 'started');
      if (lesson.exercise && current?.status !== 'completed' && store.lastExerciseAttempt(lesson.id)?.passed !== true) {
        throw new ApiFailure('ExerciseNotPassed', 'This lesson is completed by passing every task of its exercise.');
      }
      return store.setLessonStatus(lesson.id, 'completed');
    },

    'events.list': () => listEventTemplates(),
    'events.get': ({ name }) => {
      const template = getEventTemplate(name);
      if (!template) throw new ApiFailure('EventTemplateNotFound', `There is no event template called "${name}".`);
      return template;
    },
    ...events.handlers,

    'invoke.run': (args) => invoker.run(args),

    'config.options': () => configOptions(),
    'config.validate': (args) => validateConfig(args, layerLibrary()),
    'layers.list': (args) => listLayers(library, layerLibrary, args),

    'docs.get': (args) => docs.get(args),

    'drafts.get': ({ lessonId }) => stores.current().getDraft(lessonId),
    'drafts.save': ({ lessonId, code, eventJson }) => stores.current().saveDraft(lessonId, code, eventJson),

    'quiz.list': (args) => quiz.list(args),
    'quiz.submit': (args) => quiz.submit(args),
    'quiz.answers': (args) => quiz.answers(args),

    'exercise.get': (args) => exercise.get(args),
    'exercise.check': (args) => exercise.check(args),
    'exercise.revealHint': (args) => exercise.revealHint(args),
    'exercise.solution': (args) => exercise.solution(args),

    'review.due': (args) => review.due(args),
    'review.record': (args) => review.record(args),

    'progress.dashboard': (args) => progress.dashboard(args),
    'progress.export': () => progress.export(),
    'progress.import': (args) => progress.import(args),
    'progress.resetLesson': (args) => progress.resetLesson(args),
    'progress.resetAll': () => progress.resetAll(),
    'progress.backups': () => progress.backups(),
    'progress.restore': (args) => progress.restore(args),
    'progress.keepFresh': () => {
      stores.keepFresh();
      return appInfo();
    },

    ...playground.handlers,
    ...scenarios.handlers,

    'settings.get': () => stores.current().getSettings(),
    'settings.set': (patch) => stores.current().updateSettings(patch),
  };

  let closing: Promise<void> | undefined;
  return {
    handlers,
    close() {
      closing ??= (async () => {
        try {
          await playground.close();
          await scenarios.close();
          await hosts.dispose();
        } finally {
          stores.close();
        }
      })();
      return closing;
    },
  };
}
