/**
 * Public input and result types of the fleet simulator (`simulateFleet`). Plain data only, so a
 * FleetInput can be validated at the API boundary and a FleetResult crosses IPC/HTTP as is.
 *
 * API: `simulateFleet(input: FleetInput): Promise<FleetResult>` (sandbox/fleet/index.ts).
 * It is a Promise because loading the QuickJS engine (and esbuild for TypeScript handlers) is
 * async; once ready, the whole simulation runs synchronously over virtual time. It never throws
 * for a bad handler (failures show up as invocation errors); it throws FleetInputError (a named
 * error, `name === 'FleetInputError'`) for invalid input.
 *
 * All times are virtual: ms since the start of the simulation (t = 0), never wall-clock.
 */
import type { FunctionConfig, SourceFile } from '../invocation/record.ts';
import type { Bill, MonthlyUsage } from '../pricing/index.ts';

// ---------------------------------------------------------------- input

/** Requests at a constant rate, evenly spaced. */
export interface ConstantLoad {
  kind: 'constant';
  /** Requests per second (> 0). */
  ratePerSecond: number;
  /** Seconds of load (> 0). */
  durationSeconds: number;
}

/** `count` requests arriving at the same instant. */
export interface BurstLoad {
  kind: 'burst';
  count: number;
  /** Second at which the burst arrives (default 0). */
  atSecond?: number;
}

/** Rate rising (or falling) linearly from `fromRate` to `toRate` over the duration. */
export interface RampLoad {
  kind: 'ramp';
  fromRate: number;
  toRate: number;
  durationSeconds: number;
}

/** Poisson arrivals (exponential gaps) at a mean rate; `seed` makes them repeatable (default 1). */
export interface PoissonLoad {
  kind: 'poisson';
  ratePerSecond: number;
  durationSeconds: number;
  seed?: number;
}

/** An explicit list of arrival times in virtual ms (any order; sorted by the simulator). */
export interface ExplicitLoad {
  kind: 'explicit';
  arrivalsMs: number[];
}

export type LoadPattern = ConstantLoad | BurstLoad | RampLoad | PoissonLoad | ExplicitLoad;

/** How requests reach the function. */
export type InvocationType = 'sync' | 'async' | 'sqs';

/** Async invocation settings (Lambda's function event invoke config). */
export interface AsyncSettings {
  /** MaximumRetryAttempts for function errors, 0-2 (default 2). */
  maximumRetryAttempts?: number;
  /** MaximumEventAgeInSeconds, 60-21,600 (default 21,600 = 6 h). */
  maximumEventAgeSeconds?: number;
}

/** SQS event source mapping settings. */
export interface SqsSettings {
  /** Messages per invoke, 1-10,000 (default 10). */
  batchSize?: number;
  /** MaximumBatchingWindowInSeconds, 0-300 (default 0). */
  batchWindowSeconds?: number;
  /** Queue visibility timeout in seconds (default 6 x function timeout, as AWS recommends). */
  visibilityTimeoutSeconds?: number;
  /** Receives before a message goes to the DLQ / is dropped (maxReceiveCount, default 5). */
  maxReceiveCount?: number;
}

/** Concurrency settings of the account and the function. */
export interface ConcurrencySettings {
  /** Account's concurrency quota in the Region (default 1,000). */
  accountLimit?: number;
  /** Reserved concurrency of this function: cap and guarantee; 0 throttles everything. */
  reserved?: number;
  /** Provisioned concurrency: environments initialised before t = 0, enabled for the whole run. */
  provisioned?: number;
  /** New environments per function per 10 s (default 1,000); exposed for lessons. */
  scalingPer10Seconds?: number;
}

/** How handlers are run. */
export type FleetMode = 'auto' | 'exact' | 'sampled';

export interface FleetInput {
  /** The deployment package (as the CLI and invoke take it). */
  files: SourceFile[];
  config: FunctionConfig;
  /** The event every request carries (JSON text). */
  eventJson: string;
  load: LoadPattern;
  /** Default 'sync'. */
  invocation?: InvocationType;
  async?: AsyncSettings;
  sqs?: SqsSettings;
  concurrency?: ConcurrencySettings;
  /** Idle seconds after which an environment is shut down (default 600 = 10 min). */
  idleReapSeconds?: number;
  /**
   * 'exact' runs every invocation in its real environment; 'sampled' runs a labelled sample and
   * extrapolates; 'auto' (default) is exact up to `maxExactInvocations`, sampled beyond.
   */
  mode?: FleetMode;
  /** Default 20,000. */
  maxExactInvocations?: number;
  /** Sampled mode: invocations really executed before durations are extrapolated (default 2,000). */
  sampleInvocations?: number;
  /** Per-environment timelines are returned when at most this many environments ran (default 200). */
  maxTimelineEnvironments?: number;
  /** Seed for everything random in the run (default 1). */
  seed?: number;
  /** Apply the monthly free tier to the bill (default false: a simulation is a slice, not a month). */
  freeTier?: boolean;
}

// ---------------------------------------------------------------- result

/** One second of the run (index = second since t = 0). */
export interface SecondPoint {
  second: number;
  /** Invocations that started in this second (retries included). */
  invocations: number;
  /** Highest number of environments busy at once during this second. */
  concurrency: number;
  coldStarts: number;
  throttles: number;
  /** Invocations that ended in a function error (error, timeout, crash). */
  errors: number;
  /** Provisioned environments busy at the peak of this second. */
  provisionedInUse: number;
}

