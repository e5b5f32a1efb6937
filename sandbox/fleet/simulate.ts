/**
 * simulateFleet: a discrete-event simulation of one Lambda function under load, over virtual time.
 * Requests arrive per the load pattern; each one reuses an idle environment or starts a new one
 * (a cold start whose INIT really runs) if concurrency, reserved concurrency and the scaling rate
 * allow, else it is throttled as Lambda throttles (sync: 429 to the caller; async: retried with
 * backoff until the event is too old; SQS: the batch returns after the visibility timeout).
 * The handler really runs in its environment through EnvironmentPool, so each environment keeps
 * its own globals; beyond `maxExactInvocations` a labelled sample runs and the rest is
 * extrapolated (./executor.ts). See ./fleet-types.ts for the contract.
 */
import { ASYNC_ERROR_RETRY_DELAYS_S, ASYNC_THROTTLE_BACKOFF_FIRST_S, ASYNC_THROTTLE_BACKOFF_MAX_S } from '../facts/limits.ts';
import { EnvironmentPool } from '../runtime/environment-pool.ts';
import { requestTooLarge } from '../runtime/request-limits.ts';
import { arrivalCount, arrivalTimes } from './arrivals.ts';
import { Capacity, throttleMessage } from './capacity.ts';
import { Fleet, type FleetEnvironment } from './environments.ts';
import { EventQueue } from './event-queue.ts';
import { Executor, type Outcome } from './executor.ts';
import type { FleetInput, FleetResult, FleetTotals, RejectionDetail, ThrottleDetail, ThrottleReason } from './fleet-types.ts';
import { LatencyRecorder, SeriesBuilder } from './metrics.ts';
import { Meter } from './metering.ts';
import { seededRandom } from './rng.ts';
import { resolveSettings, type FleetSettings } from './settings.ts';
import { sqsEventJson, SQS_POLLER_BACKOFF_MS, VisibleMessages, type SqsMessage } from './sqs-queue.ts';
import { describeRun } from './run-notes.ts';

/** Live environments whose handler really runs at once (about 250 KB of host memory each). */
export const MAX_LIVE_REAL_ENVIRONMENTS = 2_000;
/** Sampled mode: the handler really runs in the first this-many environments only. */
export const SAMPLE_ENVIRONMENTS = 100;
/** Default FleetInput.sampleInvocations. */
export const DEFAULT_SAMPLE_INVOCATIONS = 2_000;
/** Throttle details kept in the result (totals count all). */
export const MAX_THROTTLE_DETAILS = 200;
/** A safety stop for runaway simulations (events processed). */
const MAX_EVENTS = 100_000_000;

interface AsyncEvent {
  arrivedMs: number;
  errorRetries: number;
  throttles: number;
}

type Work = { kind: 'sync' } | { kind: 'async'; event: AsyncEvent } | { kind: 'sqs'; batch: SqsMessage[] };

type SimEvent =
  | { type: 'done'; env: FleetEnvironment; work: Work; ok: boolean; startMs: number }
  | { type: 'reap'; env: FleetEnvironment }
  | { type: 'async-attempt'; event: AsyncEvent }
  | { type: 'sqs-visible'; messages: SqsMessage[] }
  | { type: 'sqs-poll' };

/** Options beside the input (not part of the UI contract). */
export interface SimulateOptions {
  /** A pool to run in (default: a new one, disposed at the end). */
  pool?: EnvironmentPool;
  /** Leave reaped environments alive in `pool` (benchmarks measure them after the run). */
  keepEnvironments?: boolean;
}

/**
 * Simulate `input`. Resolves to the result; rejects with FleetInputError for invalid input.
 * Async only to load the QuickJS engine; the simulation itself is synchronous.
 */
