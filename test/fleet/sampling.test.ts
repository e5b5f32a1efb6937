/** Sampled mode is labelled, never silent; the same input gives the same result. */
import { describe, expect, it } from 'vitest';
import { simulateFleet } from '../../sandbox/fleet/index.ts';
import { COUNTER, fleetInput } from './fleet-support.ts';

describe('fleet sampling and determinism', () => {
  it('beyond maxExactInvocations a labelled sample runs and the rest is extrapolated', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, { kind: 'constant', ratePerSecond: 1000, durationSeconds: 30 }));
    expect(r.mode).toBe('sampled');
    expect(r.sampling).toMatchObject({ mode: 'sampled', executedInvocations: 2000, extrapolatedInvocations: 28_000 });
    expect(r.sampling.note).toMatch(/^SAMPLED, not exact \(the load makes more than 20,000 requests/);
    expect(r.sampling.note).toContain('2,000 of 30,000 invocations ran for real');
    // Arrivals and environments are still simulated for every request.
    expect(r.totals.invocations).toBe(30_000);
    expect(r.latency.all.count).toBe(30_000);
    // A deterministic handler: extrapolated durations equal the real ones.
    expect(r.latency.warm.p50).toBe(r.latency.warm.p99);
  });

  it('sampled mode can be asked for, and says which environments really ran', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 10 }, { mode: 'sampled', sampleInvocations: 4 }));
    expect(r.mode).toBe('sampled');
    expect(r.sampling.executedInvocations).toBe(4);
    expect(r.sampling.note).toContain('sampled mode was requested');
    expect(r.environments!.filter((e) => e.real)).toHaveLength(4);
    expect(r.environments!.filter((e) => !e.real).every((e) => e.lastPayload === undefined)).toBe(true);
    expect(r.totals.coldStarts).toBe(10);
  });

  it('exact mode is labelled exact', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 3 }));
    expect(r.sampling).toMatchObject({ mode: 'exact', executedInvocations: 3, extrapolatedInvocations: 0 });
    expect(r.sampling.note).toMatch(/^Exact: all 3 invocations ran for real/);
  });

  it('the same input gives the same result', async () => {
    const input = fleetInput(COUNTER, { kind: 'poisson', ratePerSecond: 40, durationSeconds: 20, seed: 7 }, { concurrency: { reserved: 3 } });
    const a = await simulateFleet(input);
    const b = await simulateFleet(input);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.totals.requests).toBeGreaterThan(600);
    const other = await simulateFleet({ ...input, load: { kind: 'poisson', ratePerSecond: 40, durationSeconds: 20, seed: 8 } });
    expect(other.totals.requests).not.toBe(a.totals.requests);
  });
});
