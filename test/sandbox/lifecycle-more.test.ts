import { describe, expect, it } from 'vitest';
import { consoleLines, failure, reportText, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

describe('unhandled promise rejections', () => {
  // nodejs22.x: the runtime interface client (3.x) listens for 'unhandledRejection', logs it,
  // reports Runtime.UnhandledPromiseRejection and exits with status 128.
  it('fail the invoke with Runtime.UnhandledPromiseRejection on nodejs22.x, as its runtime client does', async () => {
    const code = "export const handler = async () => { Promise.reject(new Error('lost')); await new Promise((r) => setTimeout(r, 10)); return 'done'; };";
    const r = failure(await run(host, code, { config: { runtime: 'nodejs22.x' } }));
    expect(r.error.errorType).toBe('Runtime.UnhandledPromiseRejection');
    expect(r.error.errorMessage).toBe('Error: lost');
    // The trace is where the runtime noticed it; the learner's frames are in the log line's reason.
    expect(r.error.trace[0]).toBe('Runtime.UnhandledPromiseRejection: Error: lost');
    expect(r.error.trace[1]).toMatch(/^ {4}at process\.<anonymous> \(file:\/\/\/var\/runtime\/index\.mjs:\d+:\d+\)$/);
    const line = consoleLines(r).find((l) => l.startsWith('ERROR\tUnhandled Promise Rejection \t'))!;
    const logged = JSON.parse(line.split(' \t')[1]!) as { errorType: string; errorMessage: string; reason: { errorType: string; errorMessage: string; stack: string[] }; promise: unknown };
    expect(logged).toMatchObject({ errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: lost', reason: { errorType: 'Error', errorMessage: 'lost' }, promise: {} });
    expect(logged.reason.stack[1]).toContain('/var/task/index.mjs:1:');
    expect(reportText(r)).toContain('Status: error\tError Type: Runtime.UnhandledPromiseRejection');
    expect(r.logs.at(-1)?.text).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: exit status 128`);
  });

  it('still deliver the answer on nodejs22.x when the handler returned in the same turn, then restart the runtime', async () => {
    // The runtime client posts the response as soon as the handler's promise settles; Node notices
    // the rejection only at the end of that turn (aws-lambda-base-images issue 392: "Status: Succeeded").
    const code = "export const handler = async () => { Promise.reject(new Error('boom')); return 'ok'; };";
    const r = success(await run(host, code, { key: 'same-turn-22', config: { runtime: 'nodejs22.x' } }));
    expect(r.result).toBe('"ok"');
    expect(consoleLines(r).some((l) => l.startsWith('ERROR\tUnhandled Promise Rejection \t{"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"Error: boom"'))).toBe(true);
    expect(r.logs.at(-1)?.text).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: exit status 128`);
    const next = success(await run(host, code.replace("Promise.reject(new Error('boom')); ", ''), { key: 'same-turn-22', config: { runtime: 'nodejs22.x' } }));
    expect(next.coldStart).toBe(true);
  });

  it('crash the runtime on nodejs24.x (no listener in its runtime client): raw Node output, exit status 1, answer lost', async () => {
    // Runtime interface client 4.x registers no 'unhandledRejection' listener and posts responses one
    // turn after the handler settles, so Node's default crash comes first.
    const code = "export const handler = async () => { Promise.reject(new Error('boom')); return 'ok'; };";
    const r = failure(await run(host, code));
    expect(r.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 1`, trace: [] });
    const raw = r.logs.find((l) => l.kind === 'function')!.text;
    expect(raw).toMatch(/^Error: boom\n {4}at handler \(file:\/\/\/var\/task\/index\.mjs:1:\d+\)/);
    expect(raw).toMatch(/\n\nNode\.js v24\.\d+\.\d+$/);
    expect(reportText(r)).toContain('Status: error\tError Type: Runtime.ExitError');
  });

  it('quote a reason that is not an Error the way Node does', async () => {
    const r = failure(await run(host, "export const handler = async () => { Promise.reject('plain'); return 1; };"));
    const raw = r.logs.find((l) => l.kind === 'function')!.text;
    expect(raw).toContain('The promise rejected with the reason "plain".');
    expect(raw).toContain("code: 'ERR_UNHANDLED_REJECTION'");
  });

  it("go to process.on('unhandledRejection') listeners instead of crashing on nodejs24.x", async () => {
    const code = "process.on('unhandledRejection', (reason, promise) => console.log('noticed', reason.message, promise instanceof Promise));\nexport const handler = async () => { Promise.reject(new Error('boom')); return 'ok'; };";
    const r = success(await run(host, code, { key: 'listener-24' }));
    expect(r.result).toBe('"ok"');
    expect(consoleLines(r)).toEqual(['INFO\tnoticed boom true']);
    expect(success(await run(host, code, { key: 'listener-24' })).coldStart).toBe(false);
  });

  it("cannot be caught by a listener on nodejs22.x: the runtime client's own listener runs first and exits", async () => {
    const code = "process.on('unhandledRejection', () => console.log('mine'));\nexport const handler = async () => { Promise.reject(new Error('boom')); await null; await new Promise((r) => setTimeout(r, 1)); return 'ok'; };";
    const r = failure(await run(host, code, { config: { runtime: 'nodejs22.x' } }));
    expect(r.error.errorType).toBe('Runtime.UnhandledPromiseRejection');
    expect(consoleLines(r)).not.toContain('INFO\tmine');
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

describe('uncaught exceptions (a throw in a timer callback)', () => {
  const code = 'export const handler = async () => { setTimeout(() => { throw new Error("timer blew up"); }, 10); await new Promise((r) => setTimeout(r, 100)); return "never"; };';

  it("fail the invoke with the error on nodejs22.x, as its runtime client's listener does, then exit with status 129", async () => {
    const r = failure(await run(host, code, { key: 'uncaught-22', config: { runtime: 'nodejs22.x' } }));
    expect(r.error).toMatchObject({ errorType: 'Error', errorMessage: 'timer blew up' });
    expect(r.error.trace[1]).toMatch(/^ {4}at .*file:\/\/\/var\/task\/index\.mjs:1:\d+/);
    const line = consoleLines(r).find((l) => l.startsWith('ERROR\tUncaught Exception \t'))!;
    expect(JSON.parse(line.split(' \t')[1]!)).toMatchObject({ errorType: 'Error', errorMessage: 'timer blew up' });
    expect(reportText(r)).toContain('Status: error\tError Type: Runtime.ExitError');
    expect(r.logs.at(-1)?.text).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: exit status 129`);
    expect((await run(host, code, { key: 'uncaught-22', config: { runtime: 'nodejs22.x' } })).coldStart).toBe(true);
  });

  it('crash the runtime on nodejs24.x (no listener in its runtime client): raw Node output, exit status 1', async () => {
    const r = failure(await run(host, code, { key: 'uncaught-24' }));
    expect(r.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 1`, trace: [] });
    const raw = r.logs.find((l) => l.kind === 'function')!.text;
    expect(raw).toMatch(/^Error: timer blew up\n {4}at .*file:\/\/\/var\/task\/index\.mjs:1:\d+/);
    expect(raw).toMatch(/\n\nNode\.js v24\.\d+\.\d+$/);
    expect(consoleLines(r).some((l) => l.includes('Uncaught Exception'))).toBe(false);
    expect(reportText(r)).toContain('Status: error\tError Type: Runtime.ExitError');
    expect((await run(host, code, { key: 'uncaught-24' })).coldStart).toBe(true);
  });

  it('print a thrown value that is not an Error as Node does on nodejs24.x', async () => {
    const r = failure(await run(host, 'export const handler = async () => { setTimeout(() => { throw "plain"; }, 1); await new Promise((r) => setTimeout(r, 10)); };'));
    const raw = r.logs.find((l) => l.kind === 'function')!.text;
    expect(raw).toMatch(/^'plain'\n\(Use `node --trace-uncaught \.\.\.` to show where the exception was thrown\)\n\nNode\.js v24/);
  });

  it("go to process.on('uncaughtException') listeners on nodejs24.x, and the invoke carries on", async () => {
    const listening = "process.on('uncaughtException', (e, origin) => console.log('noticed', e.message, origin));\n" + code.replace('return "never"', 'return "carried on"');
    const r = success(await run(host, listening, { key: 'uncaught-listener-24' }));
    expect(r.result).toBe('"carried on"');
    expect(consoleLines(r)).toEqual(['INFO\tnoticed timer blew up uncaughtException']);
    expect(success(await run(host, listening, { key: 'uncaught-listener-24' })).coldStart).toBe(false);
  });

  it('crash with the error of a listener that throws itself', async () => {
    const throwing = "process.on('uncaughtException', () => { throw new Error('listener broke'); });\n" + code;
    const raw = failure(await run(host, throwing)).logs.find((l) => l.kind === 'function')!.text;
    expect(raw).toMatch(/^Error: listener broke\n/);
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
