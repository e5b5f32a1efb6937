/**
 * Tearing environments down must never abort the shared QuickJS module. QuickJS's leak check in
 * JS_FreeRuntime (`list_empty(&rt->gc_obj_list)`) aborts when a runtime still holds an object. It
 * used to fail after some heaps, e.g. an async handler returning a few MB: `npm run
 * lessons:check` printed `Aborted(Assertion failed: ...)` for lesson 08's export-catalog starter.
 * The cause was quickjs-emscripten's executePendingJobs, which reads the job's context through a
 * stale memory view when a job grows the WebAssembly memory and opens a second context; promise
 * jobs now run through the engine's direct calls, so no ending leaks by itself any more. The
 * containment stays, since any future leak would poison every environment of the thread: these
 * tests run environments that end every way an invoke can end (big result, timeout, out of memory,
 * throw, exit), make QuickJS's check fail on purpose by keeping one value of the environment's
 * context alive when it is disposed, and check that no abort reached emscripten and that the
 * engine keeps serving.
 */
import { describe, expect, it } from 'vitest';
import type { FunctionConfig, InvocationRecord } from '../../sandbox/invocation/record.ts';
import { EngineSet } from '../../sandbox/runtime/engine/engine-set.ts';
import type { QuickJsEngine } from '../../sandbox/runtime/engine/quickjs-engine.ts';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import { ExecutionEnvironment } from '../../sandbox/runtime/worker/environment.ts';
import { runRequest } from '../../sandbox/runtime/worker/invoke-phase.ts';
import { baseConfig } from './helpers.ts';

const config: FunctionConfig = { ...baseConfig, functionName: 'teardown' };

/** Handlers that end an invoke in each way, with the errorType (or 'ok') each must give. */
const ENDINGS: [string, string][] = [
  ["export const handler = async () => 'x'.repeat(3e6);", 'ok'],
  ["export const handler = async () => 'x'.repeat(4e6);", 'ok'],
  ["export const handler = async () => 'x'.repeat(5e6);", 'ok'],
  ["export const handler = async () => 'x'.repeat(7e6);", 'Function.ResponseSizeTooLarge'],
  ["export const handler = async () => Array.from({ length: 80000 }, (_, i) => ({ id: i, name: 'Product number ' + i }));", 'ok'],
  ['export const handler = async () => { await new Promise((r) => setTimeout(r, 10000)); };', 'Sandbox.Timedout'],
  ['export const handler = async () => { while (true) {} };', 'Sandbox.Timedout'],
  ['const keep = [];\nexport const handler = async () => { for (;;) keep.push({ a: 1, b: "x" }); };', 'Runtime.OutOfMemory'],
  ['export const handler = async () => "x".repeat(200 * 1024 * 1024).length;', 'Runtime.OutOfMemory'],
  ["export const handler = async () => { const a = []; for (let i = 0; i < 300000; i++) a.push({ i }); throw new Error('boom'); };", 'Error'],
  ['export const handler = async () => { Promise.reject(new Error("late")); return 1; };', 'any'],
  ['export const handler = async () => { process.exit(3); };', 'Runtime.ExitError'],
];

function outcome(record: InvocationRecord): string {
  return record.ok ? 'ok' : record.error.errorType;
}

/**
 * Keep one value of the environment's context alive, as a forgotten handle would: freeing its
 * runtime then fails QuickJS's leak check (an object is left in the runtime's heap).
 */
function keepOneValue(env: ExecutionEnvironment): void {
  env.ctx.newObject();
}

/** Record every call of emscripten's abort hook of `engine` (the abort path prints and poisons). */
function watchAborts(engine: QuickJsEngine, seen: string[]): void {
  const module = (engine.wasm as unknown as { module: { onAbort?: (what: unknown) => void } }).module;
  const hook = module.onAbort;
  if (!hook || (hook as { watched?: boolean }).watched) return;
  const watched = (what: unknown): void => {
    seen.push(String(what));
    hook(what);
  };
  module.onAbort = Object.assign(watched, { watched: true });
}

