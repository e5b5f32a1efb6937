import { describe, expect, it } from 'vitest';
import { createLambdaHost } from '../../sandbox/runtime/lambda-host.ts';
import { consoleLines, failure, reportText, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

describe('timeout', () => {
  it('times out a handler waiting longer than the timeout, with Lambda\'s message', async () => {
    const code = 'export const handler = async () => { await new Promise((r) => setTimeout(r, 5000)); return "late"; };';
    const r = failure(await run(host, code));
    expect(r.error.errorType).toBe('Sandbox.Timedout');
    expect(r.error.errorMessage).toBe(`RequestId: ${r.requestId} Error: Task timed out after 3.00 seconds`);
    expect(r.report.status).toBe('timeout');
    expect(r.report.durationMs).toBe(3000);
    expect(reportText(r)).toMatch(/\tStatus: timeout$/);
    expect(r.logs.some((l) => l.text.endsWith(`${r.requestId} Task timed out after 3.00 seconds`))).toBe(true);
  });

  it('starts a fresh environment after a timeout (the next invoke is cold)', async () => {
    const code = 'let n = 0;\nexport const handler = async (e) => { n++; if (e.slow) await new Promise((r) => setTimeout(r, 10000)); return n; };';
    await run(host, code, { key: 'reset-after-timeout', event: { slow: true } });
    const next = success(await run(host, code, { key: 'reset-after-timeout', event: { slow: false } }));
    expect(next.coldStart).toBe(true);
    expect(next.result).toBe('1');
  });

  it('stops an endless loop through the interrupt handler and reports a timeout', async () => {
    const r = failure(await run(host, 'export const handler = async () => { while (true) {} };'));
    expect(r.error.errorType).toBe('Sandbox.Timedout');
    expect(r.report.status).toBe('timeout');
  });

  it('uses the configured timeout in the message', async () => {
    const code = 'export const handler = async () => { await new Promise((r) => setTimeout(r, 2000)); };';
    const r = failure(await run(host, code, { config: { timeoutSeconds: 1 } }));
    expect(r.error.errorMessage).toContain('Task timed out after 1.00 seconds');
  });

  it('lets getRemainingTimeInMillis count down on the virtual clock', async () => {
    const code = 'export const handler = async (e, ctx) => { const a = ctx.getRemainingTimeInMillis(); await new Promise((r) => setTimeout(r, 1000)); return [a, ctx.getRemainingTimeInMillis()]; };';
    const [before, after] = JSON.parse(success(await run(host, code)).result) as [number, number];
    expect(before).toBeLessThanOrEqual(3000);
    expect(before).toBeGreaterThan(2900);
    expect(before - after).toBeGreaterThanOrEqual(1000);
  });
});

describe('memory', () => {
  it('kills a function that fills memory with many small objects (Runtime.OutOfMemory)', async () => {
    const code = 'const keep = [];\nexport const handler = async () => { for (;;) keep.push({ a: 1, b: "x" }); };';
    const r = failure(await run(host, code));
    expect(r.error.errorType).toBe('Runtime.OutOfMemory');
    expect(r.error.errorMessage).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: signal: killed`);
    expect(r.report.maxMemoryUsedMB).toBe(128);
    expect(reportText(r)).toContain('Status: error\tError Type: Runtime.OutOfMemory');
  });

  it('kills a function that builds one huge string', async () => {
    const r = failure(await run(host, 'export const handler = async () => "x".repeat(200 * 1024 * 1024).length;'));
    expect(r.error.errorType).toBe('Runtime.OutOfMemory');
  });

  it('shows no Invoke Error line for an OOM kill: only END, REPORT and the killed line, as Lambda does', async () => {
    // QuickJS throws a catchable "out of memory" that the runtime emulation would log as
    // `Invoke Error {"errorType":"InternalError",...}`; Lambda kills the process instead.
    for (const [code, runtime] of [
      ['export const handler = async () => "x".repeat(200 * 1024 * 1024).length;', 'nodejs24.x'],
      ['export const handler = (event, context, callback) => { callback(null, "x".repeat(200 * 1024 * 1024)); };', 'nodejs22.x'],
    ] as const) {
      const r = failure(await run(host, code, { config: { runtime } }));
      expect(r.error.errorType, code).toBe('Runtime.OutOfMemory');
      expect(r.logs.some((l) => l.text.includes('Invoke Error') || l.text.includes('out of memory')), code).toBe(false);
      const afterStart = r.logs.slice(r.logs.findIndex((l) => l.kind === 'start') + 1);
      expect(afterStart.map((l) => l.kind), code).toEqual(['end', 'report', 'platform']);
      expect(afterStart[1]?.text).toContain('\tMax Memory Used: 128 MB');
      expect(afterStart[1]?.text).toMatch(/\tStatus: error\tError Type: Runtime\.OutOfMemory$/);
      expect(afterStart[2]?.text).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: signal: killed`);
    }
  });

  it('keeps the Invoke Error line of a handler that throws its own error mentioning memory', async () => {
    const r = failure(await run(host, 'export const handler = async () => { throw new RangeError("out of memory"); };'));
    expect(r.error.errorType).toBe('RangeError');
    expect(r.logs.some((l) => l.text.includes('\tERROR\tInvoke Error \t'))).toBe(true);
  });

  it('lets the same allocation succeed with more memory', async () => {
    const code = 'export const handler = async () => { const a = []; for (let i = 0; i < 1000000; i++) a.push({ i }); return a.length; };';
    expect(failure(await run(host, code)).error.errorType).toBe('Runtime.OutOfMemory');
    const big = success(await run(host, code, { config: { memorySizeMB: 512 } }));
    expect(big.result).toBe('1000000');
    expect(big.report.maxMemoryUsedMB).toBeGreaterThan(64);
    expect(big.report.maxMemoryUsedMB).toBeLessThan(512);
  });
});

