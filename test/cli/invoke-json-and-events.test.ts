/** `coldstart invoke --json` (the contract for scripts) and where events come from. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();

const ECHO = `let n = 0;
export const handler = async (event) => {
  n++;
  console.log('invocation', n);
  if (event.fail) throw new RangeError('asked to fail');
  return { n, event };
};
`;

interface JsonRun {
  invocations: Array<Record<string, unknown> & { report: Record<string, unknown>; logs: string[] }>;
}

describe('coldstart invoke --json', () => {
  it('prints exactly one JSON object with the documented shape, cold then warm', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO });
    const r = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--times', '2', '--json', '--event', '{"hi":true}']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as JsonRun;
    expect(Object.keys(doc)).toEqual(['invocations']);
    expect(doc.invocations).toHaveLength(2);
    const [cold, warm] = doc.invocations;
    expect(Object.keys(cold ?? {}).sort()).toEqual(['coldStart', 'costUsd', 'logs', 'report', 'requestId', 'result']);
    expect(cold?.coldStart).toBe(true);
    expect(warm?.coldStart).toBe(false);
    // The result is the parsed JSON value, not a string.
    expect(cold?.result).toEqual({ n: 1, event: { hi: true } });
    expect(warm?.result).toEqual({ n: 2, event: { hi: true } });
    expect(cold?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(cold?.report ?? {}).sort()).toEqual(['billedDurationMs', 'durationMs', 'initDurationMs', 'maxMemoryUsedMB', 'memorySizeMB', 'status']);
    expect(cold?.report.initDurationMs).toEqual(expect.any(Number));
    expect(warm?.report.initDurationMs).toBeNull();
    expect(cold?.report).toMatchObject({ memorySizeMB: 128, status: 'success' });
    expect(cold?.costUsd).toEqual(expect.any(Number));
    expect(cold?.logs.some((l) => l.startsWith(`START RequestId: ${String(cold.requestId)}`))).toBe(true);
    expect(cold?.logs.some((l) => l.endsWith('\tINFO\tinvocation 1'))).toBe(true);
    expect(cold?.logs.at(-1)).toMatch(/^REPORT RequestId: .*\tInit Duration: /);
  });

  it('puts a failure under "error" with errorType, errorMessage and trace, and exits 1', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO });
    const r = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--json', '--event', '{"fail":true}']);
    expect(r.code).toBe(1);
    const [inv] = (JSON.parse(r.stdout) as JsonRun).invocations;
    expect(inv).not.toHaveProperty('result');
    expect(inv?.error).toMatchObject({ errorType: 'RangeError', errorMessage: 'asked to fail', trace: expect.arrayContaining(['RangeError: asked to fail']) });
    expect(inv?.report.status).toBe('error');
  });
});

describe('coldstart invoke --event', () => {
  it('reads the event from standard input with -', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO });
    const r = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--event', '-', '--json'], { input: '{"from":"stdin"}\n' });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonRun).invocations[0]?.result).toEqual({ n: 1, event: { from: 'stdin' } });
  });

  it('uses an event template by name', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO });
    const r = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--event', 's3-put', '--json']);
    expect(r.code).toBe(0);
    const result = (JSON.parse(r.stdout) as JsonRun).invocations[0]?.result as { event: { Records: Array<{ eventSource: string }> } };
    expect(result.event.Records[0]?.eventSource).toBe('aws:s3');
  });

  it('reads a .json file', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO, 'order.json': '{\n  "orderId": 42\n}\n' });
    const r = await runColdstart(['invoke', 'echo.mjs', '--event', 'order.json', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonRun).invocations[0]?.result).toEqual({ n: 1, event: { orderId: 42 } });
  });

  it('refuses invalid JSON with its line and column, exit 2, before running anything', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO, 'bad.json': '{\n  "a": 1\n  "b": 2\n}\n' });
    const r = await runColdstart(['invoke', 'echo.mjs', '--event', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("coldstart invoke: the event from file bad.json is not valid JSON: line 3, column 3: expected ',' or '}' after a property value");
    expect(r.stderr).toContain('Usage: coldstart invoke <file> [options]');
  });

  it('refuses invalid JSON on standard input with its line and column', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO });
    const r = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--event', '-'], { input: "{\n  'a': 1\n}" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the event from standard input is not valid JSON: line 2, column 3: expected a property name in double quotes');
  });

  it('names the templates when the name is unknown, with the closest one', async () => {
    const dir = writeFiles(tempDir(), { 'echo.mjs': ECHO });
    const r = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--event', 's3-putt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown event template 's3-putt' \(did you mean 's3-put'\?\); templates: .*hello-world/);
  });
});

describe('coldstart events', () => {
  it('lists every template with its invocation type and title', async () => {
    const r = await runColdstart(['events']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NAME +INVOCATION +TITLE$/m);
    expect(r.stdout).toMatch(/^s3-put +async +S3 /m);
    expect(r.stdout).toMatch(/^apigateway-rest +sync +API Gateway/m);
  });

  it('prints one template as JSON ready to save', async () => {
    const r = await runColdstart(['events', 'hello-world']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ key1: 'value1', key2: 'value2', key3: 'value3' });
  });

  it('builds the event from --set parameters', async () => {
    const r = await runColdstart(['events', 's3-put', '--set', 'bucket=photos', '--set', 'size=2048']);
    expect(r.code).toBe(0);
    const event = JSON.parse(r.stdout) as { Records: Array<{ s3: { bucket: { name: string }; object: { size: number } } }> };
    expect(event.Records[0]?.s3.bucket.name).toBe('photos');
    expect(event.Records[0]?.s3.object.size).toBe(2048);
  });

  it('refuses an unknown template name (exit 2)', async () => {
    const r = await runColdstart(['events', 'kinesis-nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown event template 'kinesis-nope'");
  });
});
