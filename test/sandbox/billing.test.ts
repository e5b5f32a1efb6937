import { describe, expect, it } from 'vitest';
import { billedDurationMs, invocationCostUsd, monthlyBill } from '../../sandbox/model/billing.ts';
import { cpuShare, maxMemoryUsedMB, tickMs } from '../../sandbox/model/time-model.ts';

describe('billing (FACTS.md worked examples)', () => {
  it('3M requests, 120 ms, 1,536 MB, x86 with free tier: $2.33 + $0.40 = $2.73', () => {
    const bill = monthlyBill({ requests: 3_000_000, billedDurationMs: 120, memorySizeMB: 1536, architecture: 'x86_64' });
    expect(bill.totalGbSeconds).toBeCloseTo(540_000, 6);
    expect(bill.billableGbSeconds).toBeCloseTo(140_000, 6);
    expect(bill.computeUsd).toBe(2.33);
    expect(bill.requestsUsd).toBe(0.4);
    expect(bill.totalUsd).toBe(2.73);
  });

  it('7.44M requests -> $1.49 and 14.88M GB-s -> $248.00 without free tier', () => {
    // 14.88M GB-s from 7.44M requests: 2 GB-s each (e.g. 2,048 MB for 1 s).
    const bill = monthlyBill({ requests: 7_440_000, billedDurationMs: 1000, memorySizeMB: 2048, architecture: 'x86_64', applyFreeTier: false });
    expect(bill.requestsUsd).toBe(1.49);
    expect(bill.computeUsd).toBe(248);
    expect(bill.totalUsd).toBe(249.49);
  });

  it('the pre-2021 classic: 3M requests, 512 MB, 1 s at $0.00001667 -> $18.74', () => {
    const bill = monthlyBill({ requests: 3_000_000, billedDurationMs: 1000, memorySizeMB: 512, architecture: 'x86_64', pricePerGbSecondUsd: 0.00001667 });
    expect(bill.billableGbSeconds).toBeCloseTo(1_100_000, 6);
    expect(bill.computeUsd).toBe(18.34);
    expect(bill.totalUsd).toBe(18.74);
  });

  it('rounds billed duration up to 1 ms and adds INIT on cold starts', () => {
    expect(billedDurationMs(12.01)).toBe(13);
    expect(billedDurationMs(12)).toBe(12);
    expect(billedDurationMs(0.2)).toBe(1);
    expect(billedDurationMs(3016.78, 84)).toBe(3101);
  });

  it('charges Arm about 20% less than x86 per GB-s', () => {
    const x86 = invocationCostUsd(1000, 1024, 'x86_64') - 0.0000002;
    const arm = invocationCostUsd(1000, 1024, 'arm64') - 0.0000002;
    expect(x86).toBeCloseTo(0.0000166667, 12);
    expect(arm / x86).toBeCloseTo(0.8, 3);
  });
});

describe('time model', () => {
  it('gives 1 vCPU at 1,769 MB and proportionally less below', () => {
    expect(cpuShare(1769)).toBe(1);
    expect(cpuShare(128)).toBeCloseTo(128 / 1769, 10);
    expect(cpuShare(10240)).toBe(1);
    expect(tickMs(128)).toBeGreaterThan(tickMs(1024));
  });

  it('adds the runtime baseline to Max Memory Used and never exceeds the memory size', () => {
    expect(maxMemoryUsedMB(0, 128)).toBe(64);
    expect(maxMemoryUsedMB(10 * 1024 * 1024, 128)).toBe(74);
    expect(maxMemoryUsedMB(500 * 1024 * 1024, 128)).toBe(128);
  });
});
