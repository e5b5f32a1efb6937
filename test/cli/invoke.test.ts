/** `coldstart invoke`: what a learner sees when a handler runs, succeeds, fails or times out. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();

const COUNTER = `let count = 0;
export const handler = async (event) => {
  count++;
  console.log('hello from', event.name ?? 'nobody');
  return { count, greeting: process.env.GREETING ?? null, name: event.name ?? null };
};
`;

/** The REPORT lines of human output. */
function reportLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('REPORT RequestId: '));
}

describe('coldstart invoke (human output)', () => {
  it('runs cold then warm in one environment with --times 2; Init Duration only on the first REPORT', async () => {
    const dir = writeFiles(tempDir(), { 'hello.mjs': COUNTER });
    const r = await runColdstart(['invoke', join(dir, 'hello.mjs'), '--times', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST$/m);
    expect(r.stdout).toMatch(/^\S+Z\t[0-9a-f-]{36}\tINFO\thello from nobody$/m);
    const reports = reportLines(r.stdout);
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatch(/\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms$/);
    expect(reports[1]).not.toContain('Init Duration');
    expect(r.stdout).toContain('Invocation 1 of 2: cold start, succeeded');
    expect(r.stdout).toContain('Invocation 2 of 2: warm, succeeded');
    // Module state survives the warm invoke, as in a reused Lambda environment.
    expect(r.stdout).toContain('Result   {"count":1,"greeting":null,"name":null}');
    expect(r.stdout).toContain('Result   {"count":2,"greeting":null,"name":null}');
    expect(r.stdout).toMatch(/Cost {5}\$0\.\d+ \(x86_64\)/);
    expect(r.stdout).toContain('2 invocations: 1 cold, 1 warm; all succeeded');
  });

  it('exits 1 and shows the errorType and message when the handler throws', async () => {
    const dir = writeFiles(tempDir(), { 'index.mjs': "export const handler = async () => { throw new TypeError('the order has no id'); };\n" });
    const r = await runColdstart(['invoke', join(dir, 'index.mjs')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Invocation 1 of 1: cold start, failed');
    expect(r.stdout).toContain('Error    TypeError: the order has no id');
    expect(r.stdout).toMatch(/Trace {4}at handler \(file:\/\/\/var\/task\/index\.mjs:1:\d+\)/);
    expect(r.stdout).toMatch(/\tERROR\tInvoke Error \t\{"errorType":"TypeError"/);
  });

  it('reports a syntax error as Runtime.UserCodeSyntaxError and exits 1', async () => {
    const dir = writeFiles(tempDir(), { 'index.mjs': 'export const handler = async () => { return 1 +; };\n' });
    const r = await runColdstart(['invoke', join(dir, 'index.mjs')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Error    Runtime.UserCodeSyntaxError: SyntaxError:');
    expect(reportLines(r.stdout)[0]).toMatch(/\tStatus: error\tError Type: Runtime\.UserCodeSyntaxError$/);
  });

  it('times out with --timeout 1 and Lambda\'s message', async () => {
    const dir = writeFiles(tempDir(), { 'slow.mjs': "export const handler = async () => { await new Promise((r) => setTimeout(r, 5000)); return 'late'; };\n" });
    const r = await runColdstart(['invoke', join(dir, 'slow.mjs'), '--timeout', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\S+ [0-9a-f-]{36} Task timed out after 1\.00 seconds$/m);
    expect(r.stdout).toContain('Invocation 1 of 1: cold start, timed out');
    expect(r.stdout).toMatch(/Error {4}Sandbox\.Timedout: RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds/);
    expect(reportLines(r.stdout)[0]).toMatch(/\tDuration: 1000\.00 ms\t.*\tStatus: timeout$/);
  });

  it('gives the function the variables of --env in process.env', async () => {
    const dir = writeFiles(tempDir(), { 'hello.mjs': COUNTER });
    const r = await runColdstart(['invoke', join(dir, 'hello.mjs'), '--env', 'GREETING=annyeong', '--env', 'UNUSED=a=b']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"greeting":"annyeong"');
  });

  it('packages the files beside the handler, so relative imports and JSON work; a folder runs index.handler', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'lib'));
    writeFiles(dir, {
      'index.mjs': "import { shout } from './lib/shout.mjs';\nimport cfg from './config.json' with { type: 'json' };\nexport const handler = async () => shout(cfg.word);\n",
      'lib/shout.mjs': 'export const shout = (w) => w.toUpperCase();\n',
      'config.json': '{"word":"ready"}',
    });
    const byFile = await runColdstart(['invoke', join(dir, 'index.mjs')]);
    expect(byFile.code).toBe(0);
    expect(byFile.stdout).toContain('Result   "READY"');
    const byFolder = await runColdstart(['invoke', dir]);
    expect(byFolder.code).toBe(0);
    expect(byFolder.stdout).toContain('Result   "READY"');
  });

  it('runs a CommonJS handler named with --handler, at the memory size given', async () => {
    const dir = writeFiles(tempDir(), { 'app.js': 'exports.main = async (e, ctx) => ({ memory: ctx.memoryLimitInMB, fn: ctx.functionName });\n' });
    const r = await runColdstart(['invoke', join(dir, 'app.js'), '--handler', 'app.main', '--memory', '512', '--arch', 'arm64']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Result   {"memory":"512","fn":"app"}');
    expect(reportLines(r.stdout)[0]).toContain('\tMemory Size: 512 MB\t');
    expect(r.stdout).toContain('(arm64)');
  });

  it('colours output only when asked: plain in a pipe, coloured with FORCE_COLOR, plain again with NO_COLOR', async () => {
    const dir = writeFiles(tempDir(), { 'hello.mjs': COUNTER });
    const file = join(dir, 'hello.mjs');
    const plain = await runColdstart(['invoke', file]);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await runColdstart(['invoke', file], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[32msucceeded\u001b[39m');
    const vetoed = await runColdstart(['invoke', file], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(vetoed.stdout).not.toContain('\u001b[');
  });

  it('runs a handler in a crowded folder, naming the first ten files it left out and counting the rest', async () => {
    const files: Record<string, string> = { 'handler.mjs': 'export const handler = async () => "fine";' };
    for (let i = 0; i < 214; i++) files[`note-${String(i).padStart(3, '0')}.json`] = '{}';
    const dir = writeFiles(tempDir(), files);
    const r = await runColdstart(['invoke', join(dir, 'handler.mjs')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Result   "fine"');
    // 215 files: the handler and 199 others fit the 200-file bound; 15 are left out.
    const note = r.stderr.trim();
    expect(note).toMatch(/^coldstart: left out of the package \(over 200 files, 1 MB a file or 5 MB in all\): /);
    const names = note.slice(note.indexOf('): ') + 3, note.indexOf(' and ')).split(', ');
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `note-${199 + i}.json`));
    expect(note).toContain(' and 5 more. Put the handler in a folder of its own to package only its files.');
  });
});
