/** The fleet's bill is the pricing engine's bill for the same invocations. */
import { describe, expect, it } from 'vitest';
import { simulateFleet } from '../../sandbox/fleet/index.ts';
import { priceInvocations, pricedInvocation, priceMonthlyUsage, provisionedConcurrencyGbSeconds } from '../../sandbox/pricing/index.ts';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';
import { CONFIG, COUNTER, fleetInput } from './fleet-support.ts';

describe('fleet bill', () => {
  it('matches priceInvocations over the same invocations run directly (INIT billed on cold starts)', async () => {
    const code = 'let n = 0;\nexport const handler = async () => { let x = 0; for (let i = 0; i < 20000; i++) x += i; return { n: ++n, x }; };\n';
    const result = await simulateFleet(fleetInput(code, { kind: 'explicit', arrivalsMs: [0, 0, 0, 0, 0, 2000, 2000, 2000] }));
    expect(result.totals.coldStarts).toBe(5);

    // The same usage by hand: 5 cold invokes in 5 environments, then 3 warm ones.
    const pool = new EnvironmentPool({ maxEnvironments: 10 });
    const files = [{ path: 'index.mjs', code }];
    await pool.ready({ files, config: CONFIG });
    const records: InvocationRecord[] = [];
    for (const key of ['a', 'b', 'c', 'd', 'e']) records.push(pool.invokeSync({ key, config: CONFIG, files, eventJson: '{}' }));
    for (const key of ['a', 'b', 'c']) records.push(pool.invokeSync({ key, config: CONFIG, files, eventJson: '{}' }));
    pool.dispose();
    expect(records.filter((r) => r.coldStart)).toHaveLength(5);
    const expected = priceInvocations(records.map((r) => pricedInvocation(r, CONFIG)), { freeTier: false });

    expect(result.bill.totalUsd).toBeCloseTo(expected.totalUsd, 15);
    expect(result.bill.lines.map((l) => [l.key, l.quantity])).toEqual(expected.lines.map((l) => [l.key, l.quantity]));
    expect(priceMonthlyUsage(result.usage)).toEqual(result.bill);
    expect(result.bill.freeTierApplied).toBe(false);
  });

  it('bills provisioned concurrency for the run (5-minute minimum) and spill-over at on-demand prices', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 15 }, { concurrency: { provisioned: 10 } }));
    const pc = r.bill.lines.find((l) => l.key === 'provisioned-concurrency')!;
    expect(pc.quantity).toBeCloseTo(provisionedConcurrencyGbSeconds(10, 128, 1), 12);
    expect(pc.quantity).toBeCloseTo(10 * 0.125 * 300, 12);
    const window = r.usage.provisioned![0]!;
    expect(window).toMatchObject({ concurrency: 10, requests: 10, spilloverRequests: 5 });
    expect(r.usage.onDemand).toBeUndefined();
    expect(r.bill.lines.find((l) => l.key === 'requests')!.quantity).toBe(15);
  });

  it('applies the free tier when asked', async () => {
    const r = await simulateFleet(fleetInput(COUNTER, { kind: 'burst', count: 5 }, { freeTier: true }));
    expect(r.bill.freeTierApplied).toBe(true);
    expect(r.bill.totalUsd).toBe(0);
  });
});