export async function simulateFleet(input: FleetInput, options: SimulateOptions = {}): Promise<FleetResult> {
  const settings = resolveSettings(input);
  const arrivals = arrivalTimes(input.load);
  const pool = options.pool ?? new EnvironmentPool({ maxEnvironments: MAX_LIVE_REAL_ENVIRONMENTS + 16, idleReapMs: Number.MAX_SAFE_INTEGER });
  try {
    if (pool.needsPreparation(input)) await pool.ready(input);
    return new Simulation(input, settings, pool, arrivals, options.keepEnvironments === true).run();
  } finally {
    if (!options.pool) pool.dispose();
  }
}

class Simulation {
  private readonly queue = new EventQueue<SimEvent>();
  private readonly fleet: Fleet;
  private readonly capacity: Capacity;
  private readonly executor: Executor;
  private readonly series = new SeriesBuilder();
  private readonly latency = new LatencyRecorder();
  private readonly meter: Meter;
  private readonly visible = new VisibleMessages();
  private readonly throttles: ThrottleDetail[] = [];
  private readonly rejections: RejectionDetail[] = [];
  /** Lambda's answer to every request of the run when the event is over the payload quota. */
  private readonly refusal: { message: string } | undefined;
  private readonly sampleResults: FleetResult['sampleResults'] = [];
  private readonly totals: FleetTotals;
  private readonly sampled: boolean;
  private readonly sampledBecause: 'requested' | 'volume' | undefined;
  private pollerBlockedUntil = 0;
  private pollAt = Infinity;
  private nextMessageId = 1;
  private lastMs = 0;
  /** The instant being simulated. */
  private now = 0;
  private readonly input: FleetInput;
  private readonly settings: FleetSettings;
  private readonly pool: EnvironmentPool;
  private readonly arrivals: Float64Array;
  private readonly keepEnvironments: boolean;

  constructor(input: FleetInput, settings: FleetSettings, pool: EnvironmentPool, arrivals: Float64Array, keepEnvironments: boolean) {
    this.keepEnvironments = keepEnvironments;
    this.input = input;
    this.settings = settings;
    this.pool = pool;
    this.arrivals = arrivals;
    const expected = arrivalCount(input.load);
    this.sampledBecause =
      settings.mode === 'sampled' ? 'requested' : settings.mode === 'auto' && expected > settings.maxExactInvocations ? 'volume' : undefined;
    this.sampled = this.sampledBecause !== undefined;
    const budget = this.sampled ? (input.sampleInvocations ?? DEFAULT_SAMPLE_INVOCATIONS) : Infinity;
    this.executor = new Executor(pool, input.files, input.config, seededRandom(settings.seed), budget);
    this.fleet = new Fleet(settings.maxTimelineEnvironments);
    this.capacity = new Capacity(settings);
    // Every request carries the same event: over the payload quota (6 MB sync, 1 MB async) each
    // one is refused on admission with RequestEntityTooLargeException and never runs or bills.
    // SQS messages are limited by SQS itself, before Lambda sees them.
    const tooLarge = settings.invocation === 'sqs' ? undefined : requestTooLarge(input.eventJson, settings.invocation);
    this.refusal = tooLarge ? { message: tooLarge.errorMessage } : undefined;
    this.meter = new Meter(input.config, settings.invocation === 'async' && !tooLarge ? Buffer.byteLength(input.eventJson) : undefined);
    this.totals = {
      requests: arrivals.length,
      rejected: 0,
      invocations: 0,
      coldStarts: 0,
      throttles: 0,
      throttlesByReason: {
        ConcurrentInvocationLimitExceeded: 0,
        ReservedFunctionConcurrentInvocationLimitExceeded: 0,
        FunctionInvocationRateLimitExceeded: 0,
        ReservedFunctionInvocationRateLimitExceeded: 0,
        ScalingRateExceeded: 0,
      },
      errors: 0,
      retries: 0,
      expiredEvents: 0,
      failedEvents: 0,
      pendingEvents: 0,
      maxConcurrency: 0,
      environments: 0,
      provisionedInvocations: 0,
      makespanMs: 0,
    };
  }

