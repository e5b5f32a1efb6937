/**
 * Result types of the playground's methods, shared by the backend and (as types only) by the
 * renderer. The pricing and tuning shapes are the sandbox's own: plain data, so they cross IPC
 * and HTTP as they are.
 */
import type { ServerPrice } from '../../sandbox/facts/pricing.ts';
import type { BreakEven, CostPoint, LineItem, LineKey, Projection } from '../../sandbox/pricing/index.ts';
import type { SizeResult, TuneResult, TuningStrategy } from '../../sandbox/tuning/index.ts';
import type {
  EnvironmentTimeline,
  FleetResult,
  FleetTotals,
  LatencyPercentiles,
  SecondPoint,
  ThrottleDetail,
  ThrottleReason,
} from '../../sandbox/fleet/fleet-types.ts';

export type {
  BreakEven,
  CostPoint,
  LineItem,
  LineKey,
  Projection,
  ServerPrice,
  SizeResult,
  TuneResult,
  TuningStrategy,
};
export type {
  EnvironmentTimeline,
  FleetResult,
  FleetTotals,
  LatencyPercentiles,
  SecondPoint,
  ThrottleDetail,
  ThrottleReason,
};

/** The servers a bill was compared with, and where the two bills cross. */
export interface CostComparison {
  /** USD per server-hour used (the input, or the default's). */
  hourlyUsd: number;
  count: number;
  /** hourly x count x 730 h. */
  serverMonthlyUsd: number;
  breakEven: BreakEven;
  /** Lambda's and the servers' monthly cost at log-spaced volumes (for a log-x chart). */
  series: CostPoint[];
}

/** What `cost.estimate` returns. */
export interface CostEstimate {
  /** The month's usage and its bill, one line per charge. */
  projection: Projection;
  /** Null unless `compare` was given. */
  comparison: CostComparison | null;
  /** The server price used when none is given, with its source and the date it was checked. */
  defaultServer: ServerPrice;
}

/** Defaults and bounds of the playground's forms (numbers the renderer must not type twice). */
export interface PlaygroundOptions {
  /** The calculator's default server, with its source and the date its price was checked. */
  server: ServerPrice;
  tune: {
    memorySizes: number[];
    runs: number;
    strategy: TuningStrategy;
    balancedWeight: number;
    /** Most invocations in one run: memory sizes x (runs + 1). */
    maxInvocations: number;
  };
  fleet: { maxRequests: number; maxSeconds: number };
}

/** How many invocations took how long (virtual ms as the caller saw it), warm and cold apart. */
export interface LatencyHistogram {
  binWidthMs: number;
  /** Lower edge of each bin. */
  edgesMs: number[];
  warm: number[];
  cold: number[];
}

/** Concurrency over time in buckets: per second, or finer for a short run (a burst). */
export interface ConcurrencySeries {
  bucketMs: number;
  points: { startMs: number; concurrency: number; coldStarts: number; throttles: number }[];
}

/** What `fleet.simulate` returns: the simulator's result and the series its charts draw. */
export interface FleetRun extends FleetResult {
  /** Null when the run was too large for per-environment timelines. */
  latencyHistogram: LatencyHistogram | null;
  concurrency: ConcurrencySeries;
}
