/** Monthly projection from a per-invocation profile, with INIT billing (FACTS.md: since 1 Aug 2025). */
import { describe, expect, it } from 'vitest';
import { monthlyRequests, PricingInputError, projectMonthlyBill, projectUsage } from '../../sandbox/pricing/index.ts';

describe('projection from a per-invocation profile', () => {
  it('turns requests per second into a 730-hour month', () => {
    expect(monthlyRequests({ requestsPerSecond: 1, averageDurationMs: 1, memorySizeMB: 128 })).toBe(2_628_000);
    expect(monthlyRequests({ requestsPerSecond: 1, averageDurationMs: 1, memorySizeMB: 128, hoursPerMonth: 744 })).toBe(
      2_678_400,
    );
  });

  it('adds INIT to the billed duration of the cold share, rounded up per invoke to 1 ms', () => {
    const p = projectUsage({
      requestsPerMonth: 1_000_000,
      averageDurationMs: 99.2,
      memorySizeMB: 1024,
      coldStartRatio: 0.01,
      initDurationMs: 250.5,
    });
    expect(p.billedMsWarm).toBe(100);
    expect(p.billedMsCold).toBe(350); // ceil(99.2 + 250.5)
    // 990,000 x 0.1 s + 10,000 x 0.35 s at 1 GB
    expect(p.usage.onDemand![0]!.gbSeconds).toBeCloseTo(99_000 + 3_500, 6);
  });

  it('leaves INIT out when told to bill the pre-August-2025 way', () => {
    const p = projectUsage({
      requestsPerMonth: 1000,
      averageDurationMs: 10,
      memorySizeMB: 128,
      coldStartRatio: 1,
      initDurationMs: 500,
      billInit: false,
    });
    expect(p.billedMsCold).toBe(10);
    expect(p.assumptions.join(' ')).toMatch(/not billed/);
  });

  it('prices Arm about 20% below x86 for the same usage', () => {
    const profile = { requestsPerMonth: 10_000_000, averageDurationMs: 200, memorySizeMB: 1024, freeTier: false };
    const x86 = projectMonthlyBill(profile).bill.lines.find((l) => l.key === 'duration')!.amountUsd;
    const arm = projectMonthlyBill({ ...profile, architecture: 'arm64' }).bill.lines.find(
      (l) => l.key === 'duration',
    )!.amountUsd;
    expect(arm / x86).toBeCloseTo(0.8, 4);
  });

  it('bills no ephemeral storage at the free 512 MB', () => {
    const { bill } = projectMonthlyBill({
      requestsPerMonth: 1e6,
      averageDurationMs: 100,
      memorySizeMB: 128,
      ephemeralStorageMB: 512,
    });
    expect(bill.lines.some((l) => l.key === 'ephemeral-storage')).toBe(false);
  });

  it('explains every line in a sentence', () => {
    const { bill } = projectMonthlyBill({ requestsPerMonth: 3_000_000, averageDurationMs: 120, memorySizeMB: 1536 });
    expect(bill.lines.find((l) => l.key === 'duration')!.explanation).toBe(
      '140,000 GB-s x $0.0000166667 per GB-s = $2.33: x86_64 duration: 540,000 GB-s used - 400,000 GB-s free tier',
    );
    expect(bill.lines.find((l) => l.key === 'requests')!.explanation).toBe(
      '2,000,000 requests x $0.20 per 1M requests = $0.40: 3,000,000 requests - 1,000,000 free tier requests',
    );
  });

  it('rejects impossible inputs with PricingInputError', () => {
    const ok = { averageDurationMs: 100, memorySizeMB: 128 };
    expect(() => projectUsage({ ...ok })).toThrow(PricingInputError);
    expect(() => projectUsage({ ...ok, requestsPerMonth: 1, requestsPerSecond: 1 })).toThrow(PricingInputError);
    expect(() => projectUsage({ ...ok, requestsPerMonth: -1 })).toThrow(PricingInputError);
    expect(() => projectUsage({ ...ok, requestsPerMonth: 1, coldStartRatio: 1.5 })).toThrow(PricingInputError);
    expect(() => projectUsage({ ...ok, requestsPerMonth: 1, memorySizeMB: 64 })).toThrow(PricingInputError);
    expect(() =>
      projectUsage({
        ...ok,
        requestsPerMonth: 1,
        edge: true,
        provisioned: { concurrency: 1, enabledHoursPerMonth: 1 },
      }),
    ).toThrow(/Lambda@Edge has no provisioned concurrency/);
  });
});