  run(): FleetResult {
    for (let i = 0; i < this.settings.provisioned; i++) this.fleet.create(0, true, this.mayRunReal());
    const arrivals = this.arrivals;
    let next = 0;
    for (let processed = 0; processed < MAX_EVENTS; processed++) {
      const arrivalAt = next < arrivals.length ? arrivals[next]! : Infinity;
      const top = this.queue.peek();
      const eventAt = top?.atMs ?? Infinity;
      if (arrivalAt === Infinity && eventAt === Infinity) break;
      // At the same instant, a finishing invoke frees its environment before new requests arrive.
      if (arrivalAt < eventAt || (arrivalAt === eventAt && top?.event.type !== 'done')) {
        next++;
        this.arrive(arrivalAt);
      } else {
        this.queue.pop();
        this.handle(top!.event, eventAt);
      }
    }
    return this.result();
  }

  private mayRunReal(): boolean {
    if (!this.executor.canRunReal || this.fleet.liveReal >= MAX_LIVE_REAL_ENVIRONMENTS) return false;
    return !this.sampled || this.fleet.all.length < SAMPLE_ENVIRONMENTS;
  }

  private arrive(t: number): void {
    this.now = t;
    this.lastMs = Math.max(this.lastMs, t);
    if (this.refusal) {
      this.reject(t, this.refusal.message);
      return;
    }
    switch (this.settings.invocation) {
      case 'sync':
        this.attempt(t, { kind: 'sync' });
        return;
      case 'async':
        this.attempt(t, { kind: 'async', event: { arrivedMs: t, errorRetries: 0, throttles: 0 } });
        return;
      case 'sqs':
        this.visible.push({ id: this.nextMessageId++, enqueuedMs: t, visibleSinceMs: t, receiveCount: 0 });
        this.schedulePoll(t);
    }
  }

  private handle(e: SimEvent, t: number): void {
    this.now = t;
    if (e.type !== 'reap') this.lastMs = Math.max(this.lastMs, t);
    switch (e.type) {
      case 'done':
        this.finish(e.env, e.work, e.ok, e.startMs, t);
        return;
      case 'reap': {
        const next = this.fleet.reapCheck(e.env, t, this.settings.idleReapMs);
        if (next === 'reaped') {
          if (e.env.real && !this.keepEnvironments) this.pool.shutdown(e.env.key);
        } else if (next !== undefined) this.queue.push(next, { type: 'reap', env: e.env });
        return;
      }
      case 'async-attempt':
        this.totals.retries++;
        this.attempt(t, { kind: 'async', event: e.event });
        return;
      case 'sqs-visible':
        for (const m of e.messages) {
          m.visibleSinceMs = t;
          this.visible.push(m);
        }
        this.schedulePoll(t);
        return;
      case 'sqs-poll':
        if (this.pollAt === t) this.pollAt = Infinity;
        this.poll(t);
    }
  }

  /** An environment for a request at `t`, or the reason it is throttled. */
  private acquire(t: number, sync: boolean): FleetEnvironment | ThrottleReason {
    if (sync) {
      const rate = this.capacity.syncRateThrottle(t);
      if (rate) return rate;
    }
    const idle = this.fleet.takeIdle();
    if (idle) return idle;
    const limit = this.capacity.concurrencyThrottle(this.fleet.busy);
    if (limit) return limit;
    if (!this.capacity.takeScalingUnit(t)) return 'ScalingRateExceeded';
    return this.fleet.create(t, false, this.mayRunReal());
  }

  /** Try to start `work` at `t`. */
  private attempt(t: number, work: Work): void {
    const got = this.acquire(t, work.kind === 'sync');
    if (typeof got !== 'string') {
      this.start(got, t, work);
      return;
    }
    if (work.kind === 'sync') {
      this.throttled(t, got, 'returned-to-caller');
    } else if (work.kind === 'async') {
      const ev = work.event;
      ev.throttles++;
      const delay = Math.min(ASYNC_THROTTLE_BACKOFF_FIRST_S * 2 ** (ev.throttles - 1), ASYNC_THROTTLE_BACKOFF_MAX_S) * 1000;
      if (t + delay - ev.arrivedMs > this.settings.asyncMaxEventAgeMs) {
        this.throttled(t, got, 'expired');
        this.totals.expiredEvents++;
      } else {
        this.throttled(t, got, 'retried');
        this.queue.push(t + delay, { type: 'async-attempt', event: ev });
      }
    } else {
      const dropped = this.returnToQueue(work.batch, t);
      this.throttled(t, got, dropped === work.batch.length ? 'expired' : 'retried');
      this.pollerBlockedUntil = t + SQS_POLLER_BACKOFF_MS;
      this.schedulePoll(this.pollerBlockedUntil);
    }
  }

