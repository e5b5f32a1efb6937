/**
 * Async events over 256 KB: 1 extra request per 64 KB (FACTS.md; https://aws.amazon.com/lambda/pricing/:
 * "Individual event size beyond 256 KB is charged 1 additional request for each 64 KB of chunk upto
 * 1 MB"). Our reading: each started 64 KB chunk above the first 256 KB is one extra request, so
 * 257 KB = 1 extra and 1 MB = (1,024 - 256) / 64 = 12 extra, 13 requests in all. KB = 1,024 bytes.
 */
import { describe, expect, it } from 'vitest';
import {
  asyncBilledRequests,
  asyncExtraRequests,
  PricingInputError,
  projectMonthlyBill,
} from '../../sandbox/pricing/index.ts';

const KB = 1024;

describe('async payload extra requests', () => {
  it('charges nothing extra up to 256 KB', () => {
    expect(asyncExtraRequests(0)).toBe(0);
    expect(asyncExtraRequests(256 * KB)).toBe(0);
  });

  it('charges 1 extra request for 257 KB and for a full 64 KB chunk, 2 just above it', () => {
    expect(asyncExtraRequests(257 * KB)).toBe(1);
    expect(asyncExtraRequests(256 * KB + 1)).toBe(1);
    expect(asyncExtraRequests(320 * KB)).toBe(1);
    expect(asyncExtraRequests(320 * KB + 1)).toBe(2);
  });

  it('bills a 1 MB event (the async maximum) as 13 requests', () => {
    expect(asyncExtraRequests(1024 * KB)).toBe(12);
    expect(asyncBilledRequests(1024 * KB)).toBe(13);
  });

  it('rejects events over 1 MB, which Lambda never accepts', () => {
    expect(() => asyncExtraRequests(1024 * KB + 1)).toThrow(PricingInputError);
  });

  it('adds the extra requests to an async profile only', () => {
    const base = {
      requestsPerMonth: 2_000_000,
      averageDurationMs: 10,
      memorySizeMB: 128,
      payloadBytes: 1024 * KB,
      freeTier: false,
    };
    const asyncBill = projectMonthlyBill({ ...base, invocationType: 'async' }).bill;
    const extra = asyncBill.lines.find((l) => l.key === 'async-extra-requests')!;
    expect(extra.quantity).toBe(24_000_000);
    expect(extra.displayAmountUsd).toBe(4.8);
    const syncBill = projectMonthlyBill(base).bill;
    expect(syncBill.lines.some((l) => l.key === 'async-extra-requests')).toBe(false);
  });
});
