/**
 * runExerciseChecks: runs a lesson's checks (checks.ts) against the learner's files and reports
 * per task, as Exercism's test results do: passed or failed with what was expected and what
 * happened, plus the handler's own log output.
 */
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Language } from '../../electron/api/types.ts';
import { DEFAULT_RUNTIME, MEMORY_DEFAULT_MB, TIMEOUT_DEFAULT_S } from '../facts/limits.ts';
import type { FunctionConfig, LogLine, SourceFile } from '../invocation/record.ts';
import { createLayerLibrary, resolveLayerArns, type LayerLibrary } from '../layers/layer-library.ts';
import { layersRefusedRecord } from '../layers/layer-notes.ts';
import { newRequestId } from '../runtime/lambda-identity.ts';
import { createLambdaHost } from '../runtime/lambda-host.ts';
import type { LambdaHost } from '../runtime/lambda-host-types.ts';
import { CheckFailure, createHarness, sayIn, type ExerciseChecks, type TaskCheck } from './check-harness.ts';
import { playScenario, prepareScenario, SCENARIO_TOO_SLOW, type CheckScenarioRunner } from './check-scenario.ts';
import { loadLesson, type LessonExercise, type LoadedLesson } from './load-lesson.ts';
import { toScenarioRun } from './scenario-run.ts';

/** The result of one task. */
export interface TaskResult {
  id: string;
  /** 1-based, as the learner sees it. */
  number: number;
  title: string;
  /** `broken`: the check itself threw something other than a failed assertion (a lesson bug). */
  status: 'passed' | 'failed' | 'broken';
  passed: boolean;
  /** What was expected and what happened, in the requested language; null when passed. */
  message: string | null;
  expected: string | null;
  actual: string | null;
  /** Every CloudWatch line of every invoke this task made, in order. */
  output: LogLine[];
}

/** The result of one run of an exercise's checks. */
export interface ExerciseRun {
  lessonId: string;
  tasks: TaskResult[];
  /** Every task passed. */
  passed: boolean;
}

/** Options of {@link runExerciseChecks}. */
export interface RunChecksOptions {
  /** The simulator to run in (default: a fresh host, disposed afterwards). Share one in the app. */
  host?: LambdaHost;
  /** Language of titles and messages (default `en`). */
  language?: Language;
  /** Run only these tasks (default: all, in order). */
  taskIds?: readonly string[];
  /** Real ms after which a check that never settles is reported broken (default 60,000). */
  checkTimeoutMs?: number;
  /**
   * Where `h.scenario()` plays scenarios (default: in-process, with a fresh environment pool per
   * run). The app passes its scenario worker: a scenario runs its handlers synchronously, so
   * in-process a hostile handler would hold up the thread until the simulator's caps stop it.
   */
  scenarioRunner?: CheckScenarioRunner;
}

/** A lesson whose exercise cannot be run (no exercise, or checks.ts does not load). */
export class ExerciseChecksError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExerciseChecksError';
  }
}

/**
 * Imports checks.ts. The modification time and size are part of the URL so an edited file is imported
 * afresh (Node caches modules by URL).
 */
export async function loadChecks(checksFile: string): Promise<ExerciseChecks> {
  const stat = statSync(checksFile);
  // Digits only: a query ending like `.5` would make Vite (tests) take it for a file extension.
  const url = `${pathToFileURL(checksFile).href}?v=${Math.floor(stat.mtimeMs)}_${stat.size}`;
  let module: { checks?: unknown };
  try {
    module = (await import(url)) as { checks?: unknown };
  } catch (error) {
    throw new ExerciseChecksError(
      `${checksFile} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const checks = module.checks;
  if (checks === null || typeof checks !== 'object') {
    throw new ExerciseChecksError(
      `${checksFile} must export \`checks\`: an object with one async function per task id`,
    );
  }
  return checks as ExerciseChecks;
}

/** The exercise's configuration: Lambda's defaults, then exercise.yaml's `config`. */
export function exerciseConfig(lesson: LoadedLesson, exercise: LessonExercise): FunctionConfig {
  const c = exercise.config ?? {};
  // exercise.yaml's schema makes sure every ARN is one the lesson publishes.
  const layers = c.layers ? resolveLayerArns(c.layers, createLayerLibrary(exercise.layers)) : undefined;
  return {
    functionName: lesson.id,
    handler: lesson.handler,
    runtime: c.runtime ?? DEFAULT_RUNTIME,
    architecture: c.architecture ?? 'x86_64',
    memorySizeMB: c.memorySizeMB ?? MEMORY_DEFAULT_MB,
    timeoutSeconds: c.timeoutSeconds ?? TIMEOUT_DEFAULT_S,
    ...(c.ephemeralStorageMB === undefined ? {} : { ephemeralStorageMB: c.ephemeralStorageMB }),
    environment: c.environment ?? {},
    ...(layers?.ok && layers.layers.length > 0 ? { layers: layers.layers } : {}),
  };
}

/** Rejects after `ms` unless `promise` settles first; the timer never outlives the race. */
async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface TaskContext {
  lesson: LoadedLesson;
  config: FunctionConfig;
  files: SourceFile[];
  host: LambdaHost;
  language: Language;
  checkTimeoutMs: number;
  scenarioRunner?: CheckScenarioRunner;
  /** The layer versions the lesson publishes, for checks that attach layers by ARN. */
  layers: LayerLibrary;
}

