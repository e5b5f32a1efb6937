/**
 * The playground's pricing and tuning methods through dispatch, as both transports call them:
 * AWS's worked example to the cent (https://aws.amazon.com/lambda/pricing/, FACTS.md), the server
 * break-even, refusals in words a learner can act on, and a real power-tuning run in the sandbox.
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { call, failure, useBackends } from './support/backend.ts';

const tempDir = useTempDirs();
const backendAt = useBackends();

/** Pure CPU work: its duration falls with memory until one full vCPU (1,769 MB). */
const CPU_BOUND = `export const handler = async () => {
  let x = 0;
  for (let i = 0; i < 300000; i++) x = (x + i * i) % 1000003;
  return x;
};
`;

const workedExample = {
  requestsPerMonth: 3_000_000,
  averageDurationMs: 120,
  memorySizeMB: 1536,
  architecture: 'x86_64',
  freeTier: true,
};

describe('cost.estimate', () => {
  it("reproduces the pricing page's worked example: 3M requests, 120 ms, 1,536 MB -> $2.73", async () => {
    const estimate = await call(backendAt(tempDir()), 'cost.estimate', { profile: workedExample });
    const { bill } = estimate.projection;
    expect(bill.displayTotalUsd).toBe(2.73);
    const requests = bill.lines.find((l) => l.key === 'requests');
    const duration = bill.lines.find((l) => l.key === 'duration');
    expect(requests).toMatchObject({ quantity: 2_000_000, freeQuantity: 1_000_000, displayAmountUsd: 0.4 });
    expect(duration).toMatchObject({ grossQuantity: 540_000, freeQuantity: 400_000, displayAmountUsd: 2.33 });
    expect(estimate.comparison).toBeNull();
    expect(estimate.defaultServer).toMatchObject({ instanceType: 't3.small', hourlyUsd: 0.0208 });
  });

  it('compares with a server when asked: break-even where the bills cross, and a log-scale series', async () => {
    const estimate = await call(backendAt(tempDir()), 'cost.estimate', {
      profile: workedExample,
      compare: { count: 1 },
    });
    const comparison = estimate.comparison!;
    expect(comparison.hourlyUsd).toBe(0.0208);
    expect(comparison.serverMonthlyUsd).toBeCloseTo(15.184, 6);
    expect(comparison.breakEven.kind).toBe('crossing');
    // 2.73 at 3M a month; the server's $15.18 is reached at a bit under 9M.
    expect(comparison.breakEven.requestsPerMonth).toBeGreaterThan(3_000_000);
    expect(comparison.breakEven.requestsPerMonth).toBeLessThan(20_000_000);
    const xs = comparison.series.map((p) => p.requestsPerMonth);
    expect(xs[0]).toBe(10_000);
    expect(xs.at(-1)).toBeGreaterThanOrEqual(1e10);
    expect(comparison.series.every((p) => p.serverUsd === comparison.serverMonthlyUsd)).toBe(true);
  });

  it('prices provisioned concurrency and refuses what cannot be billed, naming the field', async () => {
    const backend = backendAt(tempDir());
    const withPc = await call(backend, 'cost.estimate', {
      profile: { ...workedExample, provisioned: { concurrency: 5, enabledHoursPerMonth: 730 } },
    });
    expect(withPc.projection.bill.lines.map((l) => l.key)).toContain('provisioned-concurrency');

    const negative = await failure(backend, 'cost.estimate', { profile: { ...workedExample, requestsPerMonth: -1 } });
    expect(negative.name).toBe('InvalidArguments');
    expect(negative.message).toContain('profile.requestsPerMonth: requests per month cannot be negative');

    const memory = await failure(backend, 'cost.estimate', { profile: { ...workedExample, memorySizeMB: 64 } });
    expect(memory.message).toContain('profile.memorySizeMB: memory must be at least 128 MB');

    const empty = await failure(backend, 'cost.estimate', { profile: { ...workedExample, averageDurationMs: null } });
    expect(empty.message).toContain('average duration: enter a number');

    const edgePc = await failure(backend, 'cost.estimate', {
      profile: { ...workedExample, edge: true, provisioned: { concurrency: 1, enabledHoursPerMonth: 10 } },
    });
    expect(edgePc.message).toContain('Lambda@Edge has no provisioned concurrency');
  });
});

describe('playground.options', () => {
  it('gives the default server with its source and date, and the tuning defaults', async () => {
    const options = await call(backendAt(tempDir()), 'playground.options', {});
    expect(options.server).toMatchObject({
      hourlyUsd: 0.0208,
      source: 'https://aws.amazon.com/ec2/pricing/on-demand/',
    });
    expect(options.server.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(options.tune.memorySizes).toContain(1769);
  });
});

describe('tune.run', () => {
  it('runs a CPU-bound handler at each size for real: faster up to 1,769 MB, with a best pick', async () => {
    const result = await call(backendAt(tempDir()), 'tune.run', {
      filename: 'index.mjs',
      handler: 'index.handler',
      code: CPU_BOUND,
      eventJson: '{}',
      memorySizes: [128, 512, 1769, 3008],
      strategy: 'speed',
      runs: 2,
    });
    expect(result.results.map((r) => r.memorySizeMB)).toEqual([128, 512, 1769, 3008]);
    expect(result.results.every((r) => r.errors === 0 && r.invocations === 2)).toBe(true);
    const [small, , oneVcpu, big] = result.results;
    expect(small!.avgDurationMs).toBeGreaterThan(oneVcpu!.avgDurationMs * 5);
    // Single-threaded code stops getting faster at one vCPU.
    expect(big!.avgDurationMs).toBeCloseTo(oneVcpu!.avgDurationMs, 0);
    expect([1769, 3008]).toContain(result.best?.memorySizeMB);
    expect(result.best?.reason).toMatch(/fastest/);
  });

  it('refuses bad sizes, oversized runs and event JSON that does not parse, before running anything', async () => {
    const backend = backendAt(tempDir());
    const base = { filename: 'index.mjs', handler: 'index.handler', code: CPU_BOUND, eventJson: '{}' };
    const size = await failure(backend, 'tune.run', { ...base, memorySizes: [64] });
    expect(size.message).toContain('memorySizes.0: memory must be at least 128 MB');
    const dup = await failure(backend, 'tune.run', { ...base, memorySizes: [128, 128] });
    expect(dup.message).toContain('each memory size may be given only once');
    const big = await failure(backend, 'tune.run', {
      ...base,
      memorySizes: [128, 256, 512, 1024, 2048, 4096, 8192, 10240, 3008, 1769, 1536],
      runs: 100,
    });
    expect(big.message).toContain('at most 1,000 invocations per tuning run');
    const json = await failure(backend, 'tune.run', { ...base, eventJson: '{"a":' });
    expect(json.name).toBe('InvalidEventJson');
    const handler = await failure(backend, 'tune.run', { ...base, handler: 'index' });
    expect(handler.message).toContain('the handler setting is file.export');
  });
});
