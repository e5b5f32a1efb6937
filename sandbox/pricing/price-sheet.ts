/**
 * The prices one bill is computed with, gathered from ../facts/pricing.ts (the only place they are
 * typed). A bill can take a modified sheet, e.g. the pre-2021 page's $0.00001667 per GB-s for the
 * historical example, without any number being written twice.
 */
import type { Architecture } from '../invocation/record.ts';
import {
  DURATION_TIERS,
  EDGE_PRICE_PER_GB_SECOND_USD,
  EDGE_PRICE_PER_REQUEST_USD,
  EPHEMERAL_STORAGE_FREE_MB,
  EPHEMERAL_STORAGE_PRICE_PER_GB_SECOND_USD,
  FREE_TIER_GB_SECONDS,
  FREE_TIER_REQUESTS,
  PRICE_PER_REQUEST_USD,
  PROVISIONED_CONCURRENCY_PRICE_PER_GB_SECOND_USD,
  PROVISIONED_DURATION_PRICE_PER_GB_SECOND_USD,
  type DurationTier,
} from '../facts/pricing.ts';

export interface PriceSheet {
  requestUsd: number;
  durationTiers: Record<Architecture, readonly DurationTier[]>;
  provisionedConcurrencyGbSecondUsd: Record<Architecture, number>;
  provisionedDurationGbSecondUsd: Record<Architecture, number>;
  ephemeralStorageGbSecondUsd: number;
  ephemeralStorageFreeMB: number;
  freeTierRequests: number;
  freeTierGbSeconds: number;
  edgeRequestUsd: number;
  edgeGbSecondUsd: number;
}

/** us-east-1 prices as FACTS.md lists them. */
export const DEFAULT_PRICE_SHEET: PriceSheet = {
  requestUsd: PRICE_PER_REQUEST_USD,
  durationTiers: DURATION_TIERS,
  provisionedConcurrencyGbSecondUsd: PROVISIONED_CONCURRENCY_PRICE_PER_GB_SECOND_USD,
  provisionedDurationGbSecondUsd: PROVISIONED_DURATION_PRICE_PER_GB_SECOND_USD,
  ephemeralStorageGbSecondUsd: EPHEMERAL_STORAGE_PRICE_PER_GB_SECOND_USD,
  ephemeralStorageFreeMB: EPHEMERAL_STORAGE_FREE_MB,
  freeTierRequests: FREE_TIER_REQUESTS,
  freeTierGbSeconds: FREE_TIER_GB_SECONDS,
  edgeRequestUsd: EDGE_PRICE_PER_REQUEST_USD,
  edgeGbSecondUsd: EDGE_PRICE_PER_GB_SECOND_USD,
};

/**
 * A sheet with one flat duration price for both architectures (no tiers), as pages before the
 * Aug 2022 tiered pricing had it. Used for historical examples.
 */
export function flatDurationSheet(pricePerGbSecondUsd: number, base: PriceSheet = DEFAULT_PRICE_SHEET): PriceSheet {
  const flat = [{ upToGbSeconds: Infinity, pricePerGbSecondUsd }];
  return { ...base, durationTiers: { x86_64: flat, arm64: flat } };
}
