/** `coldstart invoke --layer <dir>`: folders published as layers and extracted into /opt, in order. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();

/** A layer folder `name` under `root` with `files` (path inside the layer -> text). */
function layerDir(root: string, name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const HANDLER = `import { greet } from 'greeter';
import { readFileSync } from 'node:fs';
export const handler = async () => ({ greeting: greet('Ada'), motd: readFileSync('/opt/motd.txt', 'utf8') });
`;

describe('coldstart invoke --layer', () => {
  it('extracts each folder into /opt in order, so import finds the package and the later layer wins', async () => {
    const root = tempDir();
    const fn = writeFiles(root, { 'index.mjs': HANDLER });
    const greeter = layerDir(root, 'greeter', {
      'nodejs/node_modules/greeter/index.js': "exports.greet = (n) => 'hello ' + n;",
      'motd.txt': 'from greeter',
    });
    const motd = layerDir(root, 'motd', { 'motd.txt': 'from motd' });
    const r = await runColdstart(['invoke', join(fn, 'index.mjs'), '--layer', greeter, '--layer', motd, '--json']);
    expect(r.code).toBe(0);
    const { invocations } = JSON.parse(r.stdout) as { invocations: { result: unknown }[] };
    expect(invocations[0]?.result).toEqual({ greeting: 'hello Ada', motd: 'from motd' });

    const human = await runColdstart(['invoke', join(fn, 'index.mjs'), '--layer', greeter]);
    expect(human.stderr).toContain('coldstart: attached layer arn:aws:lambda:us-east-1:123456789012:layer:greeter:1');
  });

  it("refuses a sixth layer with Lambda's message, as a usage error", async () => {
    const root = tempDir();
    const fn = writeFiles(root, { 'index.mjs': 'export const handler = async () => 1;' });
    const dirs = Array.from({ length: 6 }, (_, i) => layerDir(root, `l${i}`, { 'x.txt': 'x' }));
    const r = await runColdstart(['invoke', join(fn, 'index.mjs'), ...dirs.flatMap((d) => ['--layer', d])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--layer: Cannot reference more than 5 layers.');
  });

  it('documents --layer in its help', async () => {
    const r = await runColdstart(['invoke', '--help']);
    expect(r.stdout).toContain('--layer DIR');
    expect(r.stdout).toContain('/opt/nodejs/node_modules');
  });
});
