/**
 * What `h.scenario()` hands a check: the scenario's whole result plus readers for the questions
 * checks ask of it (how often did the learner's function run and with what, what is in this
 * bucket, table or queue now, where did failed events go), so a check reads like its task.
 * Asking about a bucket, table or queue the scenario does not have is a lesson bug: it throws.
 */
import type {
  BucketSnapshot,
  MessageSnapshot,
  ObjectSnapshot,
  QueueSnapshot,
  TableSnapshot,
} from '../account/account-types.ts';
import type {
  BatchResultNode,
  DeadLetterNode,
  DestinationNode,
  EventSourceName,
  InvocationModel,
  InvocationNode,
  RefusedNode,
  ResponseNode,
  TraceNode,
} from '../invocation-models/trace-types.ts';
import type { InvocationRecord } from '../invocation/record.ts';
import type { ScenarioResult } from '../scenario/scenario-types.ts';
import { logMessage } from './quiz-predict.ts';

/** Text for the learner in both languages (the harness's `Say`). */
type Bilingual = { en: string; ko: string };

/** One invocation of a function during the scenario. */
export interface ScenarioInvocation {
  functionName: string;
  /** 1 for the first attempt; 2 and 3 for async retries; the receive count for SQS. */
  attempt: number;
  model: InvocationModel;
  source: EventSourceName;
  /** Virtual time, ms since the epoch. */
  atMs: number;
  /** The event the function received, parsed. */
  event: unknown;
  ok: boolean;
  /** The returned value, parsed; undefined when the invocation failed. */
  result: unknown;
  /** `errorType: errorMessage` when it failed; null when it succeeded. */
  error: string | null;
  /** The handler's console messages (without timestamp, request id and level). */
  messages: string[];
  /** The whole invocation record (logs, report, cost). */
  record: InvocationRecord;
}

