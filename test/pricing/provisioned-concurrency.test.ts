/**
 * Provisioned concurrency: enabled time x concurrency x memory at $0.0000041667 per GB-s, rounded
 * up to 5 minutes; invocations on it at $0.0000097222 per GB-s; spill-over at on-demand prices
 * (FACTS.md, https://aws.amazon.com/lambda/pricing/).
 */
import { describe, expect, it } from 'vitest';
import { priceMonthlyUsage, projectMonthlyBill, provisionedBilledSeconds } from '../../sandbox/pricing/index.ts';

describe('provisioned concurrency', () => {
  it('bills at least 5 minutes and rounds up to the next 5 minutes', () => {
    expect(provisionedBilledSeconds(0)).toBe(0);
    expect(provisionedBilledSeconds(1)).toBe(300);
    expect(provisionedBilledSeconds(300)).toBe(300);
    expect(provisionedBilledSeconds(301)).toBe(600);
    expect(provisionedBilledSeconds(2 * 3600)).toBe(7200);
    // Float noise from a computed duration must not cost another 5 minutes.
    expect(provisionedBilledSeconds(0.1 * 3 * 24_000)).toBe(7200);
  });

  it('charges a 1-second window like a 5-minute one', () => {
    const bill = priceMonthlyUsage({
      provisioned: [
        { architecture: 'x86_64', memorySizeMB: 1024, concurrency: 1, enabledSeconds: 1, requests: 0, gbSeconds: 0 },
      ],
    });
    const pc = bill.lines.find((l) => l.key === 'provisioned-concurrency')!;
    expect(pc.quantity).toBe(300);
    expect(pc.amountUsd).toBeCloseTo(300 * 0.0000041667, 12);
  });

  it('prices Arm provisioned concurrency at its own (20% lower) rates', () => {
    const bill = priceMonthlyUsage({
      provisioned: [
        {
          architecture: 'arm64',
          memorySizeMB: 1024,
          concurrency: 1,
          enabledSeconds: 3600,
          requests: 1000,
          gbSeconds: 100,
        },
      ],
    });
    expect(bill.lines.find((l) => l.key === 'provisioned-concurrency')!.unitPriceUsd).toBe(0.0000033334);
    expect(bill.lines.find((l) => l.key === 'provisioned-duration')!.unitPriceUsd).toBe(0.0000077778);
  });

  it('projects spill-over when the average concurrency exceeds what is provisioned', () => {
    // 100 req/s x 1 s = 100 concurrent on average; 25 provisioned all month: a quarter on PC.
    const { usage, bill } = projectMonthlyBill({
      requestsPerSecond: 100,
      averageDurationMs: 1000,
      memorySizeMB: 1024,
      provisioned: { concurrency: 25, enabledHoursPerMonth: 730 },
    });
    const window = usage.provisioned![0]!;
    const total = 100 * 730 * 3600;
    expect(window.requests).toBeCloseTo(total / 4, 3);
    expect(window.spilloverRequests).toBeCloseTo((total * 3) / 4, 3);
    expect(usage.onDemand![0]!.requests).toBeCloseTo(0, 6);
    expect(bill.lines.find((l) => l.key === 'provisioned-concurrency')!.quantity).toBe(25 * 730 * 3600);
    expect(bill.lines.every((l) => l.freeQuantity === 0)).toBe(true);
  });

  it('serves everything from provisioned environments when they cover the average concurrency, without cold starts', () => {
    const { usage } = projectMonthlyBill({
      requestsPerSecond: 10,
      averageDurationMs: 100,
      memorySizeMB: 512,
      coldStartRatio: 0.5,
      initDurationMs: 1000,
      provisioned: { concurrency: 5, enabledHoursPerMonth: 730 },
    });
    const window = usage.provisioned![0]!;
    expect(window.spilloverRequests).toBe(0);
    // Warm billed time only (100 ms), even though on-demand invokes would be cold half the time.
    expect(window.gbSeconds).toBeCloseTo(window.requests * 0.1 * 0.5, 3);
  });
});
