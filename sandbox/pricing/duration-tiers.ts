/**
 * Splitting a month's on-demand duration over the price tiers. Tiers count the aggregate usage of
 * one architecture (https://aws.amazon.com/lambda/pricing/: "applied to aggregate monthly
 * duration of your functions running on the same architecture"), so the split is over total
 * usage; the free tier then covers the first GB-seconds, which always fall in tier 1.
 */
import type { DurationTier } from '../facts/pricing.ts';

/** The part of a month's usage that falls in one tier. */
export interface TierSegment {
  /** 1-based tier number. */
  tier: 1 | 2 | 3;
  /** GB-s of usage in this tier (before the free tier). */
  gbSeconds: number;
  pricePerGbSecondUsd: number;
  /** Where the tier starts and ends, in aggregate GB-s per month. */
  fromGbSeconds: number;
  upToGbSeconds: number;
}

/**
 * Splits `gbSeconds` of monthly usage over `tiers`. A usage exactly at a breakpoint (6B GB-s on
 * x86) lies wholly in the lower tier: a tier covers (from, upTo]. Empty tiers are left out, but
 * tier 1 is always returned so a bill always shows its duration line.
 */
export function splitIntoTiers(gbSeconds: number, tiers: readonly DurationTier[]): TierSegment[] {
  const segments: TierSegment[] = [];
  let from = 0;
  tiers.forEach((t, index) => {
    const inTier = Math.max(0, Math.min(gbSeconds, t.upToGbSeconds) - from);
    if (inTier > 0 || index === 0) {
      segments.push({
        tier: (index + 1) as 1 | 2 | 3,
        gbSeconds: inTier,
        pricePerGbSecondUsd: t.pricePerGbSecondUsd,
        fromGbSeconds: from,
        upToGbSeconds: t.upToGbSeconds,
      });
    }
    from = t.upToGbSeconds;
  });
  return segments;
}

/** Cost in USD of `gbSeconds` over the tiers (full precision, no free tier). */
export function tieredDurationUsd(gbSeconds: number, tiers: readonly DurationTier[]): number {
  let usd = 0;
  for (const s of splitIntoTiers(gbSeconds, tiers)) usd += s.gbSeconds * s.pricePerGbSecondUsd;
  return usd;
}
