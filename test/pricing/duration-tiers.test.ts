/**
 * Monthly volume tiers (FACTS.md; https://aws.amazon.com/lambda/pricing/ and
 * https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/): x86 first 6B
 * GB-s, next 9B at -10%, above 15B at -20%; Arm 7.5B and 18.75B.
 */
import { describe, expect, it } from 'vitest';
import { DURATION_TIERS, PRICE_PER_GB_SECOND_USD } from '../../sandbox/facts/pricing.ts';
import { priceMonthlyUsage, splitIntoTiers, tieredDurationUsd } from '../../sandbox/pricing/index.ts';

const x86 = DURATION_TIERS.x86_64;
const arm = DURATION_TIERS.arm64;

describe('duration tiers', () => {
  it('publishes discounts that are -10% and -20% of tier 1 to the ten-decimal precision AWS prints', () => {
    for (const tiers of [x86, arm]) {
      const base = tiers[0].pricePerGbSecondUsd;
      expect(Math.abs(tiers[1].pricePerGbSecondUsd - base * 0.9)).toBeLessThan(1e-10);
      expect(Math.abs(tiers[2].pricePerGbSecondUsd - base * 0.8)).toBeLessThan(1e-10);
    }
    expect(x86[0].pricePerGbSecondUsd).toBe(PRICE_PER_GB_SECOND_USD.x86_64);
    expect(arm[0].pricePerGbSecondUsd).toBe(PRICE_PER_GB_SECOND_USD.arm64);
  });

  it('puts exactly 6B GB-s wholly in x86 tier 1', () => {
    expect(splitIntoTiers(6e9, x86).map((s) => [s.tier, s.gbSeconds])).toEqual([[1, 6e9]]);
    expect(tieredDurationUsd(6e9, x86)).toBeCloseTo(6e9 * 0.0000166667, 6); // $100,000.20
  });

  it('bills the GB-s just above 6B at tier 2 and above 15B at tier 3', () => {
    expect(splitIntoTiers(6e9 + 1, x86).map((s) => [s.tier, s.gbSeconds])).toEqual([
      [1, 6e9],
      [2, 1],
    ]);
    expect(splitIntoTiers(15e9, x86).map((s) => s.gbSeconds)).toEqual([6e9, 9e9]);
    expect(splitIntoTiers(20e9, x86).map((s) => [s.tier, s.gbSeconds])).toEqual([
      [1, 6e9],
      [2, 9e9],
      [3, 5e9],
    ]);
    const usd = tieredDurationUsd(20e9, x86);
    expect(usd).toBeCloseTo(6e9 * 0.0000166667 + 9e9 * 0.000015 + 5e9 * 0.0000133334, 4);
  });

  it('uses the Arm breakpoints 7.5B and 18.75B', () => {
    expect(splitIntoTiers(7.5e9, arm).map((s) => s.gbSeconds)).toEqual([7.5e9]);
    expect(splitIntoTiers(20e9, arm).map((s) => [s.tier, s.gbSeconds])).toEqual([
      [1, 7.5e9],
      [2, 11.25e9],
      [3, 1.25e9],
    ]);
  });

  it('counts tiers per architecture: 4B x86 + 4B Arm stays in tier 1 on both', () => {
    const bill = priceMonthlyUsage({
      onDemand: [
        { architecture: 'x86_64', requests: 0, gbSeconds: 4e9 },
        { architecture: 'arm64', requests: 0, gbSeconds: 4e9 },
      ],
      freeTier: false,
    });
    const duration = bill.lines.filter((l) => l.key === 'duration');
    expect(duration.map((l) => [l.architecture, l.tier])).toEqual([
      ['x86_64', 1],
      ['arm64', 1],
    ]);
  });

  it('takes the free 400,000 GB-s off tier 1 and leaves the breakpoint at 6B of usage', () => {
    const bill = priceMonthlyUsage({ onDemand: [{ architecture: 'x86_64', requests: 0, gbSeconds: 6e9 + 1000 }] });
    const [t1, t2] = bill.lines.filter((l) => l.key === 'duration');
    expect(t1).toMatchObject({ tier: 1, grossQuantity: 6e9, freeQuantity: 400_000, quantity: 6e9 - 400_000 });
    expect(t2).toMatchObject({ tier: 2, quantity: 1000, freeQuantity: 0 });
    expect(bill.notes.join(' ')).toMatch(/tiers/);
  });
});
