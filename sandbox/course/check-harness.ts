/**
 * What a lesson's checks.ts works with. A check is trusted lesson code: an async function per task
 * that invokes the learner's handler through the simulator with events and configurations of its
 * choosing, then asserts on the whole invocation record. A failed assertion says what was
 * expected and what happened, in both languages when the author gives both.
 *
 * ```ts
 * import type { ExerciseChecks } from '../../sandbox/course/check-harness.ts';
 * export const checks: ExerciseChecks = {
 *   'greet-by-name': async (h) => {
 *     const record = await h.invoke({ event: { name: 'Ada' } });
 *     const result = h.object(record);
 *     h.check(result.statusCode === 200, 'statusCode 200', `statusCode ${result.statusCode}`);
 *   },
 *   'thumbnail-key': async (h) => {
 *     const run = await h.scenario('scenarios/upload.yaml', { function: 'thumbnail' });
 *     h.check(run.object('thumbs', 'thumbnails/cat.jpg'), 'thumbnails/cat.jpg in thumbs', run.describe());
 *   },
 * };
 * ```
 */
import type { Language } from '../../electron/api/types.ts';
import { buildEvent } from '../events/templates.ts';
import type { FunctionConfig, InvocationRecord } from '../invocation/record.ts';
import type { CheckScenarioOptions } from './check-scenario.ts';
import { logMessage } from './quiz-predict.ts';
import type { ScenarioRun } from './scenario-run.ts';

export type { CheckScenarioOptions, ScenarioFunctionConfig } from './check-scenario.ts';
export type { ScenarioInvocation, ScenarioRun } from './scenario-run.ts';

/** Text for the learner: one string, or one per language. */
export type Say = string | { en: string; ko: string };

/** How one check invokes the learner's code. */
export interface CheckInvokeOptions {
  /** The event (any JSON value); default `{}`. */
  event?: unknown;
  /** Changes to the exercise's configuration (a change is a new deployment, so a cold start). */
  config?: Partial<FunctionConfig>;
  /** Start a new execution environment first. The first invoke of each task is always cold. */
  coldStart?: boolean;
  /**
   * Layer version ARNs to attach, in order, instead of the exercise's `config.layers`; they resolve
   * against the layers the lesson publishes. Refused layers (unknown, more than 5, ...) give a
   * failed record with Lambda's InvalidParameterValueException, as Lambda's API would.
   */
  layers?: readonly string[];
}