describe('disposing environments after every kind of ending', () => {
  it('never aborts the shared module: a failed leak check becomes a leaked runtime, and the same engine keeps serving', async () => {
    const seen: string[] = [];
    let leaked = 0;
    for (const [code, expected] of ENDINGS) {
      // A fresh module per ending: each leak check fails on a heap left by that ending alone.
      const engines = new EngineSet();
      await engines.ready();
      const engine = engines.take();
      watchAborts(engine, seen);
      const env = new ExecutionEnvironment(engine, config, [{ path: 'index.mjs', code }]);
      const { record } = runRequest(env, '{}');
      if (expected !== 'any') expect(outcome(record), code).toBe(expected);
      keepOneValue(env);
      env.dispose();
      engines.release(engine, () => 0);
      expect(engine.broken, code).toBeUndefined();
      leaked += engine.leakedRuntimes;

      // The module that just failed the check still runs new environments.
      const next = engines.take();
      expect(next.id).toBe(engine.id);
      const fresh = new ExecutionEnvironment(next, config, [{ path: 'index.mjs', code: 'export const handler = async (e) => e.n * 2;' }]);
      const again = runRequest(fresh, '{"n":21}').record;
      expect(again.ok && again.result, code).toBe('42');
      fresh.dispose();
      engines.release(next, () => 0);
      expect(next.broken, code).toBeUndefined();
    }
    // Every ending hit QuickJS's failing leak check; every hit was caught by the abort hook and
    // became a leaked runtime, never an abort.
    expect(leaked).toBe(ENDINGS.length);
    expect(seen.length).toBe(leaked);
    expect(seen.every((m) => m.includes('list_empty(&rt->gc_obj_list)'))).toBe(true);
  });

  it('moves on from an engine that leaked a runtime as soon as a clean one is loaded', async () => {
    const engines = new EngineSet();
    await engines.ready();
    const engine = engines.take('a');
    const env = new ExecutionEnvironment(engine, config, [{ path: 'index.mjs', code: "export const handler = async () => 'x'.repeat(5e6);" }]);
    expect(runRequest(env, '{}').record.ok).toBe(true);
    keepOneValue(env);
    env.dispose();
    engines.release(engine, () => 0, 'a');
    expect(engine.leakedRuntimes).toBe(1);
    // While it is the only engine, the leaked one keeps serving: take() never has to wait.
    expect(engines.take('a').id).toBe(engine.id);
    await engines.ready(['b']);
    // Its last environment ends with a clean engine loaded: the leaked one is dropped.
    engines.release(engine, () => 0, 'a');
    expect(engines.size).toBe(1);
    const fresh = engines.take('a');
    expect(fresh.id).not.toBe(engine.id);
    const ok = new ExecutionEnvironment(fresh, config, [{ path: 'index.mjs', code: 'export const handler = async () => "fine";' }]);
    expect(runRequest(ok, '{}').record.ok).toBe(true);
    ok.dispose();
    engines.release(fresh, () => 0, 'a');
  });

  it('frees every kind of ending without a leak, promise jobs that grow the memory included', async () => {
    for (const [code, expected] of ENDINGS) {
      const engines = new EngineSet();
      await engines.ready();
      const engine = engines.take();
      const env = new ExecutionEnvironment(engine, config, [{ path: 'index.mjs', code }]);
      const { record } = runRequest(env, '{}');
      if (expected !== 'any') expect(outcome(record), code).toBe(expected);
      env.dispose();
      engines.release(engine, () => 0);
      expect(engine.leakedRuntimes, code).toBe(0);
      expect(engine.broken, code).toBeUndefined();
    }
  });

  it('runs a long mixed sequence on one engine set without any abort', async () => {
    const engines = new EngineSet();
    const seen: string[] = [];
    const used = new Set<QuickJsEngine>();
    for (let round = 0; round < 2; round++) {
      for (const [code, expected] of ENDINGS) {
        await engines.ready();
        const engine = engines.take();
        used.add(engine);
        watchAborts(engine, seen);
        const env = new ExecutionEnvironment(engine, config, [{ path: 'index.mjs', code }]);
        const { record } = runRequest(env, '{}');
        if (expected !== 'any') expect(outcome(record), code).toBe(expected);
        env.dispose();
        engines.release(engine, () => 0);
      }
    }
    for (const engine of used) expect(engine.broken).toBeUndefined();
    expect(seen.every((m) => m.includes('list_empty(&rt->gc_obj_list)'))).toBe(true);
  });

  it('keeps warm environments of other functions alive through the same sequence in one pool', async () => {
    const pool = new EnvironmentPool({ maxEnvironments: 4 });
    await pool.ready();
    const counter = 'let n = 0;\nexport const handler = async () => ++n;';
    const files = [{ path: 'index.mjs', code: counter }];
    expect(pool.invokeSync({ key: 'warm', config, files, eventJson: '{}' }).ok).toBe(true);
    let i = 0;
    for (const [code, expected] of ENDINGS) {
      const record = pool.invokeSync({ key: `ending-${i++}`, config, files: [{ path: 'index.mjs', code }], eventJson: '{}' });
      if (expected !== 'any') expect(outcome(record), code).toBe(expected);
      expect(record.logs.some((l) => l.text.includes('QuickJS engine'))).toBe(false);
      pool.shutdown(`ending-${i - 1}`);
      // Warm reuse of the other function survives every teardown.
      const warm = pool.invokeSync({ key: 'warm', config, files, eventJson: '{}' });
      expect(warm.ok && warm.coldStart).toBe(false);
      expect(warm.ok && warm.result).toBe(String(i + 1));
    }
    pool.dispose();
  });
});
