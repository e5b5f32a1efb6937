/**
 * Power tuning runs the handler for real at each memory size. Durations come from the time model
 * (sandbox/model/time-model.ts): CPU work scales with the CPU share up to 1,769 MB = 1 vCPU and
 * not beyond for single-threaded code; timer waits do not scale at all. Strategies as the AWS
 * Lambda Power Tuning tool defines them (lambda/analyzer.js in alexcasalboni/aws-lambda-power-tuning).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createLambdaHost } from '../../sandbox/runtime/lambda-host.ts';
import { TuningInputError, tunePower, type TunePowerOptions } from '../../sandbox/tuning/index.ts';

const host = createLambdaHost();
afterAll(() => host.dispose());

/** Single-threaded CPU work: the same loop every time. */
const CPU_BOUND = `export const handler = async () => {
  let x = 0;
  for (let i = 0; i < 100000; i++) x = (x + i * 7) % 1000003;
  return { x };
};
`;

/** Waits 200 ms on a timer: memory buys nothing. */
const IO_WAIT = `export const handler = async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return 'done';
};
`;

function tune(code: string, options: Partial<TunePowerOptions> = {}) {
  return tunePower({
    files: [{ path: 'index.mjs', code }],
    handler: 'index.handler',
    eventJson: '{}',
    host,
    invocationsPerSize: 2,
    ...options,
  });
}

const at = (result: Awaited<ReturnType<typeof tune>>, mb: number) => {
  const r = result.results.find((x) => x.memorySizeMB === mb);
  if (!r) throw new Error(`no result for ${mb} MB`);
  return r;
};

describe('tunePower', () => {
  it('makes CPU-bound work faster with memory up to 1,769 MB and no faster beyond', async () => {
    const result = await tune(CPU_BOUND, { memorySizes: [128, 256, 512, 1024, 1769, 3008, 10240], strategy: 'speed' });
    const d = (mb: number) => at(result, mb).avgDurationMs;
    expect(d(128)).toBeGreaterThan(d(256));
    expect(d(256)).toBeGreaterThan(d(512));
    expect(d(512)).toBeGreaterThan(d(1024));
    expect(d(1024)).toBeGreaterThan(d(1769));
    // Twice the memory, about half the time (the fixed per-invoke overhead scales the same way).
    expect(d(128) / d(256)).toBeCloseTo(2, 1);
    expect(d(3008)).toBe(d(1769));
    expect(d(10240)).toBe(d(1769));
    expect(at(result, 128).cpuShare).toBeCloseTo(128 / 1769, 4);
    expect(at(result, 10240)).toMatchObject({ cpuShare: 1, vcpus: 5.79 });
  });

  it('speed picks a large size (1,769 MB, the cheapest of the fastest) for CPU-bound work', async () => {
    const result = await tune(CPU_BOUND, { strategy: 'speed' });
    expect(result.best?.memorySizeMB).toBe(1769);
    expect(result.best?.reason).toMatch(/^fastest on average: /);
  });

  it('cost picks the smallest size for a handler that waits on a timer', async () => {
    const result = await tune(IO_WAIT, { memorySizes: [128, 512, 1024, 3008], strategy: 'cost' });
    expect(result.best?.memorySizeMB).toBe(128);
    expect(result.best?.reason).toMatch(/^cheapest on average: /);
    // Waiting does not speed up: every size takes about 200 ms and costs more per MB.
    for (const r of result.results) expect(r.avgDurationMs).toBeGreaterThanOrEqual(200);
    expect(at(result, 3008).avgCostUsd).toBeGreaterThan(at(result, 128).avgCostUsd * 10);
  });

  it('balanced with weight 0 picks as speed does and weight 1 as cost does', async () => {
    const sizes = [128, 512, 1769, 3008];
    const speed = await tune(CPU_BOUND, { memorySizes: sizes, strategy: 'balanced', balancedWeight: 0 });
    const cost = await tune(CPU_BOUND, { memorySizes: sizes, strategy: 'balanced', balancedWeight: 1 });
    expect(speed.best?.memorySizeMB).toBe(1769);
    expect(cost.best?.memorySizeMB).toBe(
      (await tune(CPU_BOUND, { memorySizes: sizes, strategy: 'cost' })).best?.memorySizeMB,
    );
    expect(cost.best?.reason).toContain('1 x cost / max cost + 0 x duration / max duration');
  });

  it('averages the warm invocations and reports the cold start apart', async () => {
    const result = await tune(CPU_BOUND, { memorySizes: [512], invocationsPerSize: 3 });
    expect(result).toMatchObject({
      strategy: 'cost',
      balancedWeight: 0.5,
      invocationsPerSize: 3,
      averaged: 'warm',
      architecture: 'x86_64',
    });
    const r = at(result, 512);
    expect(r.invocations).toBe(3);
    expect(r.errors).toBe(0);
    expect(r.coldStart?.initDurationMs).toBeGreaterThan(0);
    expect(r.coldStart?.billedMs).toBeGreaterThan(r.avgBilledMs);
    expect(r.costPerMillionUsd).toBeCloseTo(r.avgCostUsd * 1e6, 9);
    expect(r.p90DurationMs).toBe(r.avgDurationMs); // deterministic: every warm run takes the same time
  });

  it('never picks a size where the handler fails', async () => {
    const picky = `export const handler = async (event, context) => {
  if (Number(context.memoryLimitInMB) < 1024) throw new RangeError('needs at least 1 GB');
  return 'ok';
};`;
    const result = await tune(picky, { memorySizes: [128, 1769], strategy: 'cost', invocationsPerSize: 1 });
    expect(at(result, 128).errors).toBe(2);
    expect(at(result, 128).firstError).toEqual({ errorType: 'RangeError', errorMessage: 'needs at least 1 GB' });
    expect(at(result, 1769).errors).toBe(0);
    expect(result.best?.memorySizeMB).toBe(1769);
  });

  it("refuses invalid memory sizes with the configuration schema's message", async () => {
    const refused = await tune(CPU_BOUND, { memorySizes: [64] }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(TuningInputError);
    expect((refused as TuningInputError).message).toBe('memory sizes: 64: memory must be at least 128 MB');
    expect((refused as TuningInputError).issues).toEqual([
      { field: 'memorySizes', item: 64, message: 'memory must be at least 128 MB' },
    ]);
    await expect(tune(CPU_BOUND, { memorySizes: [20000] })).rejects.toThrow(
      'memory sizes: 20000: memory can be at most 10240 MB',
    );
    await expect(tune(CPU_BOUND, { memorySizes: [200.5] })).rejects.toThrow(
      'memory sizes: 200.5: memory is set in whole megabytes (1 MB steps)',
    );
    await expect(tune(CPU_BOUND, { memorySizes: [] })).rejects.toThrow('memory sizes: give at least one memory size');
    await expect(tune(CPU_BOUND, { memorySizes: [128, 128] })).rejects.toThrow(
      'memory sizes: each memory size may be given only once',
    );
    await expect(tune(CPU_BOUND, { balancedWeight: 1.5, strategy: 'balanced' })).rejects.toThrow(
      'balanced weight: the balanced weight is between 0 (speed only) and 1 (cost only)',
    );
    await expect(tune(CPU_BOUND, { invocationsPerSize: 0 })).rejects.toThrow(
      'invocations per size: run at least 1 warm invocation per size',
    );
  });
});
