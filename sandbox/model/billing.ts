/**
 * Billed duration and cost, from the prices in ../facts/pricing.ts. Pure functions over numbers so
 * lessons, the fleet simulator and the UI compute the same bill.
 */
import type { Architecture } from '../invocation/record.ts';
import { BILLING_GRANULARITY_MS, MB_PER_GB, PRICE_PER_GB_SECOND_USD, PRICE_PER_REQUEST_USD } from '../facts/pricing.ts';
import { priceMonthlyUsage } from '../pricing/monthly-bill.ts';
import { sumOfRoundedCents } from '../pricing/money.ts';
import { flatDurationSheet } from '../pricing/price-sheet.ts';

/**
 * Billed Duration of one invoke in ms: duration plus, on a cold start, the init duration (billed
 * since Aug 2025), rounded up to the 1 ms granularity.
 */
export function billedDurationMs(durationMs: number, initDurationMs?: number): number {
  const total = durationMs + (initDurationMs ?? 0);
  // Round away float noise first (12.000000001 must bill 12 ms, not 13).
  const cleaned = Math.round(total * 1e6) / 1e6;
  return Math.max(BILLING_GRANULARITY_MS, Math.ceil(cleaned / BILLING_GRANULARITY_MS) * BILLING_GRANULARITY_MS);
}

/** GB-seconds of compute for a billed duration at a memory size. */
export function gbSeconds(billedMs: number, memorySizeMB: number): number {
  return (billedMs / 1000) * (memorySizeMB / MB_PER_GB);
}

/** Cost in USD of one invoke: one request plus its GB-seconds (no free tier applied). */
export function invocationCostUsd(billedMs: number, memorySizeMB: number, architecture: Architecture): number {
  return PRICE_PER_REQUEST_USD + gbSeconds(billedMs, memorySizeMB) * PRICE_PER_GB_SECOND_USD[architecture];
}

/** Inputs of a monthly bill, as the AWS pricing page's examples state them. */
export interface MonthlyUsage {
  requests: number;
  /** Average billed duration per request, ms. */
  billedDurationMs: number;
  memorySizeMB: number;
  architecture: Architecture;
  /** Subtract the monthly free tier (1M requests, 400,000 GB-s). Default true. */
  applyFreeTier?: boolean;
  /** Override the price per GB-s, e.g. the pre-2021 page's $0.00001667. */
  pricePerGbSecondUsd?: number;
}

/** A monthly bill, each part rounded to cents as the pricing page shows it. */
export interface MonthlyBill {
  totalGbSeconds: number;
  billableGbSeconds: number;
  billableRequests: number;
  computeUsd: number;
  requestsUsd: number;
  totalUsd: number;
}

/**
 * Monthly cost of one function's on-demand usage, priced by the pricing engine (../pricing/), so
 * the monthly volume tiers above 6B GB-s (x86) / 7.5B GB-s (Arm) apply too. A price override
 * prices every GB-s flat, as pages before the 2022 tiers did. For a line-by-line bill, provisioned
 * concurrency, storage or Lambda@Edge, use ../pricing/ directly.
 */
export function monthlyBill(usage: MonthlyUsage): MonthlyBill {
  const free = usage.applyFreeTier ?? true;
  const totalGbSeconds = usage.requests * gbSeconds(usage.billedDurationMs, usage.memorySizeMB);
  const bill = priceMonthlyUsage(
    {
      onDemand: [{ architecture: usage.architecture, requests: usage.requests, gbSeconds: totalGbSeconds }],
      freeTier: free,
    },
    usage.pricePerGbSecondUsd === undefined ? {} : { prices: flatDurationSheet(usage.pricePerGbSecondUsd) },
  );
  const duration = bill.lines.filter((l) => l.key === 'duration');
  const requests = bill.lines.find((l) => l.key === 'requests');
  const computeUsd = sumOfRoundedCents(duration.map((l) => l.amountUsd));
  const requestsUsd = sumOfRoundedCents([requests?.amountUsd ?? 0]);
  return {
    totalGbSeconds,
    billableGbSeconds: duration.reduce((n, l) => n + l.quantity, 0),
    billableRequests: requests?.quantity ?? 0,
    computeUsd,
    requestsUsd,
    totalUsd: sumOfRoundedCents([computeUsd, requestsUsd]),
  };
}
