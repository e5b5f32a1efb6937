import { describe, expect, it } from 'vitest';
import { consoleLines, failure, reportText, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('context', () => {
  it('has the documented properties with Lambda formats', async () => {
    const code = `export const handler = async (event, context) => ({
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: context.memoryLimitInMB,
      awsRequestId: context.awsRequestId,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      identity: context.identity === undefined,
      clientContext: context.clientContext === undefined,
      callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
      remaining: typeof context.getRemainingTimeInMillis(),
    });`;
    const r = success(await run(host, code, { config: { functionName: 'orders', memorySizeMB: 256 } }));
    const c = JSON.parse(r.result) as Record<string, unknown>;
    expect(c).toMatchObject({
      functionName: 'orders',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
      memoryLimitInMB: '256',
      awsRequestId: r.requestId,
      logGroupName: '/aws/lambda/orders',
      identity: true,
      clientContext: true,
      callbackWaitsForEmptyEventLoop: true,
      remaining: 'number',
    });
    expect(r.requestId).toMatch(UUID_V4);
    expect(c.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  });
});

describe('process.env', () => {
  it("has Lambda's reserved variables and the function's own", async () => {
    const code = 'export const handler = async () => process.env;';
    const r = success(await run(host, code, { config: { functionName: 'orders', runtime: 'nodejs24.x', environment: { TABLE: 'users' } } }));
    const env = JSON.parse(r.result) as Record<string, string>;
    expect(env).toMatchObject({
      TABLE: 'users',
      _HANDLER: 'index.handler',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      AWS_LAMBDA_FUNCTION_NAME: 'orders',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/orders',
      LAMBDA_TASK_ROOT: '/var/task',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
    });
    for (const name of ['AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_LAMBDA_RUNTIME_API', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
      expect(env[name], name).toBeTruthy();
    }
  });
});

describe('CloudWatch lines', () => {
  it('prints START, the console lines, END and REPORT in Lambda formats', async () => {
    const code = `export const handler = async () => {
  console.log('log'); console.info('info'); console.warn('warn'); console.error('error'); console.debug('debug');
  return 1;
};`;
    const r = success(await run(host, code));
    const id = r.requestId;
    const texts = r.logs.map((l) => l.text);
    const start = texts.indexOf(`START RequestId: ${id} Version: $LATEST`);
    expect(start).toBeGreaterThan(-1);
    expect(texts.at(-2)).toBe(`END RequestId: ${id}`);
    expect(r.logs.at(-1)?.kind).toBe('report');
    const fn = r.logs.filter((l) => l.kind === 'function').map((l) => l.text);
    expect(fn).toHaveLength(5);
    for (const line of fn) expect(line).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\\t${id}\\t(INFO|WARN|ERROR|DEBUG)\\t`));
    expect(consoleLines(r)).toEqual(['INFO\tlog', 'INFO\tinfo', 'WARN\twarn', 'ERROR\terror', 'DEBUG\tdebug']);
    expect(reportText(r)).toMatch(new RegExp(`^REPORT RequestId: ${id}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d\\d ms$`));
  });

  it('prints console.trace as a TRACE line with a stack', async () => {
    const r = success(await run(host, 'export const handler = async () => { console.trace("here"); };'));
    expect(consoleLines(r)[0]).toMatch(/^TRACE\tTrace: here\n\s+at /);
  });

  it('keeps every character a handler logs, control characters and unpaired surrogates included', async () => {
    const text = 'a\u0001b\u0002c\u0003d\u00032\u0003u0041 \ud800x\udc00 😀 é';
    const code = `export const handler = async () => { console.log(${JSON.stringify(text)}); process.stdout.write(${JSON.stringify(`${text}\n`)}); return 'done'; };`;
    const r = success(await run(host, code));
    expect(consoleLines(r)[0]).toBe(`INFO\t${text}`);
    // process.stdout.write: the line as written, without Lambda's prefix.
    expect(r.logs.filter((l) => l.kind === 'function').map((l) => l.text)[1]).toBe(text);
    expect(r.result).toBe('"done"');
  });

  it('uses printf-style formats like Node', async () => {
    const r = success(await run(host, 'export const handler = async () => { console.log("%s is %d years and %j", "Ana", 42.5, { a: 1 }); console.log("100%%", 5); };'));
    expect(consoleLines(r)).toEqual(['INFO\tAna is 42.5 years and {"a":1}', 'INFO\t100% 5']);
  });

  it('stamps console lines with the virtual clock: a line after a 300 ms timer is 300 ms later, as Date.now() says', async () => {
    const code = "export const handler = async () => { const t0 = Date.now(); console.log('before'); await new Promise((r) => setTimeout(r, 300)); console.log('after'); return Date.now() - t0; };";
    const r = success(await run(host, code));
    const [before, after] = r.logs.filter((l) => l.kind === 'function').map((l) => Date.parse(l.text.split('\t')[0]!));
    expect(after! - before!).toBe(300);
    expect(r.result).toBe('300');
  });

  it('logs init-time output with requestId "undefined", before START', async () => {
    const r = success(await run(host, 'console.log("loading");\nexport const handler = async () => 1;'));
    const idx = r.logs.findIndex((l) => l.text.endsWith('\tundefined\tINFO\tloading'));
    const start = r.logs.findIndex((l) => l.kind === 'start');
    expect(idx).toBeGreaterThan(-1);
    expect(idx).toBeLessThan(start);
  });

  it('computes cost from billed duration, memory and architecture', async () => {
    const code = 'export const handler = async () => { await new Promise((r) => setTimeout(r, 1000)); };';
    const x86 = await run(host, code, { config: { memorySizeMB: 1024 } });
    const arm = await run(host, code, { config: { memorySizeMB: 1024, architecture: 'arm64' } });
    const gbs = (x86.report.billedDurationMs / 1000) * 1;
    expect(x86.costUsd).toBeCloseTo(0.0000002 + gbs * 0.0000166667, 12);
    expect(arm.costUsd).toBeLessThan(x86.costUsd);
  });

  it('rejects a response bigger than 6 MB', async () => {
    const r = failure(await run(host, 'export const handler = async () => "x".repeat(7 * 1024 * 1024);', { config: { memorySizeMB: 1024 } }));
    expect(r.error.errorType).toBe('Function.ResponseSizeTooLarge');
  });
});
