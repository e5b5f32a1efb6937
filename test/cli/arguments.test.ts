/** Bad arguments exit 2 with a message that says what was wrong; --help documents everything. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();
const HANDLER = 'export const handler = async () => "ok";\n';

/** Run `coldstart invoke <a handler> ...args` and expect a usage error. */
async function usageError(args: string[]): Promise<string> {
  const dir = writeFiles(tempDir(), { 'index.mjs': HANDLER });
  const r = await runColdstart(['invoke', join(dir, 'index.mjs'), ...args]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('Usage: coldstart invoke <file> [options]');
  return r.stderr;
}

describe('bad arguments (exit 2)', () => {
  it("refuses a memory size out of range with the configuration schema's message", async () => {
    expect(await usageError(['--memory', '64'])).toContain('coldstart invoke: --memory 64: memory must be at least 128 MB');
    expect(await usageError(['--memory', '20000'])).toContain('--memory 20000: memory can be at most 10240 MB');
    expect(await usageError(['--memory', '200.5'])).toContain('--memory 200.5: memory is set in whole megabytes (1 MB steps)');
    expect(await usageError(['--memory', 'lots'])).toContain("--memory takes a number (MB); got 'lots'");
  });

  it('refuses a timeout, /tmp size, runtime or architecture that Lambda would refuse', async () => {
    expect(await usageError(['--timeout', '901'])).toContain('--timeout 901: the timeout can be at most 900 seconds (15 minutes)');
    expect(await usageError(['--tmp', '256'])).toContain('--tmp 256: /tmp must be at least 512 MB');
    expect(await usageError(['--runtime', 'nodejs18.x'])).toContain("--runtime must be one of nodejs24.x, nodejs22.x; got 'nodejs18.x'");
    expect(await usageError(['--arch', 'arm'])).toContain("--arch must be one of x86_64, arm64; got 'arm'");
  });

  it('refuses an unknown option and suggests the closest one', async () => {
    expect(await usageError(['--memroy', '256'])).toContain("coldstart invoke: unknown option '--memroy'; did you mean '--memory'?");
  });

  it('refuses an option without its value, and a malformed --env', async () => {
    expect(await usageError(['--memory'])).toContain('--memory needs a value (MB)');
    expect(await usageError(['--env', 'NOEQUALS'])).toContain("--env takes KEY=VALUE (e.g. --env TABLE_NAME=orders); got 'NOEQUALS'");
    expect(await usageError(['--env', '9LIVES=x'])).toContain('--env 9LIVES: variable names start with a letter');
  });

  it('refuses environment variables over 4 KB in all, as Lambda does when configuring', async () => {
    expect(await usageError(['--env', `BIG=${'x'.repeat(5000)}`])).toMatch(/--env: the variables take \d+ bytes; Lambda allows 4096 bytes \(4 KB\) for all of them together/);
  });

  it('refuses --times outside 1-1000', async () => {
    expect(await usageError(['--times', '0'])).toContain('--times 0: give a whole number of invocations from 1 to 1000');
  });

  it('says when the handler file is missing or not a handler', async () => {
    const dir = writeFiles(tempDir(), { 'notes.txt': 'hello' });
    const missing = await runColdstart(['invoke', 'nope.mjs'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('coldstart invoke: handler file not found: nope.mjs');
    const text = await runColdstart(['invoke', 'notes.txt'], { cwd: dir });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('notes.txt is not a Node.js handler file');
    const none = await runColdstart(['invoke']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name the handler file to run');
  });

  it('refuses an unknown command with the list of commands', async () => {
    const r = await runColdstart(['invok', 'x.mjs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("coldstart: unknown command 'invok' (did you mean 'invoke'?)");
    expect(r.stderr).toContain('Commands: invoke, events');
  });

  it('prints the help on stderr and exits 2 without a command', async () => {
    const r = await runColdstart([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: coldstart <command>');
  });
});

describe('--help', () => {
  it('lists every command and the exit codes', async () => {
    const r = await runColdstart(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}invoke <file> +Run a handler/m);
    expect(r.stdout).toMatch(/^ {2}events \[name\] +List the event templates/m);
    expect(r.stdout).toContain('Exit codes:');
  });

  it('documents every option of invoke with its units and defaults', async () => {
    const r = await runColdstart(['invoke', '--help']);
    expect(r.code).toBe(0);
    const options = ['--handler FILE.EXPORT', '--event EVENT', '--memory MB', '--timeout SECONDS', '--runtime RUNTIME', '--arch ARCH', '--env KEY=VALUE', '--tmp MB', '--times N', '--json', '-h, --help'];
    for (const option of options) expect(r.stdout).toContain(`  ${option}`);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Memory size in MB, 128-10240 in 1 MB steps');
    expect(flat).toContain('Default: 128.');
    expect(flat).toContain('Timeout in whole seconds, 1-900. Default: 3.');
    expect(flat).toContain('One of: nodejs24.x, nodejs22.x. Default: nodejs24.x.');
    expect(flat).toContain("'-' to read standard input");
    // `help invoke` is the same text.
    expect((await runColdstart(['help', 'invoke'])).stdout).toBe(r.stdout);
  });

  it('documents the events command', async () => {
    const r = await runColdstart(['events', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: coldstart events [name] [options]');
    expect(r.stdout).toContain('--json');
  });
});
