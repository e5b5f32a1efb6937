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
import { openProgressStore } from '../store/progress-store.ts';
import { configOptions, validateConfig } from './config-validation.ts';
import { createDocsReader } from './docs-reader.ts';
import { createInvokeRunner, type LambdaHostFactory } from './invoke-runner.ts';
import { createQuizHandlers } from './quiz-handlers.ts';

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
  const store = openProgressStore(databasePath(options.dataDir));
  for (const notice of store.notices) console.warn(`[coldstart] ${notice}`);
  const library = createLessonLibrary(options.lessonsDir);
  const invoker = createInvokeRunner(options.lambdaHost);
  const quiz = createQuizHandlers(library, store);
  const docs = createDocsReader(options.sandboxDir ?? join(dirname(options.lessonsDir), 'sandbox'));

  const handlers: ApiHandlers = {
    'app.info': () => ({
      name: 'Coldstart',
      version: options.version,
      mode: options.mode,
      databasePath: store.path,
      notices: [...store.notices],
    }),

    'lessons.list': ({ language }) => library.list(language),
    'lessons.get': ({ id, language }) => {
      const lesson = library.get(id, language);
      if (!lesson) throw new ApiFailure('LessonNotFound', `There is no lesson with the id "${id}".`);
      return lesson;
    },

    'events.list': () => listEventTemplates(),
    'events.get': ({ name }) => {
      const template = getEventTemplate(name);
      if (!template) throw new ApiFailure('EventTemplateNotFound', `There is no event template called "${name}".`);
      return template;
    },

    'invoke.run': (args) => invoker.run(args),

    'config.options': () => configOptions(),
    'config.validate': (args) => validateConfig(args),

    'docs.get': (args) => docs.get(args),

    'drafts.get': ({ lessonId }) => store.getDraft(lessonId),
    'drafts.save': ({ lessonId, code, eventJson }) => store.saveDraft(lessonId, code, eventJson),

    'quiz.answer': (args) => quiz.answer(args),
    'quiz.answers': (args) => quiz.answers(args),

    'settings.get': () => store.getSettings(),
    'settings.set': (patch) => store.updateSettings(patch),
  };

  let closing: Promise<void> | undefined;
  return {
    handlers,
    close() {
      closing ??= (async () => {
        try {
          await invoker.dispose();
        } finally {
          store.close();
        }
      })();
      return closing;
    },
  };
}
