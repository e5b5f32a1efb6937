/** Pricing individual invocation records as one month. */
import { describe, expect, it } from 'vitest';
import {
  aggregateInvocations,
  priceInvocations,
  pricedInvocation,
  projectMonthlyBill,
  type PricedInvocation,
} from '../../sandbox/pricing/index.ts';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';

describe('pricing individual invocations', () => {
  it('gives the same bill as the profile projection for identical invocations', () => {
    // FACTS.md's first example as 3M records of 120 ms at 1,536 MB: $2.73.
    const one: PricedInvocation = { billedDurationMs: 120, memorySizeMB: 1536, architecture: 'x86_64' };
    const records = Array.from({ length: 3_000_000 }, () => one);
    const bill = priceInvocations(records);
    expect(bill.displayTotalUsd).toBe(2.73);
    const projected = projectMonthlyBill({
      requestsPerMonth: 3_000_000,
      averageDurationMs: 120,
      memorySizeMB: 1536,
    }).bill;
    expect(bill.totalUsd).toBeCloseTo(projected.totalUsd, 9);
  });

  it('keeps architectures apart and sums storage and async extras', () => {
    const usage = aggregateInvocations([
      { billedDurationMs: 1000, memorySizeMB: 1024, architecture: 'x86_64', ephemeralStorageMB: 1536 },
      { billedDurationMs: 500, memorySizeMB: 2048, architecture: 'arm64', asyncPayloadBytes: 1024 * 1024 },
    ]);
    expect(usage.onDemand).toEqual([
      { architecture: 'x86_64', requests: 1, gbSeconds: 1 },
      { architecture: 'arm64', requests: 1, gbSeconds: 1 },
    ]);
    expect(usage.ephemeralStorageGbSeconds).toBe(1);
    expect(usage.asyncExtraRequests).toBe(12);
  });

  it('prices an empty list as nothing', () => {
    const bill = priceInvocations([]);
    expect(bill.totalUsd).toBe(0);
    expect(bill.displayTotalUsd).toBe(0);
  });

  it('adapts an invocation record and its configuration', () => {
    const record = {
      ok: true,
      result: 'null',
      requestId: 'r',
      coldStart: true,
      logs: [],
      costUsd: 0,
      report: {
        durationMs: 3016.78,
        billedDurationMs: 3101,
        initDurationMs: 84,
        memorySizeMB: 128,
        maxMemoryUsedMB: 31,
        status: 'success',
      },
    } satisfies InvocationRecord;
    expect(pricedInvocation(record, { architecture: 'arm64', ephemeralStorageMB: 1024 })).toEqual({
      billedDurationMs: 3101,
      memorySizeMB: 128,
      architecture: 'arm64',
      ephemeralStorageMB: 1024,
    });
  });
});
