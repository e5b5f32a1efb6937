/**
 * `cost.estimate`: the calculator's profile priced for a month by the sandbox's pricing engine, and,
 * when asked, the comparison with always-on servers (break-even point and a log-scale series).
 * The engine's own refusals (PricingInputError) become `InvalidCostInput` failures.
 */
import { DEFAULT_SERVER_PRICE } from '../../sandbox/facts/pricing.ts';
import {
  breakEven,
  costSeries,
  PricingInputError,
  projectMonthlyBill,
  serverMonthlyUsd,
  type BreakEven,
  type FunctionProfile,
} from '../../sandbox/pricing/index.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import type { CostComparison, CostEstimate } from '../api/playground-types.ts';
import { ApiFailure } from '../api/result.ts';
import { MAX_REQUESTS_PER_MONTH } from '../api/playground-schemas.ts';

/** The chart starts at 10,000 requests a month and covers at least up to 10 billion. */
const SERIES_FROM = 1e4;
const SERIES_MIN_TO = 1e10;
const POINTS_PER_DECADE = 8;

type Args = ApiParsedArgs<'cost.estimate'>;

function functionProfile(p: Args['profile']): FunctionProfile {
  const profile: FunctionProfile = {
    averageDurationMs: p.averageDurationMs,
    memorySizeMB: p.memorySizeMB,
    architecture: p.architecture,
    freeTier: p.freeTier,
    coldStartRatio: p.coldStartRatio,
    initDurationMs: p.initDurationMs,
    invocationType: p.invocationType,
    payloadBytes: p.payloadBytes,
    ephemeralStorageMB: p.ephemeralStorageMB,
    edge: p.edge,
  };
  if (p.provisioned) profile.provisioned = p.provisioned;
  return profile;
}

/** Series end: a decade past the crossing (so it shows on the chart), within the calculator's range. */
function seriesEnd(point: BreakEven, requests: number): number {
  const wanted = Math.max(SERIES_MIN_TO, (point.requestsPerMonth ?? 0) * 10, requests * 10);
  return Math.min(MAX_REQUESTS_PER_MONTH, 10 ** Math.ceil(Math.log10(wanted)));
}

function compare(profile: FunctionProfile, requests: number, fleetArgs: NonNullable<Args['compare']>): CostComparison {
  const fleet = { hourlyUsd: fleetArgs.hourlyUsd ?? DEFAULT_SERVER_PRICE.hourlyUsd, count: fleetArgs.count };
  const point = breakEven(profile, fleet, { maxRequestsPerMonth: MAX_REQUESTS_PER_MONTH });
  const series = costSeries(profile, fleet, {
    fromRequestsPerMonth: SERIES_FROM,
    toRequestsPerMonth: seriesEnd(point, requests),
    pointsPerDecade: POINTS_PER_DECADE,
  });
  return { ...fleet, serverMonthlyUsd: serverMonthlyUsd(fleet), breakEven: point, series };
}

export function estimateCost(args: Args): CostEstimate {
  const profile = functionProfile(args.profile);
  try {
    const projection = projectMonthlyBill({ ...profile, requestsPerMonth: args.profile.requestsPerMonth });
    const comparison = args.compare ? compare(profile, args.profile.requestsPerMonth, args.compare) : null;
    return { projection, comparison, defaultServer: DEFAULT_SERVER_PRICE };
  } catch (error) {
    if (error instanceof PricingInputError) throw new ApiFailure('InvalidCostInput', error.message);
    throw error;
  }
}
