/**
 * `fleet.simulate` through dispatch with the real simulator in its worker thread: a burst against
 * a small account limit is throttled with Lambda's reason, each environment keeps its own globals,
 * the charts' series are derived, and refusals name the field. The backend's event loop keeps
 * turning while the simulation runs.
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { call, failure, useBackends } from './support/backend.ts';

const tempDir = useTempDirs();
const backendAt = useBackends();

const COUNTER = `let calls = 0;
export const handler = async () => {
  calls += 1;
  let x = 0;
  for (let i = 0; i < 20000; i++) x = (x + i * i) % 1000003;
  return { calls };
};
`;
const base = { filename: 'index.mjs', handler: 'index.handler', code: COUNTER, eventJson: '{}' };

describe('fleet.simulate', () => {
  it('throttles a burst of 50 at an account limit of 10 with ConcurrentInvocationLimitExceeded', async () => {
    const backend = backendAt(tempDir());
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const result = await call(backend, 'fleet.simulate', {
      ...base,
      load: { kind: 'burst', count: 50 },
      concurrency: { accountLimit: 10 },
    });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(result.mode).toBe('exact');
    expect(result.totals).toMatchObject({
      requests: 50,
      invocations: 10,
      coldStarts: 10,
      throttles: 40,
      maxConcurrency: 10,
    });
    expect(result.totals.throttlesByReason.ConcurrentInvocationLimitExceeded).toBe(40);
    expect(result.throttles[0]).toMatchObject({
      errorType: 'TooManyRequestsException',
      statusCode: 429,
      reason: 'ConcurrentInvocationLimitExceeded',
      outcome: 'returned-to-caller',
    });
    expect(result.environments).toHaveLength(10);
    // Each environment ran its handler once, with its own module state.
    expect(result.environments!.map((e) => e.lastPayload)).toEqual(new Array(10).fill('{"calls":1}'));
    // The charts' series: a burst is over in a fraction of a second, so buckets are milliseconds.
    expect(result.concurrency.bucketMs).toBeLessThan(1000);
    expect(Math.max(...result.concurrency.points.map((p) => p.concurrency))).toBe(10);
    expect(result.concurrency.points.reduce((n, p) => n + p.throttles, 0)).toBe(40);
    expect(result.concurrency.points.reduce((n, p) => n + p.coldStarts, 0)).toBe(10);
    const h = result.latencyHistogram!;
    expect(h.cold.reduce((a, b) => a + b, 0)).toBe(10);
    expect(h.warm.reduce((a, b) => a + b, 0)).toBe(0);
    expect(result.bill.lines.find((l) => l.key === 'requests')?.quantity).toBe(10);
  });

  it('reuses warm environments under a steady rate and honours reserved concurrency 0', async () => {
    const backend = backendAt(tempDir());
    const steady = await call(backend, 'fleet.simulate', {
      ...base,
      load: { kind: 'constant', ratePerSecond: 20, durationSeconds: 3 },
    });
    expect(steady.totals.requests).toBe(60);
    expect(steady.totals.coldStarts).toBeLessThan(10);
    expect(steady.totals.throttles).toBe(0);
    const h = steady.latencyHistogram!;
    expect(h.warm.reduce((a, b) => a + b, 0) + h.cold.reduce((a, b) => a + b, 0)).toBe(steady.totals.invocations);

    const none = await call(backend, 'fleet.simulate', {
      ...base,
      load: { kind: 'burst', count: 5 },
      concurrency: { accountLimit: 1000, reserved: 0 },
    });
    expect(none.totals.throttlesByReason.ReservedFunctionConcurrentInvocationLimitExceeded).toBe(5);
    expect(none.totals.invocations).toBe(0);
  });

  it('refuses bad loads and settings with messages that name the field, before running anything', async () => {
    const backend = backendAt(tempDir());
    const rate = await failure(backend, 'fleet.simulate', {
      ...base,
      load: { kind: 'constant', ratePerSecond: 0, durationSeconds: 10 },
    });
    expect(rate.name).toBe('InvalidArguments');
    expect(rate.message).toContain('load.ratePerSecond: the rate must be above 0 requests per second');
    const huge = await failure(backend, 'fleet.simulate', {
      ...base,
      load: { kind: 'constant', ratePerSecond: 10_000, durationSeconds: 3_600 },
    });
    expect(huge.message).toContain('the load brings more than 1,000,000 requests');
    const reserved = await failure(backend, 'fleet.simulate', {
      ...base,
      load: { kind: 'burst', count: 5 },
      concurrency: { accountLimit: 10, reserved: 20 },
    });
    expect(reserved.message).toContain('reserved concurrency cannot exceed the account concurrency limit');
    const pattern = await failure(backend, 'fleet.simulate', { ...base, load: { kind: 'sine' } });
    expect(pattern.message).toContain('the load pattern is one of constant, burst, ramp, poisson or explicit');
    const empty = await failure(backend, 'fleet.simulate', { ...base, load: { kind: 'burst', count: null } });
    expect(empty.message).toContain('the burst size: enter a whole number');
    const json = await failure(backend, 'fleet.simulate', {
      ...base,
      eventJson: '{',
      load: { kind: 'burst', count: 1 },
    });
    expect(json.name).toBe('InvalidEventJson');
  });
});
