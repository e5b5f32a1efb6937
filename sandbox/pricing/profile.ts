/**
 * Monthly projection from a per-invocation profile: "N requests a month (or R per second), each
 * taking D ms at M MB, a share of them cold" becomes the month's metered usage and its bill. Every
 * invocation is taken to last the average duration, and arrivals to be spread evenly over the
 * month; the bill's `assumptions` say so to the learner.
 */
import type { Architecture } from '../invocation/record.ts';
import { MEMORY_MAX_MB, MEMORY_MIN_MB } from '../facts/limits.ts';
import { HOURS_PER_MONTH, MB_PER_GB } from '../facts/pricing.ts';
import { billedDurationMs } from '../model/billing.ts';
import { asyncExtraRequests } from './async-payload.ts';
import { ephemeralStorageGbSeconds } from './ephemeral-storage.ts';
import { PricingInputError, requireNonNegative, requireRatio } from './errors.ts';
import { priceMonthlyUsage, type Bill, type BillOptions } from './monthly-bill.ts';
import type { MonthlyUsage, ProvisionedWindow } from './usage.ts';

/** Everything about one function's traffic except how much of it there is. */
export interface FunctionProfile {
  /** Average duration of one invoke, ms (handler only; INIT is added on cold starts). */
  averageDurationMs: number;
  /** Memory size, 128-10,240 MB. */
  memorySizeMB: number;
  /** Default x86_64. */
  architecture?: Architecture;
  /** Share of invocations that are cold starts, 0-1. Default 0. */
  coldStartRatio?: number;
  /** Init Duration of a cold start, ms. Default 0. */
  initDurationMs?: number;
  /** Bill INIT on cold starts (true since 1 Aug 2025, FACTS.md). Default true. */
  billInit?: boolean;
  /** Async events pay extra requests above 256 KB; sync never do. Default 'sync'. */
  invocationType?: 'sync' | 'async';
  /** Event size in bytes (only matters for async). Default 0. */
  payloadBytes?: number;
  /** /tmp size, MB; above 512 MB is billed. Default 512. */
  ephemeralStorageMB?: number;
  /** Subtract the monthly free tier. Default true. */
  freeTier?: boolean;
  /** Provisioned concurrency kept enabled for part of (or all) the month. */
  provisioned?: { concurrency: number; enabledHoursPerMonth: number };
  /** Price as Lambda@Edge (its own prices, no free tier, no provisioned concurrency). */
  edge?: boolean;
  /** Hours in the month, default 730 (see ../facts/pricing.ts). */
  hoursPerMonth?: number;
}

/** A profile with its volume: give requestsPerMonth or requestsPerSecond. */
export interface InvocationProfile extends FunctionProfile {
  requestsPerMonth?: number;
  requestsPerSecond?: number;
}

export interface Projection {
  requestsPerMonth: number;
  /** Billed ms of a warm and of a cold invoke (INIT included when billed). */
  billedMsWarm: number;
  billedMsCold: number;
  usage: MonthlyUsage;
  bill: Bill;
  /** Plain sentences on what the projection assumed. */
  assumptions: string[];
}

/** Requests per month from either volume field; throws if both or neither are given. */
export function monthlyRequests(profile: InvocationProfile): number {
  const hours = profile.hoursPerMonth ?? HOURS_PER_MONTH;
  const { requestsPerMonth, requestsPerSecond } = profile;
  if ((requestsPerMonth === undefined) === (requestsPerSecond === undefined)) {
    throw new PricingInputError('Give either requestsPerMonth or requestsPerSecond (exactly one).');
  }
  if (requestsPerMonth !== undefined) {
    requireNonNegative(requestsPerMonth, 'Requests per month');
    return requestsPerMonth;
  }
  requireNonNegative(requestsPerSecond!, 'Requests per second');
  return requestsPerSecond! * hours * 3600;
}

