/**
 * A month of usage, in the quantities Lambda meters: requests and GB-seconds. This is the engine's
 * input; ./profile.ts derives it from a per-invocation profile and ./invocations.ts from a list of
 * invocation records, so both price the same way.
 */
import type { Architecture } from '../invocation/record.ts';
import { requireNonNegative } from './errors.ts';

/** On-demand invocations of one architecture outside any provisioned-concurrency window. */
export interface OnDemandUsage {
  architecture: Architecture;
  requests: number;
  /** GB-s of billed duration (INIT included on cold starts, rounded up per invoke to 1 ms). */
  gbSeconds: number;
}

/**
 * One enable-to-disable window of provisioned concurrency on one function, and what ran in it.
 * The 5-minute rounding applies to each window.
 */
export interface ProvisionedWindow {
  architecture: Architecture;
  memorySizeMB: number;
  /** Configured provisioned concurrency (environments). */
  concurrency: number;
  /** How long it stayed enabled, seconds (billed rounded up to 5 minutes). */
  enabledSeconds: number;
  /** Invocations served by the provisioned environments, and their GB-s of billed duration. */
  requests: number;
  gbSeconds: number;
  /** Invocations beyond the configured concurrency in the window: billed at on-demand prices. */
  spilloverRequests?: number;
  spilloverGbSeconds?: number;
}

/** Lambda@Edge usage (its own prices, no free tier). */
export interface EdgeUsage {
  requests: number;
  gbSeconds: number;
}

export interface MonthlyUsage {
  onDemand?: OnDemandUsage[];
  provisioned?: ProvisionedWindow[];
  /** Extra requests charged for async events over 256 KB (see ./async-payload.ts). */
  asyncExtraRequests?: number;
  /** GB-s of ephemeral storage above the free 512 MB (see ./ephemeral-storage.ts). */
  ephemeralStorageGbSeconds?: number;
  edge?: EdgeUsage;
  /** Subtract the monthly free tier (1M requests, 400,000 GB-s). Default true. */
  freeTier?: boolean;
}

/** Throws PricingInputError on any negative or non-finite quantity. */
export function validateUsage(usage: MonthlyUsage): void {
  for (const u of usage.onDemand ?? []) {
    requireNonNegative(u.requests, 'On-demand requests');
    requireNonNegative(u.gbSeconds, 'On-demand GB-s');
  }
  for (const w of usage.provisioned ?? []) {
    requireNonNegative(w.memorySizeMB, 'Provisioned memory (MB)');
    requireNonNegative(w.concurrency, 'Provisioned concurrency');
    requireNonNegative(w.enabledSeconds, 'Provisioned enabled time (s)');
    requireNonNegative(w.requests, 'Requests on provisioned concurrency');
    requireNonNegative(w.gbSeconds, 'GB-s on provisioned concurrency');
    requireNonNegative(w.spilloverRequests ?? 0, 'Spill-over requests');
    requireNonNegative(w.spilloverGbSeconds ?? 0, 'Spill-over GB-s');
  }
  requireNonNegative(usage.asyncExtraRequests ?? 0, 'Async extra requests');
  requireNonNegative(usage.ephemeralStorageGbSeconds ?? 0, 'Ephemeral storage GB-s');
  if (usage.edge) {
    requireNonNegative(usage.edge.requests, 'Lambda@Edge requests');
    requireNonNegative(usage.edge.gbSeconds, 'Lambda@Edge GB-s');
  }
}
