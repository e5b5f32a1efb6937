/**
 * The Lambda service of a simulated account: deployed functions, a virtual clock, and one way to run
 * an invocation that every invocation model (sync, async, polled) goes through. It refuses what
 * Lambda refuses before a handler runs (reserved concurrency 0, recursive loops), gives each request
 * a reproducible id, and records every invocation in the trace with what caused it.
 */
import { SIMULATED_ACCOUNT_ID, SIMULATED_REGION } from '../facts/limits.ts';
import { EventGen } from '../events/event-gen.ts';
import type { FunctionConfig, InvocationRecord, SourceFile } from '../invocation/record.ts';
import type { EnvironmentPool, PoolInvokeRequest } from '../runtime/environment-pool.ts';
import { RECURSION_LIMIT, RECURSION_TRACKED_SOURCES } from './constants.ts';
import type { VirtualScheduler } from './scheduler.ts';
import {
  TraceRecorder,
  type EventSourceName,
  type InvocationModel,
  type InvocationNode,
  type RefusedNode,
} from './trace-types.ts';

/** Asynchronous invocation settings (PutFunctionEventInvokeConfig; invocation-async-retain-records.html). */
export interface AsyncInvokeConfig {
  /** Retries after a function error, 0-2 (default 2). */
  maximumRetryAttempts?: number;
  /** Oldest event Lambda still tries, 60-21,600 s (default 21,600 = 6 hours). */
  maximumEventAgeInSeconds?: number;
  /** Where the invocation record goes after a success: `sqs:<queue>`, `sns:<topic>`, `lambda:<fn>`, `eventbridge:<bus>`. */
  onSuccess?: string;
  /** Where the invocation record goes after the last failed attempt (also `s3:<bucket>`). */
  onFailure?: string;
}

/** A function as deployed: code, configuration and the settings of its invocation models. */
export interface DeployedFunction {
  name: string;
  config: FunctionConfig;
  files: SourceFile[];
  async?: AsyncInvokeConfig;
  /** Dead-letter queue for async events: `sqs:<queue>` or `sns:<topic>` (the event only). */
  deadLetterTarget?: string;
  /** Reserved concurrency; 0 throttles every invocation (configuration-concurrency.html). */
  reservedConcurrency?: number;
  /** Recursive loop detection: Terminate (default) or Allow (PutFunctionRecursionConfig). */
  recursiveLoop?: 'Terminate' | 'Allow';
}

/** How many times each function ran in one chain of events (the loop-detection lineage). */
export type Lineage = Readonly<Record<string, number>>;

/** What caused an invocation. */
export interface InvokeOrigin {
  /** The trace node that caused it (a step, a service event, a retry). */
  parentId: string | null;
  source: EventSourceName;
  model: InvocationModel;
  /** 1-based attempt (async retries) or receive count (SQS). */
  attempt?: number;
  /** The chain the event belongs to (from the invocation that wrote it); empty for a new chain. */
  lineage?: Lineage;
}

/** The invocation running now, for the account: whose role signs SDK calls and whose chain writes belong to. */
export interface ActiveInvocation {
  nodeId: string;
  fn: DeployedFunction;
  requestId: string;
  lineage: Lineage;
}

export type RunOutcome =
  | { kind: 'ran'; node: InvocationNode; record: InvocationRecord; endMs: number }
  | { kind: 'refused'; node: RefusedNode };

/** Called around each handler run (the account signs SDK calls with the running function's role). */
export interface InvocationHooks {
  beforeInvoke?(active: ActiveInvocation): void;
  afterInvoke?(active: ActiveInvocation, record: InvocationRecord): void;
  /** Extra fields for the pool request (the account attachment: `{ account, caller, startAt }`). */
  requestExtras?(active: ActiveInvocation): Record<string, unknown>;
}

/** Options of LambdaService. */
export interface LambdaServiceOptions {
  scheduler: VirtualScheduler;
  pool: EnvironmentPool;
  trace?: TraceRecorder;
  /** Seed of request ids (default 'coldstart'). */
  seed?: string;
  hooks?: InvocationHooks;
}

/** `arn:aws:lambda:us-east-1:123456789012:function:<name>` */
export function lambdaArn(name: string): string {
  return `arn:aws:lambda:${SIMULATED_REGION}:${SIMULATED_ACCOUNT_ID}:function:${name}`;
}

const PENDING = null as unknown as InvocationRecord;

export class LambdaService {
  readonly scheduler: VirtualScheduler;
  readonly trace: TraceRecorder;
  readonly pool: EnvironmentPool;
  private readonly functions = new Map<string, DeployedFunction>();
  private readonly ids: EventGen;
  private readonly hooks: InvocationHooks;
  private running: ActiveInvocation | undefined;

