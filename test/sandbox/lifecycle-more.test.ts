import { describe, expect, it } from 'vitest';
import { consoleLines, failure, reportText, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

describe('unhandled promise rejections', () => {
  it('fail the invoke with Runtime.UnhandledPromiseRejection, as the Node.js runtime does', async () => {
    const code = "export const handler = async () => { Promise.reject(new Error('lost')); await new Promise((r) => setTimeout(r, 10)); return 'done'; };";
    const r = failure(await run(host, code));
    expect(r.error.errorType).toBe('Runtime.UnhandledPromiseRejection');
    expect(r.error.errorMessage).toBe('Error: lost');
    expect(consoleLines(r).some((l) => l.startsWith('ERROR\tUnhandled Promise Rejection \t'))).toBe(true);
    expect(reportText(r)).toContain('Status: error');
  });

  it('leave handled rejections alone', async () => {
    const code = "export const handler = async () => { const p = Promise.reject(new Error('x')); try { await p; } catch { } return new Promise((_, rej) => rej(new Error('y'))).catch(() => 'caught'); };";
    expect(success(await run(host, code)).result).toBe('"caught"');
  });

  it('start the next invoke in a fresh environment', async () => {
    const code = "let n = 0;\nexport const handler = async (e) => { n++; if (e.bad) Promise.reject(new Error('lost')); await null; await null; return n; };";
    failure(await run(host, code, { key: 'rejection-reset', event: { bad: true } }));
    const next = success(await run(host, code, { key: 'rejection-reset', event: {} }));
    expect(next.coldStart).toBe(true);
  });
});

describe('INIT over 10 seconds', () => {
  it('retries INIT during the first invoke, bounded by the function timeout (INIT_REPORT Status: timeout)', async () => {
    // INIT waits 12 s the first time; the retry inside the invoke finishes quickly.
    const code = `import fs from 'node:fs';
const retried = fs.existsSync('/tmp/init-started');
fs.writeFileSync('/tmp/init-started', '1');
if (!retried) await new Promise((r) => setTimeout(r, 12000));
export const handler = async () => ({ retried });`;
    const r = success(await run(host, code, { config: { timeoutSeconds: 30 } }));
    expect(r.logs.some((l) => l.text.startsWith('INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout'))).toBe(true);
    expect(JSON.parse(r.result)).toEqual({ retried: true });
    expect(r.report.initDurationMs).toBe(10000);
  });

  it('times out the invoke when the retried INIT does not finish within the timeout', async () => {
    const code = 'await new Promise((r) => setTimeout(r, 20000));\nexport const handler = async () => 1;';
    const r = failure(await run(host, code, { config: { timeoutSeconds: 5 } }));
    expect(r.error.errorType).toBe('Sandbox.Timedout');
    expect(r.error.errorMessage).toContain('Task timed out after 5.00 seconds');
  });
});

describe('listing environments', () => {
  it('lists each environment with its state, times and invocation count', async () => {
    const code = 'export const handler = async () => 1;';
    await run(host, code, { key: 'listed' });
    await run(host, code, { key: 'listed' });
    const list = (await host.listEnvironments?.()) ?? [];
    const listed = list.find((e) => e.key === 'listed');
    expect(listed).toMatchObject({ state: 'warm', invocations: 2, functionName: 'my-function' });
    expect(listed!.lastUsedAt).toBeGreaterThanOrEqual(listed!.createdAt);
    expect(listed!.reapInMs).toBeGreaterThan(0);
  });
});
