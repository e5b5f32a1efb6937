/**
 * Throttling as Lambda does it: the account limit, reserved concurrency, the scaling rate, and
 * what each invocation type does with a 429 (sync: the caller gets it; async: retried until too
 * old; SQS: the batch returns after the visibility timeout).
 */
import { describe, expect, it } from 'vitest';
import { simulateFleet, FleetInputError } from '../../sandbox/fleet/index.ts';
import { COUNTER, FAILING, fleetInput, holding } from './fleet-support.ts';

describe('fleet throttling', () => {
  it('account limit 10 + a burst of 50 sync requests: 40 get 429 ConcurrentInvocationLimitExceeded', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 50 }, { concurrency: { accountLimit: 10 } }));
    expect(r.totals.invocations).toBe(10);
    expect(r.totals.throttles).toBe(40);
    expect(r.totals.throttlesByReason.ConcurrentInvocationLimitExceeded).toBe(40);
    expect(r.totals.maxConcurrency).toBe(10);
    expect(r.throttles).toHaveLength(40);
    expect(r.throttles[0]).toMatchObject({
      errorType: 'TooManyRequestsException',
      statusCode: 429,
      reason: 'ConcurrentInvocationLimitExceeded',
      invocation: 'sync',
      outcome: 'returned-to-caller',
    });
    expect(r.series[0]!.throttles).toBe(40);
  });

  it('reserved concurrency 0 throttles every request', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, { kind: 'constant', ratePerSecond: 5, durationSeconds: 4 }, { concurrency: { reserved: 0 } }));
    expect(r.totals.invocations).toBe(0);
    expect(r.totals.throttles).toBe(20);
    expect(r.totals.throttlesByReason.ReservedFunctionConcurrentInvocationLimitExceeded).toBe(20);
    expect(r.totals.environments).toBe(0);
    expect(r.bill.totalUsd).toBe(0);
  });

  it('reserved concurrency 5 caps concurrency at 5', async () => {
    const burst = await simulateFleet(fleetInput(holding(2000), { kind: 'burst', count: 20 }, { concurrency: { reserved: 5 } }));
    expect(burst.totals.maxConcurrency).toBe(5);
    expect(burst.totals.environments).toBe(5);
    expect(burst.totals.throttlesByReason.ReservedFunctionConcurrentInvocationLimitExceeded).toBe(15);
    const steady = await simulateFleet(fleetInput(holding(2000), { kind: 'constant', ratePerSecond: 10, durationSeconds: 10 }, { concurrency: { reserved: 5 } }));
    expect(steady.totals.maxConcurrency).toBe(5);
    expect(Math.max(...steady.series.map((p) => p.concurrency))).toBe(5);
    expect(steady.totals.throttles).toBeGreaterThan(0);
  });

  it('refuses reservations Lambda refuses, naming the field', async () => {
    await expect(simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 1 }, { concurrency: { reserved: 950 } }))).rejects.toThrow(
      /concurrency.reserved: Lambda keeps at least 100/,
    );
    await expect(simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 1 }, { concurrency: { reserved: 5, provisioned: 6 } }))).rejects.toBeInstanceOf(
      FleetInputError,
    );
  });

  it('scaling rate: a sync burst of 3,000 gets 1,000 environments; the rest are throttled', async () => {
    const r = await simulateFleet(
      fleetInput(holding(60_000), { kind: 'burst', count: 3000 }, { concurrency: { accountLimit: 5000 }, mode: 'sampled', sampleInvocations: 50 }),
    );
    expect(r.totals.environments).toBe(1000);
    expect(r.totals.throttlesByReason.ScalingRateExceeded).toBe(2000);
    expect(r.throttles[0]!.reason).toBe('ScalingRateExceeded');
  });

  it('scaling rate: an async burst of 3,000 needs more than 10 s to reach 3,000 environments', async () => {
    // Reading of scaling-behavior.html: 1,000 units at most at any instant, refilled continuously
    // (100 per second). Throttled async events are retried after 1, 2, 4, 8, 16 s ...
    const r = await simulateFleet(
      fleetInput(holding(60_000), { kind: 'burst', count: 3000 }, {
        invocation: 'async',
        concurrency: { accountLimit: 5000 },
        mode: 'sampled',
        sampleInvocations: 50,
      }),
    );
    expect(r.totals.coldStarts).toBe(3000);
    expect(r.totals.environments).toBe(3000);
    const cumulative: number[] = [];
    r.series.reduce((sum, p) => (cumulative.push(sum + p.coldStarts), sum + p.coldStarts), 0);
    expect(cumulative[0]).toBe(1000);
    expect(cumulative[9]).toBeLessThanOrEqual(2000);
    expect(cumulative.findIndex((c) => c === 3000)).toBeGreaterThanOrEqual(20);
    expect(r.totals.throttlesByReason.ScalingRateExceeded).toBeGreaterThan(0);
    expect(r.totals.expiredEvents).toBe(0);
    expect(r.throttles[0]!.outcome).toBe('retried');
  });

  it('async: throttled events are retried with backoff and eventually run', async () => {
    const r = await simulateFleet(fleetInput(holding(100), { kind: 'burst', count: 5 }, { invocation: 'async', concurrency: { reserved: 2 } }));
    expect(r.totals.invocations).toBe(5);
    expect(r.totals.throttles).toBeGreaterThanOrEqual(3);
    expect(r.totals.retries).toBe(r.totals.throttles);
    expect(r.totals.expiredEvents).toBe(0);
    expect(r.throttles.every((t) => t.outcome === 'retried' && t.invocation === 'async')).toBe(true);
    // The first retry comes 1 s after the throttle.
    expect(r.series[1]!.invocations).toBe(2);
  });

  it('async: events older than the maximum event age are dropped', async () => {
    const r = await simulateFleet(
      fleetInput(COUNTER, { kind: 'burst', count: 3 }, { invocation: 'async', concurrency: { reserved: 0 }, async: { maximumEventAgeSeconds: 60 } }),
    );
    expect(r.totals.invocations).toBe(0);
    expect(r.totals.expiredEvents).toBe(3);
    // Backoff 1 + 2 + 4 + 8 + 16 = 31 s, the next (32 s) would pass 60 s: 6 attempts each.
    expect(r.totals.throttles).toBe(18);
    expect(r.throttles.filter((t) => t.outcome === 'expired')).toHaveLength(3);
  });

  it('async: a failing event is retried twice, about 1 and 2 minutes later', async () => {
    const r = await simulateFleet(fleetInput(FAILING, { kind: 'burst', count: 1 }, { invocation: 'async' }));
    expect(r.totals.invocations).toBe(3);
    expect(r.totals.errors).toBe(3);
    expect(r.totals.retries).toBe(2);
    expect(r.totals.failedEvents).toBe(1);
    const starts = r.series.filter((p) => p.invocations > 0).map((p) => p.second);
    expect(starts[0]).toBe(0);
    expect(starts[1]).toBeGreaterThanOrEqual(60);
    expect(starts[1]).toBeLessThan(61);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(119);
    const none = await simulateFleet(fleetInput(FAILING, { kind: 'burst', count: 1 }, { invocation: 'async', async: { maximumRetryAttempts: 0 } }));
    expect(none.totals.invocations).toBe(1);
  });

  it('SQS: messages arrive in batches; throttled batches come back after the visibility timeout', async () => {
    const code = 'export const handler = async (event) => { await new Promise((r) => setTimeout(r, 1000)); return event.Records.length; };\n';
    const r = await simulateFleet(
      fleetInput(code, { kind: 'burst', count: 100 }, { invocation: 'sqs', sqs: { batchSize: 10, visibilityTimeoutSeconds: 30 }, concurrency: { reserved: 2 } }),
    );
    expect(r.totals.requests).toBe(100);
    expect(r.totals.maxConcurrency).toBe(2);
    expect(r.totals.failedEvents).toBe(0);
    expect(r.totals.pendingEvents).toBe(0);
    expect(r.totals.throttles).toBeGreaterThan(0);
    expect(r.throttles[0]!.reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    // Every batch holds 10 messages, so 10 successful invokes processed all 100.
    expect(r.totals.invocations).toBe(10);
    expect(r.sampleResults[0]!.payload).toBe('10');
  });
});