export interface LatencyPercentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Latency in virtual ms as the caller sees it: init (cold only) + duration. */
export interface LatencySummary {
  all: LatencyPercentiles;
  warm: LatencyPercentiles;
  cold: LatencyPercentiles;
}

export interface BusyInterval {
  startMs: number;
  endMs: number;
  /** True when this invoke included INIT (the environment's first). */
  cold: boolean;
  ok: boolean;
}

/** One execution environment's life. */
export interface EnvironmentTimeline {
  /** 'env-1', 'env-2', ... in creation order ('pc-1' ... for provisioned ones). */
  id: string;
  provisioned: boolean;
  /** True when its handler really ran in QuickJS; false when its invocations were extrapolated. */
  real: boolean;
  createdAtMs: number;
  /** INIT duration (provisioned: done before t = 0, shown but not delaying a request). */
  initDurationMs: number;
  /** Busy intervals in order (at most 1,000 kept; `busyDropped` counts the rest). */
  busy: BusyInterval[];
  busyDropped: number;
  /** Gaps between busy intervals (and before reaping). */
  idle: { startMs: number; endMs: number }[];
  /** When the idle reaper shut it down; absent if alive at the end. */
  reapedAtMs?: number;
  invocations: number;
  /** The response of this environment's last invoke (shows per-environment global state). */
  lastPayload?: string;
}

/**
 * Why an attempt was throttled. The first four are the `Reason` values of Lambda's
 * TooManyRequestsException (Lambda API reference). 'ScalingRateExceeded' is Coldstart's label for
 * the per-function scaling rate (1,000 new environments per 10 s): AWS answers it with the same
 * 429 TooManyRequestsException but documents no Reason value of its own for it.
 */
export type ThrottleReason =
  | 'ConcurrentInvocationLimitExceeded'
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  | 'FunctionInvocationRateLimitExceeded'
  | 'ReservedFunctionInvocationRateLimitExceeded'
  | 'ScalingRateExceeded';

/** One throttled attempt, as Lambda reports it. */
export interface ThrottleDetail {
  atMs: number;
  errorType: 'TooManyRequestsException';
  statusCode: 429;
  reason: ThrottleReason;
  message: string;
  invocation: InvocationType;
  /** What happened next: returned to the caller (sync), retried later (async/sqs), or dropped. */
  outcome: 'returned-to-caller' | 'retried' | 'expired';
}

/**
 * One request Lambda refused on admission, before anything ran: the event is over the invocation
 * type's payload quota (6 MB sync, 1 MB async), HTTP 413 RequestEntityTooLargeException.
 */
export interface RejectionDetail {
  atMs: number;
  errorType: 'RequestEntityTooLargeException';
  statusCode: 413;
  message: string;
  invocation: InvocationType;
}

export interface FleetTotals {
  /** Requests that arrived (events/messages for async/sqs). */
  requests: number;
  /**
   * Requests refused on admission (RequestEntityTooLargeException, HTTP 413: the event is over
   * the payload quota). They never ran, are not invocations and are not billed.
   */
  rejected: number;
  /** Invocations that ran (retries included; for SQS, batches). */
  invocations: number;
  coldStarts: number;
  /** Throttled attempts (a retried event can be throttled several times). */
  throttles: number;
  throttlesByReason: Record<ThrottleReason, number>;
  /** Invocations that ended in a function error. */
  errors: number;
  /** Re-attempts after a throttle or error (async, SQS). */
  retries: number;
  /** Async events dropped because they grew older than the maximum event age while throttled. */
  expiredEvents: number;
  /**
   * Events given up after failing: async events whose every attempt failed (they go to the
   * on-failure destination or DLQ if one is set); SQS messages received maxReceiveCount times
   * (they go to the queue's dead-letter queue).
   */
  failedEvents: number;
  /** Events that never ran when the simulation ended (still queued). */
  pendingEvents: number;
  maxConcurrency: number;
  /** Environments created (provisioned included). */
  environments: number;
  provisionedInvocations: number;
  /** Virtual ms from t = 0 to the last completion. */
  makespanMs: number;
}

/** How the run was executed: always present, so sampling is never silent. */
export interface SamplingInfo {
  mode: 'exact' | 'sampled';
  /** Invocations actually executed in QuickJS. */
  executedInvocations: number;
  /** Invocations whose duration came from the model (0 in exact mode). */
  extrapolatedInvocations: number;
  /** A sentence saying what ran for real and what was extrapolated. */
  note: string;
}

export interface FleetResult {
  mode: 'exact' | 'sampled';
  sampling: SamplingInfo;
  series: SecondPoint[];
  latency: LatencySummary;
  totals: FleetTotals;
  /** Per-environment lifetimes, or undefined when more than maxTimelineEnvironments ran. */
  environments?: EnvironmentTimeline[];
  /** First 200 throttles (totals count all of them). */
  throttles: ThrottleDetail[];
  /** First 200 requests refused on admission (totals.rejected counts all of them). */
  rejections: RejectionDetail[];
  /** The bill, priced by sandbox/pricing from `usage`. */
  bill: Bill;
  /** What was metered: the input of the bill (priceMonthlyUsage(usage) gives `bill`). */
  usage: MonthlyUsage;
  /** A few example results (first success / first error) so learners see what callers got. */
  sampleResults: { requestId: string; ok: boolean; cold: boolean; payload: string; environmentId: string }[];
  /** Explanations of modelling choices that affected this run. */
  notes: string[];
}