async function runTask(
  ctx: TaskContext,
  task: LessonExercise['tasks'][number],
  number: number,
  check: TaskCheck | undefined,
): Promise<TaskResult> {
  const { language } = ctx;
  const output: LogLine[] = [];
  const base = { id: task.id, number, title: task.title[language], output };
  const failed = (status: 'failed' | 'broken', expected: string | null, actual: string | null, message: string) => ({
    ...base,
    status,
    passed: false,
    message,
    expected,
    actual,
  });
  if (typeof check !== 'function') {
    return failed('broken', null, null, `checks.ts has no check for task "${task.id}".`);
  }
  let invokes = 0;
  const harness = createHarness({
    language,
    invoke: async (options) => {
      const config: FunctionConfig = { ...ctx.config, ...options.config };
      const attach = options.layers ? resolveLayerArns(options.layers, ctx.layers) : undefined;
      if (attach?.ok) config.layers = attach.layers;
      const record =
        attach?.ok === false
          ? layersRefusedRecord(newRequestId(), config, attach.message)
          : await ctx.host.invoke({
              // One environment per task, so tasks never see each other's module state.
              environmentKey: `checks/${ctx.lesson.id}/${task.id}`,
              files: ctx.files,
              config,
              eventJson: JSON.stringify(options.event ?? {}),
              forceColdStart: invokes === 0 || options.coldStart === true,
            });
      invokes += 1;
      output.push(...record.logs);
      return record;
    },
    scenario: async (file, options) => {
      const prepared = prepareScenario(ctx.lesson, file, ctx.files, options);
      let result;
      try {
        result = await playScenario(prepared, ctx.scenarioRunner);
      } catch (error) {
        // A run stopped for taking too long fails the task: the learner's code is the likely cause.
        // Anything else (setup refused, a simulator error) breaks the check, as any lesson bug does.
        if (!(error instanceof Error) || error.name !== SCENARIO_TOO_SLOW) throw error;
        throw new CheckFailure(
          {
            en: `the scenario ${prepared.input.label} to run to its end`,
            ko: `시나리오 ${prepared.input.label}가 끝까지 실행되는 것`,
          },
          { en: `it was stopped: ${error.message}`, ko: `중간에 멈췄어요: ${error.message}` },
        );
      }
      const run = toScenarioRun(result, prepared.functionName);
      for (const invocation of run.invocations()) output.push(...invocation.record.logs);
      return run;
    },
  });
  try {
    await withTimeout(check(harness), ctx.checkTimeoutMs, `the check did not finish within ${ctx.checkTimeoutMs} ms`);
    return { ...base, status: 'passed', passed: true, message: null, expected: null, actual: null };
  } catch (error) {
    if (error instanceof CheckFailure) {
      const expected = sayIn(language, error.expected);
      const actual = sayIn(language, error.actual);
      const message =
        language === 'ko' ? `기대한 결과: ${expected}\n실제 결과: ${actual}` : `Expected: ${expected}\nGot: ${actual}`;
      return failed('failed', expected, actual, message);
    }
    // node:assert and similar libraries fail with AssertionError: a failed task too.
    if (error instanceof Error && error.name === 'AssertionError') {
      return failed('failed', null, null, error.message);
    }
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return failed(
      'broken',
      null,
      null,
      `The check itself failed (a problem in the lesson, not in your code): ${reason}`,
    );
  }
}

/**
 * Runs the checks of the lesson in `lessonDir` against the learner's `files` (e.g.
 * `[{ path: 'index.mjs', code }]`), one task after another.
 * @throws ExerciseChecksError when the lesson has no exercise or its checks do not load;
 *   LessonContentError when the lesson folder is invalid.
 */
export async function runExerciseChecks(
  lessonDir: string | LoadedLesson,
  files: SourceFile[],
  options: RunChecksOptions = {},
): Promise<ExerciseRun> {
  const lesson = typeof lessonDir === 'string' ? loadLesson(lessonDir) : lessonDir;
  const exercise = lesson.exercise;
  if (!exercise) throw new ExerciseChecksError(`The lesson "${lesson.id}" has no exercise.`);
  const checks = await loadChecks(exercise.checksFile);
  const host = options.host ?? createLambdaHost();
  const ctx: TaskContext = {
    lesson,
    config: exerciseConfig(lesson, exercise),
    files,
    host,
    language: options.language ?? 'en',
    checkTimeoutMs: options.checkTimeoutMs ?? 60_000,
    ...(options.scenarioRunner ? { scenarioRunner: options.scenarioRunner } : {}),
    layers: createLayerLibrary(exercise.layers),
  };
  try {
    const tasks: TaskResult[] = [];
    for (const [index, task] of exercise.tasks.entries()) {
      if (options.taskIds && !options.taskIds.includes(task.id)) continue;
      tasks.push(await runTask(ctx, task, index + 1, checks[task.id]));
    }
    return { lessonId: lesson.id, tasks, passed: tasks.every((t) => t.passed) };
  } finally {
    if (!options.host) await host.dispose();
  }
}
