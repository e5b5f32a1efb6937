/** `coldstart tune <file>`: power tuning from the terminal. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();

const CPU_BOUND = `export const handler = async (event) => {
  let x = 0;
  for (let i = 0; i < (event.n ?? 100000); i++) x = (x + i * 7) % 1000003;
  return { x };
};
`;
const IO_WAIT = `export const handler = async () => {
  await new Promise((resolve) => setTimeout(resolve, 100));
  return 'ok';
};
`;

interface JsonTune {
  strategy: string;
  balancedWeight: number;
  architecture: string;
  invocationsPerSize: number;
  averaged: string;
  results: Array<Record<string, unknown> & { memorySizeMB: number; avgDurationMs: number; errors: number }>;
  best: { memorySizeMB: number; reason: string } | null;
}

function file(code: string, name = 'fn.mjs'): string {
  return join(writeFiles(tempDir(), { [name]: code }), name);
}

describe('coldstart tune', () => {
  it('prints a row per memory size and the pick of the strategy', async () => {
    const r = await runColdstart([
      'tune',
      file(CPU_BOUND),
      '--strategy',
      'speed',
      '--memory',
      '128,512,1769,3008',
      '--runs',
      '2',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      '2 warm invocations per size after a cold start; averages, p90 and cost are over the warm ones',
    );
    expect(r.stdout).toMatch(
      /^ {2}MEMORY +vCPU +AVG DURATION +P90 +BILLED +COST PER 1M +COLD START \(INIT \+ RUN\) +ERRORS$/m,
    );
    expect(r.stdout).toMatch(/^ {2}128 MB +0\.07 +[\d.]+ ms/m);
    expect(r.stdout).toMatch(/^\* 1769 MB +1\.00 +[\d.]+ ms/m);
    expect(r.stdout).toMatch(/^ {2}3008 MB +1\.00 of 1\.70 +/m);
    expect(r.stdout).toMatch(/^Best for speed: 1769 MB, fastest on average: [\d.]+ ms/m);
  });

  it('picks the smallest size for cost when the handler waits on a timer', async () => {
    const r = await runColdstart(['tune', file(IO_WAIT), '--memory', '128,1024,3008', '--runs', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Best for cost: 128 MB, cheapest on average/m);
  });

  it('prints the result as JSON with --json', async () => {
    const r = await runColdstart([
      'tune',
      file(CPU_BOUND),
      '--memory',
      '256,2048',
      '--runs',
      '2',
      '--strategy',
      'balanced',
      '--weight',
      '0.25',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonTune;
    expect(Object.keys(doc).sort()).toEqual([
      'architecture',
      'averaged',
      'balancedWeight',
      'best',
      'invocationsPerSize',
      'results',
      'strategy',
    ]);
    expect(doc).toMatchObject({
      strategy: 'balanced',
      balancedWeight: 0.25,
      architecture: 'x86_64',
      invocationsPerSize: 2,
      averaged: 'warm',
    });
    expect(doc.results.map((x) => x.memorySizeMB)).toEqual([256, 2048]);
    expect(Object.keys(doc.results[0] ?? {}).sort()).toEqual([
      'avgBilledMs',
      'avgCostUsd',
      'avgDurationMs',
      'coldStart',
      'costPerMillionUsd',
      'cpuShare',
      'errors',
      'firstError',
      'invocations',
      'memorySizeMB',
      'p90DurationMs',
      'vcpus',
    ]);
    expect(doc.best?.memorySizeMB).toBe(2048);
  });

  it('sends the --event template with its --set parameters', async () => {
    const echo = file(
      'export const handler = async (event) => { if (event.Records[0].s3.bucket.name !== "photos") throw new Error("wrong bucket"); return 1; };',
    );
    const r = await runColdstart([
      'tune',
      echo,
      '--event',
      's3-put',
      '--set',
      'bucket=photos',
      '--memory',
      '128',
      '--runs',
      '1',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonTune).results[0]?.errors).toBe(0);
  });

  it('exits 1 when the handler fails at some size, and never picks that size', async () => {
    const picky = file(
      "export const handler = async (e, context) => { if (Number(context.memoryLimitInMB) < 1024) throw new RangeError('needs 1 GB'); return 1; };",
    );
    const r = await runColdstart(['tune', picky, '--memory', '128,1024', '--runs', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('128 MB: 2 failed, e.g. RangeError: needs 1 GB');
    expect(r.stdout).toMatch(/^Best for cost: 1024 MB/m);
  });
});

describe('coldstart tune: bad arguments (exit 2)', () => {
  async function usage(args: string[]): Promise<string> {
    const r = await runColdstart(['tune', file(CPU_BOUND), ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: coldstart tune <file> [options]');
    return r.stderr;
  }

  it("refuses memory sizes Lambda refuses, with the configuration schema's message", async () => {
    expect(await usage(['--memory', '64,128'])).toContain(
      'coldstart tune: --memory 64: memory must be at least 128 MB',
    );
    expect(await usage(['--memory', '128,20000'])).toContain('--memory 20000: memory can be at most 10240 MB');
    expect(await usage(['--memory', '128,big'])).toContain(
      "--memory takes memory sizes in MB separated by commas, e.g. 128,512,1769; got 'big' in '128,big'",
    );
    expect(await usage(['--memory', '128,128'])).toContain(
      'coldstart tune: --memory: each memory size may be given only once',
    );
  });

  it('refuses a bad strategy, weight or number of runs', async () => {
    expect(await usage(['--strategy', 'cheap'])).toContain(
      "--strategy must be one of cost, speed, balanced; got 'cheap'",
    );
    expect(await usage(['--weight', '0.5'])).toContain('--weight is for --strategy balanced');
    expect(await usage(['--strategy', 'balanced', '--weight', '2'])).toContain(
      'coldstart tune: --weight 2: the balanced weight is between 0 (speed only) and 1 (cost only)',
    );
    expect(await usage(['--runs', '0'])).toContain('coldstart tune: --runs 0: run at least 1 warm invocation per size');
    expect(await usage(['--timeout', '1000'])).toContain('--timeout 1000: the timeout can be at most 900 seconds');
  });

  it('needs a handler file', async () => {
    const r = await runColdstart(['tune']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name the handler file to tune');
  });
});
