/**
 * Request payload quotas in the fleet simulator: every request carries the same event, so an event
 * over the quota (1 MB async, 6 MB sync) means Lambda refuses each request on admission with HTTP
 * 413 RequestEntityTooLargeException. The run counts the refusals; nothing runs or is billed, and
 * the simulator never fails with an internal error (it used to throw PricingInputError).
 */
import { describe, expect, it } from 'vitest';
import { ASYNC_PAYLOAD_MAX_BYTES, SYNC_PAYLOAD_MAX_BYTES } from '../../sandbox/facts/limits.ts';
import { formatFleetSummary, simulateFleet } from '../../sandbox/fleet/index.ts';
import { COUNTER, fleetInput } from './fleet-support.ts';

/** Event JSON of exactly `bytes` UTF-8 bytes. */
function eventOfBytes(bytes: number): string {
  return JSON.stringify({ data: 'x'.repeat(bytes - 11) });
}

const load = { kind: 'constant', ratePerSecond: 5, durationSeconds: 2 } as const;

describe('fleet request payload quotas', () => {
  it('refuses every async event over 1 MB on admission, counted per request, nothing run or billed', async () => {
    const eventJson = eventOfBytes(ASYNC_PAYLOAD_MAX_BYTES + 1);
    expect(Buffer.byteLength(eventJson)).toBe(ASYNC_PAYLOAD_MAX_BYTES + 1);
    const r = await simulateFleet(fleetInput(COUNTER, load, { invocation: 'async', eventJson }));
    expect(r.totals.requests).toBe(10);
    expect(r.totals.rejected).toBe(10);
    expect(r.totals.invocations).toBe(0);
    expect(r.totals.environments).toBe(0);
    expect(r.totals.errors).toBe(0);
    expect(r.rejections).toHaveLength(10);
    expect(r.rejections[0]).toEqual({
      atMs: 0,
      errorType: 'RequestEntityTooLargeException',
      statusCode: 413,
      message: 'Request must be smaller than 1048576 bytes for the InvokeAsync operation',
      invocation: 'async',
    });
    expect(r.bill.totalUsd).toBe(0);
    expect(r.usage.asyncExtraRequests).toBeUndefined();
    expect(r.notes.some((n) => n.includes('RequestEntityTooLargeException'))).toBe(true);
    expect(formatFleetSummary(r, 'run')).toContain('10 refused (RequestEntityTooLargeException, HTTP 413)');
  });

  it('runs and bills an async event of exactly 1 MB (12 extra requests each)', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, load, { invocation: 'async', eventJson: eventOfBytes(ASYNC_PAYLOAD_MAX_BYTES) }));
    expect(r.totals.rejected).toBe(0);
    expect(r.rejections).toEqual([]);
    expect(r.totals.invocations).toBe(10);
    expect(r.usage.asyncExtraRequests).toBe(120);
  });

  it('refuses sync requests over 6 MB the same way, and accepts the 1 MB + 1 event as sync', async () => {
    const big = await simulateFleet(fleetInput(COUNTER, load, { eventJson: eventOfBytes(SYNC_PAYLOAD_MAX_BYTES + 1) }));
    expect(big.totals.rejected).toBe(10);
    expect(big.totals.invocations).toBe(0);
    expect(big.rejections[0]?.message).toBe('Request must be smaller than 6291456 bytes for the InvokeFunction operation');
    const sync = await simulateFleet(fleetInput(COUNTER, load, { eventJson: eventOfBytes(ASYNC_PAYLOAD_MAX_BYTES + 1) }));
    expect(sync.totals.rejected).toBe(0);
    expect(sync.totals.invocations).toBe(10);
  });
});