/** The month's metered usage for a profile, without pricing it. */
export function projectUsage(profile: InvocationProfile): Omit<Projection, 'bill'> {
  const requests = monthlyRequests(profile);
  const arch = profile.architecture ?? 'x86_64';
  const hours = profile.hoursPerMonth ?? HOURS_PER_MONTH;
  const coldRatio = profile.coldStartRatio ?? 0;
  const initMs = profile.initDurationMs ?? 0;
  const storageMB = profile.ephemeralStorageMB ?? 512;
  requireNonNegative(profile.averageDurationMs, 'Average duration (ms)');
  requireNonNegative(initMs, 'Init duration (ms)');
  requireRatio(coldRatio, 'Cold start ratio');
  requireNonNegative(hours, 'Hours per month');
  if (!(profile.memorySizeMB >= MEMORY_MIN_MB && profile.memorySizeMB <= MEMORY_MAX_MB)) {
    throw new PricingInputError(`Memory must be ${MEMORY_MIN_MB}-${MEMORY_MAX_MB} MB (got ${profile.memorySizeMB}).`);
  }

  const billedMsWarm = billedDurationMs(profile.averageDurationMs);
  const billedMsCold = profile.billInit === false ? billedMsWarm : billedDurationMs(profile.averageDurationMs, initMs);
  const gb = profile.memorySizeMB / MB_PER_GB;
  // Seconds billed per on-demand invoke, on average over warm and cold ones.
  const onDemandSeconds = ((1 - coldRatio) * billedMsWarm + coldRatio * billedMsCold) / 1000;
  const assumptions = [
    'Every invocation lasts the average duration (rounded up to 1 ms); arrivals are spread evenly over the month.',
  ];
  if (coldRatio > 0) {
    assumptions.push(
      profile.billInit === false
        ? 'INIT is not billed (the rule before 1 Aug 2025).'
        : `${(coldRatio * 100).toFixed(2)}% of invocations are cold starts and bill their ${initMs} ms INIT too (since 1 Aug 2025).`,
    );
  }

  const extraPerRequest = profile.invocationType === 'async' ? asyncExtraRequests(profile.payloadBytes ?? 0) : 0;
  const usage: MonthlyUsage = { freeTier: profile.freeTier ?? true };
  let billedSecondsTotal = 0;

  if (profile.edge) {
    if (profile.provisioned) throw new PricingInputError('Lambda@Edge has no provisioned concurrency (FACTS.md).');
    usage.edge = { requests, gbSeconds: requests * onDemandSeconds * gb };
    assumptions.push(
      'Lambda@Edge: no free tier, its own request and duration prices; ephemeral storage is not priced.',
    );
    return { requestsPerMonth: requests, billedMsWarm, billedMsCold, usage, assumptions };
  }

  let onDemandRequests = requests;
  if (profile.provisioned && profile.provisioned.enabledHoursPerMonth > 0) {
    const { concurrency, enabledHoursPerMonth } = profile.provisioned;
    requireNonNegative(concurrency, 'Provisioned concurrency');
    requireNonNegative(enabledHoursPerMonth, 'Provisioned hours per month');
    const share = hours > 0 ? Math.min(1, enabledHoursPerMonth / hours) : 0;
    const inWindow = requests * share;
    // Little's law: average concurrency = arrival rate x time in system. Provisioned environments
    // never cold-start, so they hold each request for the warm billed time.
    const windowSeconds = enabledHoursPerMonth * 3600;
    const avgConcurrency = windowSeconds > 0 ? (inWindow / windowSeconds) * (billedMsWarm / 1000) : 0;
    const servedShare = avgConcurrency > 0 ? Math.min(1, concurrency / avgConcurrency) : 1;
    const onPc = inWindow * servedShare;
    const spill = inWindow - onPc;
    const window: ProvisionedWindow = {
      architecture: arch,
      memorySizeMB: profile.memorySizeMB,
      concurrency,
      enabledSeconds: windowSeconds,
      requests: onPc,
      gbSeconds: onPc * (billedMsWarm / 1000) * gb,
      spilloverRequests: spill,
      spilloverGbSeconds: spill * onDemandSeconds * gb,
    };
    usage.provisioned = [window];
    onDemandRequests = requests - inWindow;
    billedSecondsTotal += onPc * (billedMsWarm / 1000) + spill * onDemandSeconds;
    assumptions.push(
      `Provisioned concurrency ${concurrency} for ${enabledHoursPerMonth} h: requests in that window beyond the average concurrency it covers spill over to on-demand (bursts would spill more).`,
    );
  }
  usage.onDemand = [
    { architecture: arch, requests: onDemandRequests, gbSeconds: onDemandRequests * onDemandSeconds * gb },
  ];
  billedSecondsTotal += onDemandRequests * onDemandSeconds;

  if (extraPerRequest > 0) {
    usage.asyncExtraRequests = requests * extraPerRequest;
    assumptions.push(`Each ${profile.payloadBytes} byte async event is billed as ${1 + extraPerRequest} requests.`);
  }
  const storage = ephemeralStorageGbSeconds(storageMB, billedSecondsTotal);
  if (storage > 0) usage.ephemeralStorageGbSeconds = storage;
  return { requestsPerMonth: requests, billedMsWarm, billedMsCold, usage, assumptions };
}

/** Projects a profile to a month and prices it. */
export function projectMonthlyBill(profile: InvocationProfile, options: BillOptions = {}): Projection {
  const projection = projectUsage(profile);
  return { ...projection, bill: priceMonthlyUsage(projection.usage, options) };
}
