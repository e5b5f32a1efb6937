/** Environments of the fleet: cold starts, reuse, per-environment globals, idle reaping, provisioned concurrency. */
import { describe, expect, it } from 'vitest';
import { simulateFleet } from '../../sandbox/fleet/index.ts';
import { COUNTER, fleetInput, holding } from './fleet-support.ts';

describe('fleet environments', () => {
  it('a burst of 100 at once starts 100 environments, all cold', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 100 }));
    expect(r.mode).toBe('exact');
    expect(r.totals.invocations).toBe(100);
    expect(r.totals.coldStarts).toBe(100);
    expect(r.totals.environments).toBe(100);
    expect(r.totals.maxConcurrency).toBe(100);
    expect(r.series[0]).toMatchObject({ second: 0, invocations: 100, coldStarts: 100, concurrency: 100, throttles: 0 });
    expect(r.latency.warm.count).toBe(0);
    expect(r.latency.cold.count).toBe(100);
    expect(r.environments).toHaveLength(100);
    expect(r.environments!.every((e) => e.real && e.busy.length === 1 && e.busy[0]!.cold)).toBe(true);
  });

  it('a steady low rate is served by one warm environment after one cold start', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, { kind: 'constant', ratePerSecond: 2, durationSeconds: 30 }));
    expect(r.totals.invocations).toBe(60);
    expect(r.totals.coldStarts).toBe(1);
    expect(r.totals.environments).toBe(1);
    expect(r.latency.cold.count).toBe(1);
    expect(r.latency.warm.count).toBe(59);
    // The cold one waits for INIT: slower than every warm one.
    expect(r.latency.cold.p50).toBeGreaterThan(r.latency.warm.max);
    expect(r.latency.all.p99).toBe(r.latency.cold.p50);
    expect(r.series).toHaveLength(30);
  });

  it('each environment keeps its own globals: a counting handler shows per-environment counts', async () => {
    // 3 at once (3 environments), then 3 more a second later (reusing them): each counted to 2.
    const once = await simulateFleet(fleetInput(COUNTER, { kind: 'explicit', arrivalsMs: [0, 0, 0, 1000, 1000, 1000] }));
    expect(once.totals.environments).toBe(3);
    expect(once.environments!.map((e) => [e.invocations, JSON.parse(e.lastPayload!)])).toEqual([
      [2, { n: 2 }],
      [2, { n: 2 }],
      [2, { n: 2 }],
    ]);
    const steady = await simulateFleet(fleetInput(COUNTER, { kind: 'constant', ratePerSecond: 1, durationSeconds: 5 }));
    expect(steady.environments!.map((e) => e.lastPayload)).toEqual(['{"n":5}']);
  });

  it('idle reaping makes a later request cold again', async () => {
    const load = { kind: 'explicit' as const, arrivalsMs: [0, 5000] };
    const kept = await simulateFleet(fleetInput(COUNTER, load, { idleReapSeconds: 10 }));
    expect(kept.totals.coldStarts).toBe(1);
    expect(kept.environments![0]!.lastPayload).toBe('{"n":2}');
    const reaped = await simulateFleet(fleetInput(COUNTER, load, { idleReapSeconds: 2 }));
    expect(reaped.totals.coldStarts).toBe(2);
    expect(reaped.totals.environments).toBe(2);
    const [first, second] = reaped.environments!;
    expect(first!.reapedAtMs).toBeCloseTo(first!.busy[0]!.endMs + 2000, 6);
    expect(first!.idle).toEqual([{ startMs: first!.busy[0]!.endMs, endMs: first!.reapedAtMs }]);
    expect(second!.createdAtMs).toBe(5000);
    // A new environment: its global count starts again.
    expect(second!.lastPayload).toBe('{"n":1}');
  });

  it('provisioned concurrency: no cold starts up to N, spill-over to on-demand beyond', async () => {
    const ten = await simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 10 }, { concurrency: { provisioned: 10 } }));
    expect(ten.totals.coldStarts).toBe(0);
    expect(ten.totals.provisionedInvocations).toBe(10);
    expect(ten.totals.environments).toBe(10);
    expect(ten.series[0]!.provisionedInUse).toBe(10);
    expect(ten.environments!.every((e) => e.provisioned && e.initDurationMs > 0 && e.createdAtMs === 0)).toBe(true);

    const fifteen = await simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 15 }, { concurrency: { provisioned: 10 } }));
    expect(fifteen.totals.coldStarts).toBe(5);
    expect(fifteen.totals.provisionedInvocations).toBe(10);
    expect(fifteen.totals.environments).toBe(15);
    expect(fifteen.environments!.filter((e) => !e.provisioned)).toHaveLength(5);
    expect(fifteen.latency.warm.count).toBe(10);
  });

  it('provisioned environments are used before on-demand ones and are never reaped', async () => {
    const r = await simulateFleet(
      fleetInput(holding(500), { kind: 'explicit', arrivalsMs: [0, 0, 0, 10_000] }, { concurrency: { provisioned: 2 }, idleReapSeconds: 1 }),
    );
    const [pc1, pc2, od] = r.environments!;
    expect(pc1!.provisioned && pc2!.provisioned && !od!.provisioned).toBe(true);
    expect(od!.reapedAtMs).toBeDefined();
    expect(pc1!.reapedAtMs ?? pc2!.reapedAtMs).toBeUndefined();
    expect(r.totals.coldStarts).toBe(1);
    expect(r.totals.provisionedInvocations).toBe(3);
  });
});