  /** Lambda refused the request on admission (HTTP 413): counted, never run, never billed. */
  private reject(t: number, message: string): void {
    this.totals.rejected++;
    if (this.rejections.length < MAX_THROTTLE_DETAILS)
      this.rejections.push({ atMs: t, errorType: 'RequestEntityTooLargeException', statusCode: 413, message, invocation: this.settings.invocation });
  }

  private throttled(t: number, reason: ThrottleReason, outcome: ThrottleDetail['outcome']): void {
    this.totals.throttles++;
    this.totals.throttlesByReason[reason]++;
    this.series.count(t, 'throttles');
    if (this.throttles.length < MAX_THROTTLE_DETAILS)
      this.throttles.push({
        atMs: t,
        errorType: 'TooManyRequestsException',
        statusCode: 429,
        reason,
        message: throttleMessage(reason),
        invocation: this.settings.invocation,
        outcome,
      });
  }

  private start(env: FleetEnvironment, t: number, work: Work): void {
    const event = work.kind === 'sqs' ? () => sqsEventJson(work.batch, this.input.eventJson, this.input.config.functionName, t) : this.input.eventJson;
    const firstUse = !env.initialized;
    const out: Outcome = this.executor.invoke(env, event);
    if (firstUse || out.cold) env.initDurationMs = out.initDurationMs;
    const latency = (out.cold ? out.initDurationMs : 0) + out.durationMs;
    const end = t + latency;
    this.fleet.markBusy(env, t, end, out.cold, out.ok);
    this.series.setLevel(t, this.fleet.busy, this.fleet.provisionedBusy);
    this.series.count(t, 'invocations');
    const totals = this.totals;
    totals.invocations++;
    if (out.cold) {
      totals.coldStarts++;
      this.series.count(t, 'coldStarts');
    }
    if (!out.ok) {
      totals.errors++;
      this.series.count(t, 'errors');
    }
    if (env.provisioned) totals.provisionedInvocations++;
    this.latency.add(latency, out.cold);
    this.meter.add(out.billedMs, env.provisioned);
    if (out.payload !== undefined) {
      env.lastPayload = out.payload;
      const samples = this.sampleResults;
      if (samples.length < 5 && (out.ok || !samples.some((s) => !s.ok)))
        samples.push({ requestId: out.requestId, ok: out.ok, cold: out.cold, payload: out.payload.slice(0, 2048), environmentId: env.id });
    }
    this.queue.push(end, { type: 'done', env, work, ok: out.ok, startMs: t });
  }

  private finish(env: FleetEnvironment, work: Work, ok: boolean, startMs: number, t: number): void {
    this.lastMs = Math.max(this.lastMs, t);
    this.fleet.release(env, t);
    this.series.setLevel(t, this.fleet.busy, this.fleet.provisionedBusy);
    if (!env.provisioned && !env.reapPending) {
      env.reapPending = true;
      this.queue.push(t + this.settings.idleReapMs, { type: 'reap', env });
    }
    if (work.kind === 'async' && !ok) {
      const ev = work.event;
      if (ev.errorRetries < this.settings.asyncRetryAttempts) {
        const delay = (ASYNC_ERROR_RETRY_DELAYS_S[ev.errorRetries] ?? ASYNC_ERROR_RETRY_DELAYS_S[1]) * 1000;
        ev.errorRetries++;
        if (t + delay - ev.arrivedMs > this.settings.asyncMaxEventAgeMs) this.totals.expiredEvents++;
        else this.queue.push(t + delay, { type: 'async-attempt', event: ev });
      } else this.totals.failedEvents++;
    }
    if (work.kind === 'sqs') {
      if (!ok) this.returnToQueue(work.batch, startMs);
      if (this.visible.length > 0) this.schedulePoll(t);
    }
  }

