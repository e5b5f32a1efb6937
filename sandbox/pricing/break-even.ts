/**
 * Lambda vs an always-on server: where the two monthly bills cross, and a series for a chart with
 * requests per month on a log scale. Lambda's bill never falls as volume grows (free tier first,
 * then linear pieces with cheaper tiers), so the crossing is found by bisection.
 */
import { HOURS_PER_MONTH } from '../facts/pricing.ts';
import { PricingInputError } from './errors.ts';
import type { BillOptions } from './monthly-bill.ts';
import { projectMonthlyBill, type FunctionProfile } from './profile.ts';
import { serverMonthlyUsd, type ServerFleet } from './server.ts';

/** Lambda's monthly bill (full precision) for a profile at a given volume. */
export function lambdaMonthlyUsd(
  profile: FunctionProfile,
  requestsPerMonth: number,
  options: BillOptions = {},
): number {
  return projectMonthlyBill({ ...profile, requestsPerMonth }, options).bill.totalUsd;
}

export type BreakEvenKind =
  /** Lambda is cheaper below `requestsPerMonth` and dearer above it. */
  | 'crossing'
  /** Lambda costs at least as much as the servers even with no traffic (e.g. provisioned concurrency). */
  | 'lambda-never-cheaper'
  /** Lambda stays cheaper up to the search limit. */
  | 'lambda-always-cheaper';

export interface BreakEven {
  kind: BreakEvenKind;
  /** The smallest whole monthly volume at which Lambda costs at least as much as the servers. */
  requestsPerMonth: number | null;
  /** The same as an even rate over the month. */
  requestsPerSecond: number | null;
  serverMonthlyUsd: number;
  /** Lambda's bill at the crossing (or at 0 requests when it is never cheaper). */
  lambdaMonthlyUsd: number | null;
}

export interface BreakEvenOptions extends BillOptions {
  /** Upper end of the search, requests per month. Default 1e13 (about 3.8M requests/s). */
  maxRequestsPerMonth?: number;
}

/** The monthly request volume at which Lambda's bill reaches the server fleet's. */
export function breakEven(
  profile: FunctionProfile,
  fleet: ServerFleet = {},
  options: BreakEvenOptions = {},
): BreakEven {
  const server = serverMonthlyUsd(fleet);
  const hours = profile.hoursPerMonth ?? HOURS_PER_MONTH;
  const perSecond = (n: number) => n / (hours * 3600);
  const cost = (n: number) => lambdaMonthlyUsd(profile, n, options);
  const max = options.maxRequestsPerMonth ?? 1e13;
  if (!(max > 0)) throw new PricingInputError('maxRequestsPerMonth must be > 0.');

  const atZero = cost(0);
  if (atZero >= server) {
    return {
      kind: 'lambda-never-cheaper',
      requestsPerMonth: 0,
      requestsPerSecond: 0,
      serverMonthlyUsd: server,
      lambdaMonthlyUsd: atZero,
    };
  }
  // Grow the bracket by 10x until Lambda is dearer, then bisect down to one request.
  let lo = 0;
  let hi = 1_000;
  while (cost(hi) < server) {
    lo = hi;
    if (hi >= max)
      return {
        kind: 'lambda-always-cheaper',
        requestsPerMonth: null,
        requestsPerSecond: null,
        serverMonthlyUsd: server,
        lambdaMonthlyUsd: null,
      };
    hi = Math.min(max, hi * 10);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cost(mid) >= server) hi = mid;
    else lo = mid;
  }
  return {
    kind: 'crossing',
    requestsPerMonth: hi,
    requestsPerSecond: perSecond(hi),
    serverMonthlyUsd: server,
    lambdaMonthlyUsd: cost(hi),
  };
}

/** One point of the comparison chart. */
export interface CostPoint {
  requestsPerMonth: number;
  lambdaUsd: number;
  serverUsd: number;
}

export interface SeriesOptions extends BillOptions {
  /** Default 1e4. */
  fromRequestsPerMonth?: number;
  /** Default 1e10. */
  toRequestsPerMonth?: number;
  /** Points per factor of 10, evenly spaced on a log scale. Default 4. */
  pointsPerDecade?: number;
}

/** Lambda's and the servers' monthly cost at log-spaced volumes, for a log-x chart. */
export function costSeries(
  profile: FunctionProfile,
  fleet: ServerFleet = {},
  options: SeriesOptions = {},
): CostPoint[] {
  const from = options.fromRequestsPerMonth ?? 1e4;
  const to = options.toRequestsPerMonth ?? 1e10;
  const perDecade = options.pointsPerDecade ?? 4;
  if (!(from > 0 && to >= from && perDecade >= 1)) {
    throw new PricingInputError('The series needs 0 < from <= to and at least 1 point per decade.');
  }
  const server = serverMonthlyUsd(fleet);
  const steps = Math.round(Math.log10(to / from) * perDecade);
  const points: CostPoint[] = [];
  for (let i = 0; i <= steps; i++) {
    // Round to whole requests so labels read cleanly; the ends are exact.
    const n = i === steps ? to : Math.round(from * 10 ** (i / perDecade));
    points.push({ requestsPerMonth: n, lambdaUsd: lambdaMonthlyUsd(profile, n, options), serverUsd: server });
  }
  return points;
}
