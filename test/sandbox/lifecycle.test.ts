import { describe, expect, it } from 'vitest';
import { consoleLines, reportText, run, sharedHost, success } from './helpers.ts';

const host = sharedHost({ workers: 2 });

const counter = `let invocations = 0;
const bornAt = Date.now();
console.log('INIT runs once per environment');
export const handler = async () => { invocations += 1; return invocations; };`;

describe('cold and warm starts', () => {
  it('keeps module-level state between warm invokes', async () => {
    const first = success(await run(host, counter, { key: 'counter' }));
    const second = success(await run(host, counter, { key: 'counter' }));
    const third = success(await run(host, counter, { key: 'counter' }));
    expect([first.coldStart, second.coldStart, third.coldStart]).toEqual([true, false, false]);
    expect([first.result, second.result, third.result]).toEqual(['1', '2', '3']);
  });

  it('runs INIT code once and shows Init Duration only on the cold start', async () => {
    const cold = success(await run(host, counter, { key: 'init-once' }));
    const warm = success(await run(host, counter, { key: 'init-once' }));
    expect(consoleLines(cold)).toContain('INFO\tINIT runs once per environment');
    expect(consoleLines(warm)).not.toContain('INFO\tINIT runs once per environment');
    expect(cold.report.initDurationMs).toBeGreaterThan(0);
    expect(reportText(cold)).toMatch(/\tInit Duration: \d+\.\d\d ms$/);
    expect(warm.report.initDurationMs).toBeUndefined();
    expect(reportText(warm)).not.toContain('Init Duration');
    // INIT is billed since Aug 2025: the cold start's billed duration includes it.
    expect(cold.report.billedDurationMs).toBe(Math.ceil(cold.report.durationMs + cold.report.initDurationMs!));
  });

  it('starts cold again after the code changes (a new deployment)', async () => {
    await run(host, counter, { key: 'redeploy' });
    const changed = success(await run(host, `${counter}\n// edited`, { key: 'redeploy' }));
    expect(changed.coldStart).toBe(true);
    expect(changed.result).toBe('1');
  });

  it('starts cold again after the configuration changes', async () => {
    await run(host, counter, { key: 'reconfigure' });
    const changed = success(await run(host, counter, { key: 'reconfigure', config: { memorySizeMB: 256 } }));
    expect(changed.coldStart).toBe(true);
  });

  it('starts cold when asked to', async () => {
    await run(host, counter, { key: 'forced' });
    const forced = success(await run(host, counter, { key: 'forced', forceColdStart: true }));
    expect(forced.coldStart).toBe(true);
    expect(forced.result).toBe('1');
  });

  it('keeps separate environments for separate keys', async () => {
    await run(host, counter, { key: 'a' });
    await run(host, counter, { key: 'a' });
    const b = success(await run(host, counter, { key: 'b' }));
    expect(b.result).toBe('1');
  });

  it('freezes pending timers between invokes and resumes them on the next one', async () => {
    const code = `let fired = 0;
export const handler = async (event) => {
  if (event.arm) setTimeout(() => { fired += 1; }, 50);
  await new Promise((r) => setTimeout(r, event.wait));
  return fired;
};`;
    const arm = success(await run(host, code, { key: 'frozen', event: { arm: true, wait: 10 } }));
    expect(arm.result).toBe('0');
    const later = success(await run(host, code, { key: 'frozen', event: { arm: false, wait: 100 } }));
    expect(later.result).toBe('1');
  });
});

describe('idle reaping', () => {
  it('shuts down environments idle longer than idleReapMs (the next invoke is cold)', async () => {
    const { createLambdaHost } = await import('../../sandbox/runtime/lambda-host.ts');
    const reaper = createLambdaHost({ idleReapMs: 1 });
    try {
      await run(reaper, counter, { key: 'idle' });
      await new Promise((r) => setTimeout(r, 20));
      const again = success(await run(reaper, counter, { key: 'idle' }));
      expect(again.coldStart).toBe(true);
    } finally {
      await reaper.dispose();
    }
  });
});
