/**
 * Every kind of allocation ends in Lambda's out-of-memory failure at the function's memory size,
 * not in a timeout, and stops near the budget. QuickJS measures the heap only on interrupt ticks,
 * thousands of interpreter steps apart, and one step can allocate megabytes: before the engine
 * watched its memory growth, `a.push(new Array(100000).fill(1))` in a loop filled the module's
 * whole 2 GB between two ticks and often hit the 5-second real-time cap (reported as a timeout).
 * Engine memory is asserted instead of time: a bomb stopped near its budget leaves the engine
 * far below the module's 2 GB (the engine is never retired here, so it cannot hide its growth).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import { baseConfig, failure, success } from './helpers.ts';

/** 128 MB functions have a 64 MB heap budget; the module's memory can grow to 2 GB. */
const ENGINE_BOUND_BYTES = 512 * 1024 * 1024;

const BOMBS: [name: string, code: string][] = [
  ['filled arrays in a loop', 'const a = [];\nexport const handler = async () => { for (;;) a.push(new Array(100000).fill(1)); };'],
  ['one Array(n).fill', 'export const handler = async () => new Array(50_000_000).fill(1).length;'],
  ['typed arrays in a loop', 'const a = [];\nexport const handler = async () => { for (;;) a.push(new Float64Array(10000)); };'],
  ['an array of small arrays', 'const a = [];\nexport const handler = async () => { for (;;) a.push([1, 2, 3, 4, 5, 6, 7, 8]); };'],
  ['an object with many numeric keys', 'const o = {};\nexport const handler = async () => { for (let i = 0; ; i++) o[i * 2 + 1] = i; };'],
  ['one array growing by push', 'const a = [];\nexport const handler = async () => { for (let i = 0; ; i++) a.push(i); };'],
  ['Array.from with a mapper in a loop', 'const a = [];\nexport const handler = async () => { for (;;) a.push(Array.from({ length: 100000 }, (_, i) => i)); };'],
  ['one JSON.parse of millions of objects', 'export const handler = async () => JSON.parse("[" + \'{"v":1},\'.repeat(6_000_000) + "1]").length;'],
  ['1 MB typed arrays in a loop', 'const keep = [];\nexport const handler = async () => { for (;;) keep.push(new Uint8Array(1024 * 1024)); };'],
];

/**
 * A pool whose engines are never retired nor dropped when their environment ends: a dropped engine
 * would hide how far a bomb made it grow.
 */
function unretiredPool(): EnvironmentPool {
  return new EnvironmentPool({ engines: { retireSlackBytes: Number.MAX_SAFE_INTEGER, recycleSlackBytes: Number.MAX_SAFE_INTEGER } });
}

const pool = unretiredPool();
afterAll(() => pool.dispose());
let keys = 0;

async function invoke(code: string, memorySizeMB = 128, into = pool): Promise<InvocationRecord> {
  return into.invoke({ key: `bomb-${++keys}`, config: { ...baseConfig, memorySizeMB, timeoutSeconds: 900 }, files: [{ path: 'index.mjs', code }], eventJson: '{}' });
}

describe('memory bombs of every allocation kind', () => {
  it.each(BOMBS)('%s ends in Runtime.OutOfMemory with the engine far below its 2 GB', async (_name, code) => {
    const own = unretiredPool();
    try {
      const r = failure(await invoke(code, 128, own));
      expect(r.error.errorType).toBe('Runtime.OutOfMemory');
      expect(r.error.errorMessage).toBe(`RequestId: ${r.requestId} Error: Runtime exited with error: signal: killed`);
      expect(r.report.maxMemoryUsedMB).toBe(128);
      expect(own.largestEngineMemoryBytes()).toBeLessThan(ENGINE_BOUND_BYTES);
    } finally {
      own.dispose();
    }
  });

  it('does not make the engine grow bomb after bomb: the memory a bomb left is what the next one gets', async () => {
    const bomb = BOMBS.find(([name]) => name === '1 MB typed arrays in a loop')![1];
    const sizes: number[] = [];
    for (let i = 0; i < 10; i++) {
      expect(failure(await invoke(bomb)).error.errorType).toBe('Runtime.OutOfMemory');
      sizes.push(pool.largestEngineMemoryBytes());
    }
    // The first bombs may grow a fresh engine up to about twice the budget of free memory; then it stays.
    expect(new Set(sizes.slice(-4)).size).toBe(1);
    expect(sizes.at(-1)).toBeLessThan(ENGINE_BOUND_BYTES);
  });

  it('still lets functions use their whole budget after the bombs, in big and small pieces', async () => {
    const typed = success(await invoke('export const handler = async () => { const a = []; for (let i = 0; i < 50; i++) a.push(new Uint8Array(1024 * 1024)); return a.length; };'));
    expect(typed.result).toBe('50');
    const buffer = success(await invoke('export const handler = async () => new ArrayBuffer(55 * 1024 * 1024).byteLength;'));
    expect(buffer.result).toBe(String(55 * 1024 * 1024));
    const objects = success(await invoke('export const handler = async () => { const a = []; for (let i = 0; i < 600000; i++) a.push({ i }); return a.length; };'));
    expect(objects.result).toBe('600000');
    const big = success(await invoke('export const handler = async () => { const a = []; for (let i = 0; i < 800; i++) a.push(new Uint8Array(1024 * 1024)); return a.length; };', 1024));
    expect(big.result).toBe('800');
  });

  it('gives the same report numbers whether the engine had to grow or not', async () => {
    const code = 'export const handler = async () => { const a = []; for (let i = 0; i < 2_000_000; i++) a.push(i); return a.length; };';
    const fresh = new EnvironmentPool();
    try {
      await fresh.ready();
      const grown = success(await fresh.invoke({ key: 'grow', config: baseConfig, files: [{ path: 'index.mjs', code }], eventJson: '{}' }));
      const reused = success(await fresh.invoke({ key: 'reuse', config: baseConfig, files: [{ path: 'index.mjs', code }], eventJson: '{}' }));
      expect(reused.report.durationMs).toBe(grown.report.durationMs);
      expect(reused.report.maxMemoryUsedMB).toBe(grown.report.maxMemoryUsedMB);
    } finally {
      fresh.dispose();
    }
  });
});