  constructor(options: LambdaServiceOptions) {
    this.scheduler = options.scheduler;
    this.pool = options.pool;
    this.trace = options.trace ?? new TraceRecorder();
    this.ids = new EventGen(`${options.seed ?? 'coldstart'}/request-ids`);
    this.hooks = options.hooks ?? {};
  }

  /** Add or replace a function. */
  deploy(fn: DeployedFunction): void {
    this.functions.set(fn.name, fn);
  }

  get(name: string): DeployedFunction | undefined {
    return this.functions.get(name);
  }

  /** Function names, in deployment order. */
  names(): string[] {
    return [...this.functions.keys()];
  }

  /** The invocation whose handler is running now (undefined between invocations). */
  get active(): ActiveInvocation | undefined {
    return this.running;
  }

  /**
   * Load an engine for each function (one function's memory bomb stays its own) and esbuild for
   * TypeScript, so that invocations can run synchronously.
   */
  async prepare(): Promise<void> {
    await this.pool.ready([...this.functions.values()]);
  }

  /** A new reproducible id (request ids, message ids). */
  newId(): string {
    return this.ids.uuid();
  }

  /**
   * Run `functionName` with `eventJson` now (virtual time) unless Lambda would refuse it first.
   * Every model calls this; the caller decides what a failure means (a 502, a retry, a redelivery).
   */
  run(functionName: string, eventJson: string, origin: InvokeOrigin): RunOutcome {
    const fn = this.functions.get(functionName);
    const atMs = this.scheduler.now();
    if (!fn) throw new Error(`no function named '${functionName}' is deployed`);
    const tracked = (RECURSION_TRACKED_SOURCES as readonly string[]).includes(origin.source);
    const inherited = tracked ? (origin.lineage ?? {}) : {};
    const chainCount = (inherited[functionName] ?? 0) + 1;
    if (fn.reservedConcurrency === 0) {
      const message = 'Rate Exceeded.';
      return this.refuse(fn, origin, atMs, 'throttle', 'TooManyRequestsException', message, [
        `TooManyRequestsException: ${message} (Reason: ReservedFunctionConcurrentInvocationLimitExceeded; reserved concurrency of ${fn.name} is 0)`,
      ]);
    }
    if (chainCount > RECURSION_LIMIT && fn.recursiveLoop !== 'Allow') {
      // invocation-recursion.html: Lambda stops the invocation, drops the event (to a DLQ or on-failure
      // destination when one is configured) and counts it in RecursiveInvocationsDropped.
      const message =
        "Lambda has detected your function being invoked in a recursive loop with other AWS resources and stopped your function's invocation.";
      return this.refuse(fn, origin, atMs, 'recursion', 'RecursiveInvocationException', message, [
        `RecursiveInvocationException: ${message}`,
        `${fn.name} ran ${RECURSION_LIMIT} times in this chain of events; the ${ordinal(chainCount)} invocation was dropped (CloudWatch metric RecursiveInvocationsDropped +1).`,
      ]);
    }
    const requestId = this.newId();
    const lineage: Lineage = { ...inherited, [functionName]: chainCount };
    const nodeId = this.trace.add({
      kind: 'invocation',
      parentId: origin.parentId,
      atMs,
      functionName,
      model: origin.model,
      source: origin.source,
      attempt: origin.attempt ?? 1,
      eventJson,
      record: PENDING,
      chainCount,
    });
    const node = this.trace.get(nodeId) as InvocationNode;
    const active: ActiveInvocation = { nodeId, fn, requestId, lineage };
    const outer = this.running;
    this.running = active;
    let record: InvocationRecord;
    try {
      this.hooks.beforeInvoke?.(active);
      const request: PoolInvokeRequest = {
        key: `scenario:${fn.name}`,
        config: fn.config,
        files: fn.files,
        eventJson,
        requestId,
        // Log lines and Date.now() in the handler carry the scenario's virtual time.
        startAtMs: atMs,
        ...this.hooks.requestExtras?.(active),
      };
      record = this.pool.invokeSync(request);
      this.hooks.afterInvoke?.(active, record);
    } finally {
      this.running = outer;
    }
    node.record = record;
    return { kind: 'ran', node, record, endMs: atMs + record.report.durationMs };
  }

  private refuse(
    fn: DeployedFunction,
    origin: InvokeOrigin,
    atMs: number,
    reason: RefusedNode['reason'],
    errorType: string,
    message: string,
    log: string[],
  ): RunOutcome {
    const id = this.trace.add({
      kind: 'refused',
      parentId: origin.parentId,
      atMs,
      functionName: fn.name,
      reason,
      errorType,
      message,
      log,
    });
    return { kind: 'refused', node: this.trace.get(id) as RefusedNode };
  }
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? 'st'
      : n % 10 === 2 && n % 100 !== 12
        ? 'nd'
        : n % 10 === 3 && n % 100 !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}
