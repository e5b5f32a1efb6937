/**
 * Each deployment has a QuickJS engine of its own, as each Lambda environment is a microVM of its
 * own: a memory bomb in one function grows only that function's engine, and the memory goes back
 * to the host when the bombed environment ends, while other functions stay warm. (WebAssembly
 * memory never shrinks; with one engine for every function, a 128 MB function's first
 * out-of-memory kept ~80 MB of the host for as long as anything else stayed warm.)
 */
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../sandbox/invocation/record.ts';
import { EnvironmentPool, type EnvironmentPoolOptions } from '../../sandbox/runtime/environment-pool.ts';
import { baseConfig, failure, success } from './helpers.ts';

const MB = 1024 * 1024;
const counter: SourceFile[] = [{ path: 'index.mjs', code: 'let n = 0;\nexport const handler = async () => ++n;' }];
const bomb: SourceFile[] = [
  {
    path: 'index.mjs',
    code: 'const keep = [];\nexport const handler = async () => { for (;;) keep.push({ a: 1, b: "x" }); };',
  },
];
const warm = { config: baseConfig, files: counter, eventJson: '{}' };

/** Keep `counter` warm, bomb another function, then invoke `counter` again; returns what the host kept. */
async function bombBesideWarmFunction(options?: EnvironmentPoolOptions) {
  const pool = new EnvironmentPool(options);
  try {
    expect(success(await pool.invoke({ key: 'warm', ...warm })).result).toBe('1');
    const bombed = failure(await pool.invoke({ key: 'bomb', config: baseConfig, files: bomb, eventJson: '{}' }));
    expect(bombed.error.errorType).toBe('Runtime.OutOfMemory');
    const after = success(await pool.invoke({ key: 'warm', ...warm }));
    return { after, largestEngine: pool.largestEngineMemoryBytes() };
  } finally {
    pool.dispose();
  }
}

describe('an engine per deployment', () => {
  it("gives a memory bomb's memory back when its environment ends, and the other function stays warm", async () => {
    const { after, largestEngine } = await bombBesideWarmFunction();
    expect(after.coldStart).toBe(false);
    expect(after.result).toBe('2');
    // The counter's engine: its 16 MB start plus a small heap. The bomb's grew past 100 MB and is gone.
    expect(largestEngine).toBeLessThan(24 * MB);
  });

  it('keeps the grown engine when told to recycle engines of any size (the same bomb, for comparison)', async () => {
    const { after, largestEngine } = await bombBesideWarmFunction({
      engines: { recycleSlackBytes: Number.MAX_SAFE_INTEGER },
    });
    expect(after.coldStart).toBe(false);
    expect(largestEngine).toBeGreaterThan(64 * MB);
  });

  it('lets environments of one deployment share its engine, and gives another deployment a new one', async () => {
    const pool = new EnvironmentPool({ maxEnvironments: 50 });
    try {
      await pool.ready(warm);
      for (let i = 0; i < 20; i++) expect(success(pool.invokeSync({ key: `same-${i}`, ...warm })).coldStart).toBe(true);
      // One engine for twenty environments (plus at most one free engine loading in the background).
      const afterOne = pool.engineCount;
      expect(afterOne).toBeLessThanOrEqual(2);
      const other = { config: { ...baseConfig, memorySizeMB: 256 }, files: counter, eventJson: '{}' };
      expect(pool.needsPreparation(other)).toBe(afterOne < 2);
      await pool.ready(other);
      expect(success(pool.invokeSync({ key: 'other', ...other })).coldStart).toBe(true);
      expect(pool.needsPreparation(other)).toBe(false);
    } finally {
      pool.dispose();
    }
  });

  it('still runs a synchronous caller that did not prepare a new deployment (it shares an engine)', async () => {
    const pool = new EnvironmentPool();
    try {
      await pool.ready();
      expect(success(pool.invokeSync({ key: 'a', ...warm })).result).toBe('1');
      // The only loaded engine is taken and nothing has had time to load another.
      const other = { config: { ...baseConfig, functionName: 'other' }, files: counter, eventJson: '{}' };
      expect(pool.needsPreparation(other)).toBe(true);
      expect(success(pool.invokeSync({ key: 'b', ...other })).result).toBe('1');
      expect(pool.engineCount).toBe(1);
    } finally {
      pool.dispose();
    }
  });

  it('keeps a synchronous caller going after its only engine was grown by a bomb, and lets it go once a clean one loads', async () => {
    const pool = new EnvironmentPool();
    try {
      await pool.ready();
      // Nothing in between lets another engine load: the bombed engine is the only one there is.
      const bomb1 = failure(pool.invokeSync({ key: 'bomb', config: baseConfig, files: bomb, eventJson: '{}' }));
      expect(bomb1.error.errorType).toBe('Runtime.OutOfMemory');
      expect(
        failure(pool.invokeSync({ key: 'bomb', config: baseConfig, files: bomb, eventJson: '{}' })).error.errorType,
      ).toBe('Runtime.OutOfMemory');
      expect(success(pool.invokeSync({ key: 'after', ...warm })).result).toBe('1');
      expect(pool.largestEngineMemoryBytes()).toBeGreaterThan(64 * MB);
      // The counter's environment lives in the grown engine; once it ends and a clean engine is
      // loaded, the grown one goes.
      pool.shutdown('after');
      await pool.ready(warm);
      expect(pool.largestEngineMemoryBytes()).toBeLessThan(24 * MB);
      expect(success(pool.invokeSync({ key: 'after', ...warm })).result).toBe('1');
    } finally {
      pool.dispose();
    }
  });

  it('lets go of every engine when the pool is disposed, and loads again when asked', async () => {
    const pool = new EnvironmentPool();
    await pool.ready();
    for (const memorySizeMB of [128, 256, 512])
      await pool.invoke({
        key: `m${memorySizeMB}`,
        config: { ...baseConfig, memorySizeMB },
        files: counter,
        eventJson: '{}',
      });
    expect(pool.engineCount).toBeGreaterThanOrEqual(3);
    pool.dispose();
    expect(pool.engineCount).toBe(0);
    // A disposed pool loads again when asked.
    expect(success(await pool.invoke({ key: 'again', ...warm })).result).toBe('1');
    pool.dispose();
  });
});
