/** The monthly free tier, 1M requests + 400,000 GB-s (FACTS.md, https://aws.amazon.com/lambda/pricing/). */
import { describe, expect, it } from 'vitest';
import { priceMonthlyUsage, projectMonthlyBill } from '../../sandbox/pricing/index.ts';

describe('free tier', () => {
  it('makes a month inside the allowance free, and charges it in full when off', () => {
    // 1M requests x 400 ms x 1,024 MB = exactly 400,000 GB-s.
    const profile = { requestsPerMonth: 1_000_000, averageDurationMs: 400, memorySizeMB: 1024 };
    const on = projectMonthlyBill(profile).bill;
    expect(on.totalUsd).toBe(0);
    expect(on.displayTotalUsd).toBe(0);
    const off = projectMonthlyBill({ ...profile, freeTier: false }).bill;
    expect(off.lines.find((l) => l.key === 'requests')!.displayAmountUsd).toBe(0.2);
    expect(off.lines.find((l) => l.key === 'duration')!.displayAmountUsd).toBe(6.67); // 400,000 x $0.0000166667
    expect(off.displayTotalUsd).toBe(6.87);
    expect(off.freeTierApplied).toBe(false);
  });

  it('is shared by x86 and Arm: the GB-s allowance is used once', () => {
    const bill = priceMonthlyUsage({
      onDemand: [
        { architecture: 'x86_64', requests: 600_000, gbSeconds: 300_000 },
        { architecture: 'arm64', requests: 600_000, gbSeconds: 300_000 },
      ],
    });
    const free = bill.lines.filter((l) => l.key === 'duration').map((l) => l.freeQuantity);
    expect(free).toEqual([300_000, 100_000]);
    expect(bill.lines.find((l) => l.key === 'requests')!.quantity).toBe(200_000);
  });

  it('does not cover anything used while provisioned concurrency is enabled (FACTS.md)', () => {
    const bill = priceMonthlyUsage({
      provisioned: [
        {
          architecture: 'x86_64',
          memorySizeMB: 1024,
          concurrency: 1,
          enabledSeconds: 3600,
          requests: 10_000,
          gbSeconds: 1000,
          spilloverRequests: 500,
          spilloverGbSeconds: 100,
        },
      ],
    });
    expect(bill.lines.every((l) => l.freeQuantity === 0)).toBe(true);
    expect(bill.lines.find((l) => l.key === 'requests')!.quantity).toBe(10_500);
    // Spill-over pays the on-demand duration price.
    expect(bill.lines.find((l) => l.key === 'duration')!.quantity).toBe(100);
    expect(bill.notes.join(' ')).toMatch(/free tier does not cover/);
  });

  it('covers async extra requests with whatever request allowance is left', () => {
    const bill = priceMonthlyUsage({
      onDemand: [{ architecture: 'x86_64', requests: 900_000, gbSeconds: 0 }],
      asyncExtraRequests: 300_000,
    });
    const extra = bill.lines.find((l) => l.key === 'async-extra-requests')!;
    expect(extra).toMatchObject({ grossQuantity: 300_000, freeQuantity: 100_000, quantity: 200_000 });
  });
});