describe('deterministic report numbers', () => {
  const code = `let cache;
export const handler = async (event) => {
  let sum = 0;
  for (let i = 0; i < 200000; i++) sum += i % 7;
  cache = new Array(1000).fill(sum);
  console.log('sum', sum);
  await new Promise((r) => setTimeout(r, 25));
  return sum;
};`;

  it('gives identical durations and memory for the same code, event and configuration', async () => {
    const first = createLambdaHost();
    const second = createLambdaHost();
    try {
      const a = [await run(first, code, { key: 'det' }), await run(first, code, { key: 'det' })];
      const b = [await run(second, code, { key: 'det' }), await run(second, code, { key: 'det' })];
      expect(a.map((r) => r.report)).toEqual(b.map((r) => r.report));
      expect(a[0]!.report.initDurationMs).toBeGreaterThan(0);
      expect(a[0]!.report.durationMs).toBeGreaterThan(25);
    } finally {
      await Promise.all([first.dispose(), second.dispose()]);
    }
  });

  it('runs CPU-bound work faster with more memory, up to one full vCPU', async () => {
    const at128 = success(await run(host, code)).report.durationMs;
    const at1024 = success(await run(host, code, { config: { memorySizeMB: 1024 } })).report.durationMs;
    const at1769 = success(await run(host, code, { config: { memorySizeMB: 1769 } })).report.durationMs;
    const at3008 = success(await run(host, code, { config: { memorySizeMB: 3008 } })).report.durationMs;
    expect(at1024).toBeLessThan(at128);
    expect(at1769).toBeLessThan(at1024);
    expect(at3008).toBe(at1769);
  });
});