/** A scenario run with readers for checks. */
export interface ScenarioRun {
  /** Everything runScenario returned: trace, expectations, summary, account snapshot. */
  readonly result: ScenarioResult;
  /** The function that ran the learner's code. */
  readonly functionName: string;
  /** Invocations of `fn` (default: the learner's function), in the order they happened. */
  invocations(fn?: string): ScenarioInvocation[];
  /** The objects in a bucket at the end, sorted by key. */
  objects(bucket: string): ObjectSnapshot[];
  /** One object at the end, or undefined when there is none with that key. */
  object(bucket: string, key: string): ObjectSnapshot | undefined;
  /** A table's items at the end, as plain JSON (numbers as numbers). */
  items(table: string): Record<string, unknown>[];
  /** A queue at the end: counts, redrive policy and every message (visible, in flight or delayed). */
  queue(name: string): QueueSnapshot;
  /** The bodies of every message in a queue at the end, parsed as JSON when they are JSON. */
  bodies(queue: string): unknown[];
  /** Invocation records Lambda sent to an on-success or on-failure destination (of `fn`, default all). */
  destinations(fn?: string): DestinationNode[];
  /** Events sent to a dead-letter queue (async DLQ or SQS redrive); `target` like `sqs:orders-dlq`. */
  deadLetters(target?: string): DeadLetterNode[];
  /** Invocations Lambda refused (throttle, recursion, event age) of `fn` (default: the learner's). */
  refused(fn?: string): RefusedNode[];
  /** What a polled batch of `fn` (default: the learner's) left: messages deleted and returned. */
  batchResults(fn?: string): BatchResultNode[];
  /** What synchronous callers got back (API Gateway, Function URL...), in order. */
  responses(): ResponseNode[];
  /** How `fn` (default: the learner's) fared, in one phrase: for a failed check's "Got". */
  describe(fn?: string): Bilingual;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const clip = (text: string, max = 200): string => (text.length > max ? `${text.slice(0, max)}...` : text);

function toInvocation(node: InvocationNode): ScenarioInvocation {
  const { record } = node;
  return {
    functionName: node.functionName,
    attempt: node.attempt,
    model: node.model,
    source: node.source,
    atMs: node.atMs,
    event: parseJson(node.eventJson),
    ok: record.ok,
    result: record.ok ? parseJson(record.result) : undefined,
    error: record.ok ? null : `${record.error.errorType}: ${record.error.errorMessage}`,
    messages: record.logs.filter((l) => l.kind === 'function').map((l) => logMessage(l.text)),
    record,
  };
}

const ofKind = <K extends TraceNode['kind']>(trace: readonly TraceNode[], kind: K) =>
  trace.filter((n): n is Extract<TraceNode, { kind: K }> => n.kind === kind);

/** One phrase for how a function fared: runs, failures with the last error, refusals. */
function describeFunction(fn: string, runs: ScenarioInvocation[], refused: RefusedNode[]): Bilingual {
  const stopped = refused.length
    ? {
        en: `; Lambda refused ${refused.length} more (${[...new Set(refused.map((r) => r.reason))].join(', ')})`,
        ko: `, Lambda가 ${refused.length}번 더 거부했어요(${[...new Set(refused.map((r) => r.reason))].join(', ')})`,
      }
    : { en: '', ko: '' };
  if (runs.length === 0) {
    return { en: `${fn} never ran${stopped.en}`, ko: `${fn} 함수가 한 번도 실행되지 않았어요${stopped.ko}` };
  }
  const failed = runs.filter((r) => !r.ok);
  const lastError = failed.at(-1)?.error;
  const errorText = lastError
    ? { en: ` (last error ${clip(lastError)})`, ko: ` (마지막 오류: ${clip(lastError)})` }
    : { en: '', ko: '' };
  return {
    en: `${fn} ran ${runs.length} time(s): ${runs.length - failed.length} succeeded, ${failed.length} failed${errorText.en}${stopped.en}`,
    ko: `${fn} 함수가 ${runs.length}번 실행됐어요: 성공 ${runs.length - failed.length}번, 실패 ${failed.length}번${errorText.ko}${stopped.ko}`,
  };
}

/** Wraps a scenario's result for checks; `functionName` is the function that ran the learner's code. */
export function toScenarioRun(result: ScenarioResult, functionName: string): ScenarioRun {
  const { trace, snapshot } = result;
  const named = <T extends { name: string }>(list: T[], kind: string, name: string): T => {
    const found = list.find((x) => x.name === name);
    if (!found) {
      const known = list.map((x) => x.name).join(', ') || 'none';
      throw new Error(`the scenario "${result.name}" has no ${kind} named "${name}" (${kind}s: ${known})`);
    }
    return found;
  };
  const bucket = (name: string): BucketSnapshot => named(snapshot.buckets, 'bucket', name);
  const table = (name: string): TableSnapshot => named(snapshot.tables, 'table', name);
  const queue = (name: string): QueueSnapshot => named(snapshot.queues, 'queue', name);
  const invocations = (fn = functionName): ScenarioInvocation[] =>
    ofKind(trace, 'invocation')
      .filter((n) => n.functionName === fn)
      .map(toInvocation);
  const refused = (fn = functionName): RefusedNode[] => ofKind(trace, 'refused').filter((n) => n.functionName === fn);
  return {
    result,
    functionName,
    invocations,
    objects: (name) => bucket(name).objects,
    object: (name, key) => bucket(name).objects.find((o) => o.key === key),
    items: (name) => table(name).items,
    queue,
    bodies: (name) => queue(name).messages.map((m: MessageSnapshot) => parseJson(m.body)),
    destinations: (fn) => ofKind(trace, 'destination').filter((n) => fn === undefined || n.functionName === fn),
    deadLetters: (target) => ofKind(trace, 'dead-letter').filter((n) => target === undefined || n.target === target),
    refused,
    batchResults: (fn = functionName) => {
      const ids = new Set(
        ofKind(trace, 'invocation')
          .filter((n) => n.functionName === fn)
          .map((n) => n.id),
      );
      return ofKind(trace, 'batch-result').filter((n) => n.parentId !== null && ids.has(n.parentId));
    },
    responses: () => ofKind(trace, 'response'),
    describe: (fn = functionName) => describeFunction(fn, invocations(fn), refused(fn)),
  };
}