/** The tools a check gets. */
export interface CheckHarness {
  /** The language the learner reads; `say` picks from bilingual text with it. */
  readonly language: Language;
  /** Invokes the learner's handler; invokes within one task share one warm environment. */
  invoke(options?: CheckInvokeOptions): Promise<InvocationRecord>;
  /**
   * Plays a scenario file of the lesson (`scenarios/<name>.yaml` or `<name>.scenario.yaml`, path
   * relative to the lesson folder) in a simulated AWS account, with the learner's code as the
   * function `options.function` (the only one when left out), and returns what happened. The
   * learner's function's CloudWatch lines become the task's output. A scenario that cannot finish
   * (too slow, its worker crashed) fails the task; an unknown file or function breaks the check.
   */
  scenario(file: string, options?: CheckScenarioOptions): Promise<ScenarioRun>;
  /** The handler's console messages (without timestamp, request id and level). */
  messages(record: InvocationRecord): string[];
  /** The returned value, parsed from JSON. Fails the check (saying what happened instead) when the invoke failed. */
  result(record: InvocationRecord): unknown;
  /** Like `result`, and also fails unless the value is a JSON object, so fields can be read directly. */
  object(record: InvocationRecord): Record<string, unknown>;
  /** What an invoke did, in a short phrase: what it returned, or how it failed. */
  describe(record: InvocationRecord): Say;
  /** Fails the check. */
  fail(expected: Say, actual: Say): never;
  /**
   * Fails the check unless `condition` holds. `actual` may be a function, called only on failure.
   * (Not an `asserts` signature: TypeScript allows those only on explicitly typed names, and checks
   * receive `h` through the ExerciseChecks type.)
   */
  check(condition: unknown, expected: Say, actual: Say | (() => Say)): void;
  /** Picks the learner's language from bilingual text. */
  say(text: Say): string;
  /**
   * An event from the simulator's templates, the same the event picker and `coldstart events`
   * build (`coldstart events <template> --params` lists the parameters). Values are given as the
   * CLI takes them; anything but a string is written as JSON (`messages: ['a', 'b']`). An unknown
   * template or a bad value is a bug in the lesson, so it breaks the check.
   */
  event(template: string, params?: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** A check for one task; it passes unless it throws. */
export type TaskCheck = (h: CheckHarness) => Promise<void>;

/** What checks.ts exports as `checks`: one check per task id of exercise.yaml. */
export type ExerciseChecks = Record<string, TaskCheck>;

/** Thrown by a failed assertion: the task failed (as opposed to the check itself breaking). */
export class CheckFailure extends Error {
  readonly expected: Say;
  readonly actual: Say;
  constructor(expected: Say, actual: Say) {
    super(
      `Expected: ${typeof expected === 'string' ? expected : expected.en}\nGot: ${typeof actual === 'string' ? actual : actual.en}`,
    );
    this.name = 'CheckFailure';
    this.expected = expected;
    this.actual = actual;
  }
}

export const sayIn = (language: Language, text: Say): string => (typeof text === 'string' ? text : text[language]);

/** Long results are cut so a message stays readable. */
const clip = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max)}...` : text);

/** A short phrase for what an invoke did. */
export function describeRecord(record: InvocationRecord): Say {
  if (record.ok) {
    return { en: `it returned ${clip(record.result)}`, ko: `반환값이 ${clip(record.result)}였어요` };
  }
  const { errorType, errorMessage } = record.error;
  if (record.report.status === 'timeout') {
    return { en: `it timed out (${errorMessage})`, ko: `제한 시간을 넘겼어요 (${errorMessage})` };
  }
  if (errorType === 'Runtime.OutOfMemory') {
    return {
      en: `it ran out of memory at ${record.report.memorySizeMB} MB (${errorType})`,
      ko: `메모리 ${record.report.memorySizeMB} MB를 다 써서 멈췄어요 (${errorType})`,
    };
  }
  return {
    en: `it failed with ${errorType}: ${clip(errorMessage)}`,
    ko: `${errorType} 오류로 실패했어요: ${clip(errorMessage)}`,
  };
}

/** The environment-facing part the runner supplies. */
export interface HarnessBackend {
  language: Language;
  invoke(options: CheckInvokeOptions): Promise<InvocationRecord>;
  scenario(file: string, options: CheckScenarioOptions): Promise<ScenarioRun>;
}

/** Builds the harness a check receives. */
export function createHarness(backend: HarnessBackend): CheckHarness {
  const fail = (expected: Say, actual: Say): never => {
    throw new CheckFailure(expected, actual);
  };
  const result = (record: InvocationRecord): unknown => {
    if (!record.ok) {
      return fail({ en: 'the handler to return a result', ko: '핸들러가 값을 반환하는 것' }, describeRecord(record));
    }
    return JSON.parse(record.result) as unknown;
  };
  return {
    language: backend.language,
    invoke: (options = {}) => backend.invoke(options),
    scenario: (file, options = {}) => backend.scenario(file, options),
    messages: (record) => record.logs.filter((l) => l.kind === 'function').map((l) => logMessage(l.text)),
    result,
    object: (record) => {
      const value = result(record);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return fail(
          { en: 'the handler to return an object', ko: '핸들러가 객체를 반환하는 것' },
          describeRecord(record),
        );
      }
      return value as Record<string, unknown>;
    },
    describe: describeRecord,
    fail,
    check(condition, expected, actual) {
      if (!condition) fail(expected, typeof actual === 'function' ? actual() : actual);
    },
    say: (text) => sayIn(backend.language, text),
    event: templateEvent,
  };
}

function templateEvent(template: string, params: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const text = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
  const built = buildEvent(template, text);
  if (!built.ok) throw new Error(`h.event('${template}'): ${built.message}`);
  return built.event as Record<string, unknown>;
}
