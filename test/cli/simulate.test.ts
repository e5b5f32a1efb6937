/** `coldstart simulate <file>`: load on a handler from the terminal. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();

const COUNTER = 'let n = 0;\nexport const handler = async () => ({ n: ++n });\n';

function file(code: string, name = 'fn.mjs'): string {
  return join(writeFiles(tempDir(), { [name]: code }), name);
}

describe('coldstart simulate', () => {
  it('prints totals, throttles with their reason, percentiles, the bill and a concurrency chart', async () => {
    const r = await runColdstart(['simulate', file(COUNTER), '--pattern', 'burst', '--count', '50', '--account-limit', '10']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mode: Exact: all 10 invocations ran for real');
    expect(r.stdout).toMatch(/^Requests +50$/m);
    expect(r.stdout).toMatch(/^Cold starts +10 \(100\.0%\)$/m);
    expect(r.stdout).toMatch(/^Max concurrency 10$/m);
    expect(r.stdout).toMatch(/^Throttles +40 \(TooManyRequestsException, HTTP 429\)$/m);
    expect(r.stdout).toMatch(/^ {2}ConcurrentInvocationLimitExceeded +40$/m);
    expect(r.stdout).toMatch(/^Latency \(ms\) +p50 +p90 +p99 +max$/m);
    expect(r.stdout).toMatch(/^ {2}cold +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +\(10\)$/m);
    expect(r.stdout).toMatch(/^Bill: \$[\d.e-]+ \(no free tier\)$/m);
    expect(r.stdout).toContain('Concurrency per second:');
    expect(r.stdout).toMatch(/^ {2}10 \|#$/m);
  });

  it('--json prints the FleetResult', async () => {
    const r = await runColdstart(['simulate', file(COUNTER), '--rate', '2', '--duration', '5', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as {
      mode: string;
      totals: { invocations: number; coldStarts: number; environments: number };
      series: unknown[];
      environments: Array<{ lastPayload: string }>;
      bill: { totalUsd: number };
    };
    expect(result.mode).toBe('exact');
    expect(result.totals).toMatchObject({ invocations: 10, coldStarts: 1, environments: 1 });
    expect(result.series).toHaveLength(5);
    expect(result.environments[0]!.lastPayload).toBe('{"n":10}');
    expect(result.bill.totalUsd).toBeGreaterThan(0);
  });

  it('reserved and provisioned concurrency from the command line', async () => {
    const path = file(COUNTER);
    const pc = await runColdstart(['simulate', path, '--pattern', 'burst', '--count', '15', '--provisioned', '10', '--json']);
    const pcResult = JSON.parse(pc.stdout) as { totals: { coldStarts: number; provisionedInvocations: number } };
    expect(pcResult.totals).toMatchObject({ coldStarts: 5, provisionedInvocations: 10 });
    const reserved = await runColdstart(['simulate', path, '--pattern', 'burst', '--count', '5', '--reserved', '0']);
    expect(reserved.code).toBe(0);
    expect(reserved.stdout).toMatch(/^ {2}ReservedFunctionConcurrentInvocationLimitExceeded +5$/m);
  });

  it('exits 2 on bad arguments, naming the option', async () => {
    const path = file(COUNTER);
    const cases: Array<[string[], RegExp]> = [
      [['--pattern', 'wave'], /--pattern must be one of constant, burst, ramp, poisson; got 'wave'/],
      [['--rate', 'fast'], /--rate takes a number \(requests per second\); got 'fast'/],
      [['--rate', '0'], /--rate: must be a number above 0; got 0/],
      [['--count', '5'], /--count does not apply to --pattern constant/],
      [['--pattern', 'ramp'], /--pattern ramp needs --to R/],
      [['--reserved', '950'], /--reserved: Lambda keeps at least 100 of the account's concurrency unreserved/],
      [['--memory', '64'], /--memory 64:/],
      [['--batch-size', '5'], /--batch-size and --batch-window are for --invocation sqs/],
      [['--invocation', 'stream'], /--invocation must be one of sync, async, sqs/],
    ];
    for (const [args, message] of cases) {
      const r = await runColdstart(['simulate', path, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const missing = await runColdstart(['simulate']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('name the handler file to simulate');
  });

  it('is listed in coldstart --help and documents its options', async () => {
    const main = await runColdstart(['--help']);
    expect(main.stdout).toMatch(/simulate/);
    const help = await runColdstart(['simulate', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--pattern', '--rate', '--duration', '--count', '--from', '--to', '--seed', '--reserved', '--provisioned', '--account-limit', '--memory', '--timeout', '--invocation', '--json'])
      expect(help.stdout).toContain(option);
  });

  it('exits 1 when the handler fails', async () => {
    const r = await runColdstart(['simulate', file("export const handler = async () => { throw new Error('x'); };\n"), '--pattern', 'burst', '--count', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Errors +2$/m);
  });
});
