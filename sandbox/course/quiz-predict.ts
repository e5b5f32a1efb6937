/**
 * Predict-the-output questions: the snippet runs in the real sandbox (one execution environment,
 * its events invoked in order, so the first is cold and the rest warm) and the learner's
 * prediction is compared with what actually came out. The simulator is deterministic, so a
 * question's outcome is computed once and cached.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_RUNTIME, MEMORY_DEFAULT_MB, TIMEOUT_DEFAULT_S } from '../facts/limits.ts';
import type { FunctionConfig, InvocationRecord } from '../invocation/record.ts';
import type { LambdaHost } from '../runtime/lambda-host-types.ts';
import type { PredictQuestion } from './quiz-schema.ts';

/** What one invoke of the snippet produced, reduced to what a learner can predict. */
export interface PredictInvocation {
  coldStart: boolean;
  /** The result as JSON text, or `null` when the invoke failed. */
  result: string | null;
  /** Lambda's error, when the invoke failed. */
  error: { errorType: string; errorMessage: string } | null;
  /** The handler's console messages (no timestamp, request id or level). */
  messages: string[];
  /** The full CloudWatch lines, for the feedback view. */
  logs: string[];
}

/** The whole run of a predict question. */
export interface PredictRun {
  invocations: PredictInvocation[];
  /** The text a right prediction matches (for the invoke the question asks about). */
  expected: string;
}

/** The message part of a function log line: `time\trequest id\tLEVEL\tmessage`. */
export function logMessage(text: string): string {
  return text.split('\t').slice(3).join('\t');
}

const toPrediction = (record: InvocationRecord): PredictInvocation => ({
  coldStart: record.coldStart,
  result: record.ok ? record.result : null,
  error: record.ok ? null : { errorType: record.error.errorType, errorMessage: record.error.errorMessage },
  messages: record.logs.filter((line) => line.kind === 'function').map((line) => logMessage(line.text)),
  logs: record.logs.map((line) => line.text),
});

/** What the question asks about, as text: the result JSON, the error type, or the log lines. */
export function expectedText(question: PredictQuestion, invocations: readonly PredictInvocation[]): string {
  const target = invocations[question.ask.invoke - 1];
  if (!target) return '';
  if (question.ask.what === 'log') return target.messages.join('\n');
  return target.result ?? target.error?.errorType ?? '';
}

/** The snippet's function configuration: Lambda's defaults unless the question sets them. */
export function predictConfig(question: PredictQuestion): FunctionConfig {
  const module = question.filename.replace(/\.(mjs|cjs|js)$/, '');
  return {
    functionName: 'quiz-snippet',
    handler: `${module}.${question.export}`,
    runtime: question.config?.runtime ?? DEFAULT_RUNTIME,
    architecture: question.config?.architecture ?? 'x86_64',
    memorySizeMB: question.config?.memorySizeMB ?? MEMORY_DEFAULT_MB,
    timeoutSeconds: question.config?.timeoutSeconds ?? TIMEOUT_DEFAULT_S,
    ...(question.config?.ephemeralStorageMB === undefined
      ? {}
      : { ephemeralStorageMB: question.config.ephemeralStorageMB }),
    environment: question.config?.environment ?? {},
  };
}

const CACHE_LIMIT = 200;
const cache = new Map<string, Promise<PredictRun>>();

const runKey = (question: PredictQuestion): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        question.snippet,
        question.filename,
        question.export,
        question.events,
        question.config,
        question.ask,
      ]),
    )
    .digest('hex');

/** Runs the snippet's events in order in one fresh environment. */
async function execute(question: PredictQuestion, host: LambdaHost, key: string): Promise<PredictRun> {
  const config = predictConfig(question);
  const files = [{ path: question.filename, code: question.snippet }];
  const invocations: PredictInvocation[] = [];
  for (const [index, event] of question.events.entries()) {
    const record = await host.invoke({
      environmentKey: `quiz-predict/${key.slice(0, 16)}`,
      files,
      config,
      eventJson: JSON.stringify(event ?? {}),
      // The first invoke must be cold whatever ran under this key before.
      forceColdStart: index === 0,
    });
    invocations.push(toPrediction(record));
  }
  return { invocations, expected: expectedText(question, invocations) };
}

/**
 * Runs a predict question's snippet (cached per snippet, events and configuration, since the
 * simulator is deterministic). `fresh` bypasses the cache, e.g. to check determinism.
 */
export function runPrediction(
  question: PredictQuestion,
  host: LambdaHost,
  options: { fresh?: boolean } = {},
): Promise<PredictRun> {
  const key = runKey(question);
  if (options.fresh) return execute(question, host, `${key}-fresh`);
  let run = cache.get(key);
  if (!run) {
    run = execute(question, host, key);
    // A failed run (e.g. the host was disposed) is not remembered.
    run.catch(() => cache.delete(key));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, run);
  }
  return run;
}

/** Collapses runs of spaces and tabs and trims each line; drops blank lines at either end. */
const normaliseLines = (text: string): string =>
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');

/** JSON with object keys sorted, so `{"a":1,"b":2}` equals `{ "b": 2, "a": 1 }`. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/**
 * Whether `prediction` matches `expected` for this kind of ask. Results compare as JSON (key
 * order and spacing do not matter; a string result may be typed without quotes); log lines
 * compare line by line, ignoring repeated spaces and blank lines at either end.
 */
export function predictionMatches(what: PredictQuestion['ask']['what'], expected: string, prediction: string): boolean {
  if (what === 'log') return normaliseLines(expected) === normaliseLines(prediction);
  const actual = parseJson(expected);
  if (!actual.ok) return expected.trim() === prediction.trim();
  const predicted = parseJson(prediction.trim());
  if (predicted.ok && canonical(predicted.value) === canonical(actual.value)) return true;
  return typeof actual.value === 'string' && actual.value === prediction.trim();
}
