/**
 * Time inside invocations run by the simulated Lambda service: log lines and the handler's clock
 * carry the scenario's virtual time (2026-04-09T12:00:00Z by default), not the computer's date,
 * and move on only with the invocation's virtual clock.
 */
import { describe, expect, it } from 'vitest';
import { fn, service, T0 } from './helpers.ts';

const CLOCK = `console.log('loaded');
export const handler = async () => {
  console.log('start');
  await new Promise((r) => setTimeout(r, 250));
  console.log('done');
  return new Date().toISOString();
};`;

describe('virtual time inside invocations', () => {
  it("stamps log lines and the handler's Date with the invocation's virtual time", async () => {
    const lambda = await service(fn('clock', CLOCK));
    lambda.scheduler.runUntil(T0 + 90_000);
    const out = lambda.run('clock', '{}', { parentId: null, source: 'function-url', model: 'sync' });
    if (out.kind !== 'ran' || !out.record.ok) throw new Error('the invocation should have run');
    const lines = out.record.logs.filter((l) => l.kind === 'function').map((l) => l.text.split('\t'));
    expect(lines.map((l) => l[3])).toEqual(['loaded', 'start', 'done']);
    const times = lines.map((l) => Date.parse(l[0]!));
    // INIT starts when the request arrives (12:01:30), the invoke after INIT; the timer adds 250 ms.
    expect(lines[0]![0]).toMatch(/^2026-04-09T12:01:30\.\d{3}Z$/);
    expect(times[0]).toBeGreaterThanOrEqual(T0 + 90_000);
    expect(times[1]! - (T0 + 90_000)).toBeGreaterThanOrEqual(Math.floor(out.record.report.initDurationMs!));
    expect(times[2]! - times[1]!).toBe(250);
    expect(JSON.parse(out.record.result)).toBe(lines[2]![0]);
  });

  it('starts a warm invocation at its own arrival time', async () => {
    const lambda = await service(fn('clock', CLOCK));
    lambda.run('clock', '{}', { parentId: null, source: 'function-url', model: 'sync' });
    lambda.scheduler.runUntil(T0 + 3_600_000);
    const out = lambda.run('clock', '{}', { parentId: null, source: 'function-url', model: 'sync' });
    if (out.kind !== 'ran') throw new Error('the invocation should have run');
    expect(out.record.coldStart).toBe(false);
    const first = out.record.logs.find((l) => l.kind === 'function')!.text;
    expect(first).toMatch(/^2026-04-09T13:00:00\.\d{3}Z\t/);
  });
});