  /**
   * Received messages that were not deleted come back when the visibility timeout (from the
   * receive at `receivedMs`) ends, or go to the DLQ after maxReceiveCount receives. Returns how
   * many were dropped.
   */
  private returnToQueue(batch: SqsMessage[], receivedMs: number): number {
    const back = batch.filter((m) => m.receiveCount < this.settings.sqsMaxReceiveCount);
    const dropped = batch.length - back.length;
    this.totals.failedEvents += dropped;
    if (back.length > 0) {
      this.totals.retries += back.length;
      // Never in the past: an invoke longer than the visibility timeout returns its batch when it ends.
      const at = Math.max(receivedMs + this.settings.sqsVisibilityTimeoutMs, this.now);
      this.queue.push(at, { type: 'sqs-visible', messages: back });
    }
    return dropped;
  }

  private schedulePoll(at: number): void {
    const when = Math.max(at, this.pollerBlockedUntil);
    if (this.pollAt <= when) return;
    this.pollAt = when;
    this.queue.push(when, { type: 'sqs-poll' });
  }

  /** The event source mapping's pollers: take batches while environments can be had. */
  private poll(t: number): void {
    if (t < this.pollerBlockedUntil) {
      this.schedulePoll(this.pollerBlockedUntil);
      return;
    }
    const { sqsBatchSize: size, sqsBatchWindowMs: window } = this.settings;
    while (this.visible.length > 0) {
      const oldest = this.visible.oldest()!;
      if (this.visible.length < size && window > 0 && t - oldest.visibleSinceMs < window) {
        this.schedulePoll(oldest.visibleSinceMs + window);
        return;
      }
      const batch = this.visible.take(size);
      for (const m of batch) m.receiveCount++;
      this.attempt(t, { kind: 'sqs', batch });
      if (t < this.pollerBlockedUntil) return;
    }
  }

  private refusalNote(): string {
    const bytes = Buffer.byteLength(this.input.eventJson, 'utf8');
    const kind = this.settings.invocation === 'async' ? 'an asynchronous' : 'a synchronous';
    return `Every request was refused before running (HTTP 413 RequestEntityTooLargeException: "${this.refusal?.message ?? ''}"): the event is ${bytes} bytes, over the payload quota of ${kind} invoke. Nothing ran and nothing was billed.`;
  }

  private result(): FleetResult {
    const endMs = this.lastMs;
    const totals = this.totals;
    totals.maxConcurrency = this.fleet.maxBusy;
    totals.environments = this.fleet.all.length;
    totals.makespanMs = Math.round(endMs * 100) / 100;
    totals.pendingEvents = this.visible.length;
    for (const env of this.fleet.all) if (env.provisioned && !env.initialized) env.initDurationMs = this.executor.pickInit();
    const usage = this.meter.usage(this.settings.provisioned, endMs / 1000, this.settings.freeTier);
    const run = describeRun({
      settings: this.settings,
      executor: this.executor,
      sampledBecause: this.sampledBecause,
      totals,
      input: this.input,
    });
    const result: FleetResult = {
      mode: run.sampling.mode,
      sampling: run.sampling,
      series: this.series.finish(endMs),
      latency: this.latency.summary(),
      totals,
      throttles: this.throttles,
      rejections: this.rejections,
      bill: this.meter.bill(usage),
      usage,
      sampleResults: this.sampleResults,
      notes: this.refusal ? [...run.notes, this.refusalNote()] : run.notes,
    };
    const timelines = this.fleet.timelines(endMs);
    if (timelines) result.environments = timelines;
    return result;
  }
}
