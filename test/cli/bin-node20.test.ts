/**
 * bin/coldstart.mjs under a Node that cannot strip types (the machine's Node 20): it runs the
 * same command again with the project's Node 24, passing arguments, stdin, stdout and the exit
 * code through; without the project's Node it says how to fix that.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { BIN, findOldNode, runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();
const oldNode = findOldNode();

/** The old Node's path; fails the test (never skips it) when the machine has none. */
function requireOldNode(): string {
  expect(oldNode, 'this test needs a Node older than 22.18 outside node_modules (the system Node 20)').toBeDefined();
  return oldNode?.path ?? '';
}

describe('bin/coldstart.mjs on an old Node', () => {
  it('re-executes with the project Node: --version reports Node 24', async () => {
    const r = await runColdstart(['--version'], { node: requireOldNode() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^coldstart \d+\.\d+\.\d+ \(Node\.js v(2[3-9]|[3-9]\d)\./);
  });

  it('passes stdin, stdout and the exit code through', async () => {
    const dir = writeFiles(tempDir(), {
      'echo.mjs': 'export const handler = async (event) => { if (event.fail) throw new Error("failed on purpose"); return event; };\n',
    });
    const node = requireOldNode();
    const ok = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--event', '-', '--json'], { node, input: '{"via":"node20"}' });
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { invocations: Array<{ result: unknown }> }).invocations[0]?.result).toEqual({ via: 'node20' });
    const failed = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--event', '{"fail":true}'], { node });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('Error    Error: failed on purpose');
    const usage = await runColdstart(['invoke', join(dir, 'echo.mjs'), '--memory', '1'], { node });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--memory 1: memory must be at least 128 MB');
  });

  it("explains how to fix it when the project's Node is missing", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin', 'coldstart.mjs'));
    const r = await runColdstart(['--help'], { node: requireOldNode(), script: join(dir, 'bin', 'coldstart.mjs') });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`coldstart: needs Node.js 22.18 or newer with TypeScript type stripping; this is Node.js v${oldNode?.version ?? ''}`);
    expect(r.stderr).toContain("The project's own Node was not found at");
    expect(r.stderr).toContain('run `npm install` in the Coldstart folder');
  });
});