describe('hostile code', () => {
  it('stops an endless loop inside a timer callback', async () => {
    const code = 'export const handler = async () => { setTimeout(() => { for (;;) {} }, 1); await new Promise((r) => setTimeout(r, 10)); };';
    expect(failure(await run(host, code)).report.status).toBe('timeout');
  });

  it('stops an endless promise chain', async () => {
    const code = 'export const handler = async () => { const spin = () => Promise.resolve().then(spin); spin(); await new Promise(() => {}); };';
    expect(failure(await run(host, code)).report.status).toBe('timeout');
  });

  it('stops an endless loop during INIT', async () => {
    const r = failure(await run(host, 'while (true) {}\nexport const handler = async () => 1;'));
    expect(r.coldStart).toBe(true);
    expect(r.report.status).toBe('timeout');
  });

  it('cannot reach host objects', async () => {
    const code = `export const handler = async () => [typeof require, typeof globalThis.process?.binding, typeof globalThis.WebAssembly, typeof globalThis.Deno, typeof globalThis.__coldstart?.host?.log === 'function' ? 'bridge-is-strings-only' : 'none'];`;
    const r = success(await run(host, code));
    expect(JSON.parse(r.result)).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'bridge-is-strings-only']);
  });

  it('terminates a worker that does not answer in time and keeps serving afterwards', async () => {
    const impatient = createLambdaHost({ watchdogMs: 150 });
    try {
      // Real CPU work far beyond 150 ms (the virtual timeout is 900 s, so only the watchdog stops it).
      const spin = 'export const handler = async () => { for (;;) {} };';
      const r = failure(await run(impatient, spin, { config: { timeoutSeconds: 900, memorySizeMB: 10240 } }));
      expect(r.error.errorType).toBe('Runtime.ExitError');
      expect(r.logs.some((l) => l.kind === 'platform' && l.text.includes('did not answer within'))).toBe(true);
      const relaxed = createLambdaHost();
      try {
        expect(success(await run(relaxed, 'export const handler = async () => "alive";')).result).toBe('"alive"');
      } finally {
        await relaxed.dispose();
      }
      const after = await run(impatient, 'export const handler = async () => "again";');
      expect(after.ok || after.error.errorType === 'Runtime.ExitError').toBe(true);
    } finally {
      await impatient.dispose();
    }
  });
});

describe('logs of limits', () => {
  it('keeps console output written before a timeout', async () => {
    const code = 'export const handler = async () => { console.log("before"); await new Promise((r) => setTimeout(r, 9000)); };';
    const r = await run(host, code);
    expect(consoleLines(r)).toContain('INFO\tbefore');
  });

  it('keeps the lines logged before an endless loop times out, then END, REPORT and the timeout line', async () => {
    const r = failure(await run(host, 'export const handler = async () => { console.log("starting"); console.warn("spinning"); for (;;) {} };'));
    const afterStart = r.logs.slice(r.logs.findIndex((l) => l.kind === 'start') + 1);
    expect(afterStart.map((l) => l.kind)).toEqual(['function', 'function', 'end', 'report', 'platform']);
    expect(consoleLines(r)).toEqual(['INFO\tstarting', 'WARN\tspinning']);
    expect(afterStart[4]?.text).toMatch(/ Task timed out after 3\.00 seconds$/);
  });

  it('keeps the lines logged before an out-of-memory kill: they were written before the process died', async () => {
    const code = 'const keep = [];\nexport const handler = async () => {\n  console.log("loading orders");\n  await new Promise((r) => setTimeout(r, 50));\n  console.warn("building the index");\n  for (;;) keep.push({ a: 1, b: "x" });\n};';
    const r = failure(await run(host, code));
    expect(r.error.errorType).toBe('Runtime.OutOfMemory');
    const afterStart = r.logs.slice(r.logs.findIndex((l) => l.kind === 'start') + 1);
    expect(afterStart.map((l) => l.kind)).toEqual(['function', 'function', 'end', 'report', 'platform']);
    expect(consoleLines(r)).toEqual(['INFO\tloading orders', 'WARN\tbuilding the index']);
    expect(afterStart[4]?.text).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: signal: killed`);
  });

  it('drops what code logs while it is being stopped (Lambda has already ended the process)', async () => {
    const code = 'export const handler = async () => { console.log("before"); try { for (;;) {} } catch (e) { console.log("caught", e.message); } };';
    const r = failure(await run(host, code));
    expect(r.error.errorType).toBe('Sandbox.Timedout');
    expect(consoleLines(r)).toEqual(['INFO\tbefore']);
  });

  it('keeps the lines logged before process.exit', async () => {
    const r = failure(await run(host, 'export const handler = async () => { console.log("bye"); process.exit(2); };'));
    expect(r.error.errorMessage).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: exit status 2`);
    expect(consoleLines(r)).toEqual(['INFO\tbye']);
  });
});
