/**
 * Benchmarks of the Lambda simulator (issue 3's targets), for `npm run bench`. Figures only: this
 * machine is shared and noisy, so nothing is asserted. Each line says what was measured and the
 * target it is compared with. Run alone: `node test/bench/sandbox-bench.ts`.
 */
import { Worker } from 'node:worker_threads';
import type { FunctionConfig, InvocationRecord } from '../../sandbox/invocation/record.ts';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import { createLambdaHost } from '../../sandbox/runtime/lambda-host.ts';

const CONFIG: FunctionConfig = {
  functionName: 'bench',
  handler: 'index.handler',
  runtime: 'nodejs24.x',
  architecture: 'x86_64',
  memorySizeMB: 128,
  timeoutSeconds: 3,
  environment: {},
};

/** A trivial async handler: one console line, a small response. */
const TRIVIAL = `let n = 0;
export const handler = async (event) => {
  n += 1;
  console.log('invoke', n, event.key1);
  return { statusCode: 200, body: JSON.stringify({ n }) };
};`;

/** A 1 KB event. */
const EVENT_JSON = JSON.stringify({ key1: 'value1', key2: 'value2', payload: 'x'.repeat(1024 - 50) });

/** A 50-line handler for the cold start figure. */
const FIFTY_LINES = [
  "const TABLE = 'orders';",
  ...Array.from({ length: 44 }, (_, i) => `function step${i}(x) { return x + ${i}; }`),
  'export const handler = async (event) => {',
  '  let v = 0;',
  '  v = step0(v) + step43(v);',
  "  return { statusCode: 200, body: JSON.stringify({ table: TABLE, v, id: event.key1 }) };",
  '};',
].join('\n');

const FAILURES = {
  throws: "export const handler = async () => { throw new Error('boom'); };",
  timeout: 'export const handler = async () => { await new Promise((r) => setTimeout(r, 5000)); };',
  spin: 'export const handler = async () => { for (;;) {} };',
  oomObjects: 'const keep = []; export const handler = async () => { for (;;) keep.push({ a: 1, b: "x" }); };',
  oomBuffer: 'export const handler = async () => new ArrayBuffer(300 * 1024 * 1024).byteLength;',
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const us = (ms: number): string => `${(ms * 1000).toFixed(1)} us`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function files(code: string) {
  return [{ path: 'index.mjs', code }];
}

/** The same handler called directly by V8, the way a minimal runtime would: parse, call, await, stringify, log line, report line. */
async function directV8(iterations: number): Promise<{ bareMs: number; runtimeLikeMs: number }> {
  const lines: string[] = [];
  const console = { log: (...args: unknown[]) => lines.push(`${new Date().toISOString()}\tid\tINFO\t${args.join(' ')}`) };
  // Compiled by V8 from the same source text, console swapped for the line collector.
  const make = new Function('console', `${TRIVIAL.replace('export const handler', 'const handler')}\nreturn handler;`) as (c: typeof console) => (e: unknown) => Promise<unknown>;
  const handler = make(console);
  const event = JSON.parse(EVENT_JSON) as unknown;
  for (let i = 0; i < 2000; i++) await handler(event);
  const bare: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    await handler(event);
    bare.push(performance.now() - t);
    t = performance.now();
    lines.push(`START RequestId: ${i} Version: $LATEST`);
    lines.push(JSON.stringify(await handler(JSON.parse(EVENT_JSON))));
    lines.push(`REPORT RequestId: ${i}\tDuration: ${(1.23).toFixed(2)} ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 65 MB`);
    full.push(performance.now() - t);
    if (lines.length > 1000) lines.length = 0;
  }
  return { bareMs: median(bare), runtimeLikeMs: median(full) };
}

function inProcessWarm(pool: EnvironmentPool, iterations: number): { medianMs: number; perSecond: number } {
  const request = { key: 'warm', config: CONFIG, files: files(TRIVIAL), eventJson: EVENT_JSON };
  for (let i = 0; i < 1000; i++) pool.invokeSync(request);
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    pool.invokeSync(request);
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  return { medianMs: median(times), perSecond: (iterations / total) * 1000 };
}

function coldStarts(pool: EnvironmentPool, count: number): number {
  const times: number[] = [];
  const code = files(FIFTY_LINES);
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const r = pool.invokeSync({ key: 'cold', config: CONFIG, files: code, eventJson: EVENT_JSON, forceColdStart: true });
    times.push(performance.now() - t);
    if (!r.ok || !r.coldStart) throw new Error('cold start bench failed');
  }
  return median(times);
}

async function throughHost(iterations: number): Promise<{ medianMs: number; perSecond: number; concurrentPerSecond: number }> {
  const host = createLambdaHost();
  try {
    const request = { environmentKey: 'bench', files: files(TRIVIAL), config: CONFIG, eventJson: EVENT_JSON };
    for (let i = 0; i < 500; i++) await host.invoke(request);
    const times: number[] = [];
    const start = performance.now();
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      await host.invoke(request);
      times.push(performance.now() - t);
    }
    const total = performance.now() - start;
    const burst = 2000;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: burst }, () => host.invoke(request)));
    const burstMs = performance.now() - t0;
    return { medianMs: median(times), perSecond: (iterations / total) * 1000, concurrentPerSecond: (burst / burstMs) * 1000 };
  } finally {
    await host.dispose();
  }
}

/** A bare postMessage round trip to a worker: the floor under any through-the-host figure. */
async function postMessageFloor(iterations: number): Promise<number> {
  const worker = new Worker("const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage(m));", { eval: true });
  try {
    const once = (i: number) => new Promise<void>((resolve) => { worker.once('message', () => resolve()); worker.postMessage(i); });
    for (let i = 0; i < 500; i++) await once(i);
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      await once(i);
      times.push(performance.now() - t);
    }
    return median(times);
  } finally {
    await worker.terminate();
  }
}


async function idleEnvironments(count: number): Promise<{ rssPerEnv: number; enginePerEnv: number }> {
  const pool = new EnvironmentPool({ maxEnvironments: count + 10 });
  await pool.ready();
  pool.invokeSync({ key: 'first', config: CONFIG, files: files(TRIVIAL), eventJson: EVENT_JSON });
  globalThis.gc?.();
  const rss0 = process.memoryUsage().rss;
  const engine0 = pool.engineMemoryBytes();
  for (let i = 0; i < count; i++) pool.invokeSync({ key: `idle-${i}`, config: CONFIG, files: files(TRIVIAL), eventJson: EVENT_JSON });
  globalThis.gc?.();
  const rss1 = process.memoryUsage().rss;
  const engine1 = pool.engineMemoryBytes();
  pool.dispose();
  return { rssPerEnv: (rss1 - rss0) / count, enginePerEnv: (engine1 - engine0) / count };
}

/**
 * Collect garbage and let the event loop turn once: V8 frees an unreachable WebAssembly memory
 * (a dropped engine's) only in a task after the collection, so reading RSS right after gc() would
 * count an engine that is already gone. A host thread turns its event loop between every message.
 */
async function settle(): Promise<void> {
  globalThis.gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  globalThis.gc?.();
}

/** Invoke one function (by environment key and code) and say how it ended. */
type DriftInvoke = (key: string, code: string) => Promise<InvocationRecord>;

interface Drift {
  fromStart: number;
  afterWarmup: number;
  /** Highest RSS seen during the run (sampled every 100 invocations), from start. */
  peak: number;
  counts: Record<string, number>;
}

/**
 * Issue 3's workload: `total` invocations, every (total / failures)-th a failure of the next kind
 * (throw, timeout, busy loop, two memory bombs), the rest spread over 8 warm environments of one
 * function. RSS is read after `settleFor` at the start, after one failure of each kind, and at the end.
 */
async function rssDrift(total: number, failures: number, invoke: DriftInvoke, settleFor: () => Promise<void>): Promise<Drift> {
  await settleFor();
  const start = process.memoryUsage().rss;
  let peak = start;
  const kinds = Object.entries(FAILURES);
  const every = Math.floor(total / failures);
  const counts: Record<string, number> = { ok: 0 };
  const invokeOne = async (i: number): Promise<void> => {
    if (i % 100 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if (i % every === 0) {
      const [name, code] = kinds[(i / every) % kinds.length]!;
      const r = await invoke(`fail-${name}`, code);
      const type = r.ok ? 'ok' : r.error.errorType;
      counts[type] = (counts[type] ?? 0) + 1;
      return;
    }
    counts.ok! += 1;
    await invoke(`ok-${i % 8}`, TRIVIAL);
  };
  // Warm-up: one of each failure kind first, so "after warm-up" excludes one-time high-water marks.
  for (let i = 0; i < kinds.length * every; i++) await invokeOne(i);
  await settleFor();
  const afterWarmup = process.memoryUsage().rss;
  for (let i = kinds.length * every; i < total; i++) await invokeOne(i);
  await settleFor();
  const end = process.memoryUsage().rss;
  return { fromStart: end - start, afterWarmup: end - afterWarmup, peak: peak - start, counts };
}

/** The workload in-process, garbage collected before each reading. */
async function inProcessDrift(total: number, failures: number): Promise<Drift> {
  const pool = new EnvironmentPool({ maxEnvironments: 16 });
  try {
    await pool.ready();
    return await rssDrift(total, failures, (key, code) => pool.invoke({ key, config: CONFIG, files: files(code), eventJson: EVENT_JSON }), settle);
  } finally {
    pool.dispose();
  }
}

/**
 * The workload through the worker host, as the app runs it. The worker collects garbage on its own
 * schedule (nothing forces it), so each reading follows one second of idle time.
 */
async function hostDrift(total: number, failures: number): Promise<Drift> {
  const host = createLambdaHost();
  try {
    await host.invoke({ environmentKey: 'ok-0', config: CONFIG, files: files(TRIVIAL), eventJson: EVENT_JSON });
    const idle = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      globalThis.gc?.();
    };
    return await rssDrift(total, failures, (key, code) => host.invoke({ environmentKey: key, config: CONFIG, files: files(code), eventJson: EVENT_JSON }), idle);
  } finally {
    await host.dispose();
  }
}

/** Run every sandbox benchmark; returns the lines to print. */
export async function runSandboxBench(): Promise<string[]> {
  const lines: string[] = [];
  const pool = new EnvironmentPool();
  await pool.ready();
  const v8 = await directV8(20_000);
  const warm = inProcessWarm(pool, 20_000);
  lines.push(
    `sandbox warm invoke in-process (EnvironmentPool.invokeSync, 1 KB event, logs + report): median ${us(warm.medianMs)} (target <= 60 us), ${Math.round(warm.perSecond)} invokes/s on one core (target >= 10,000)`,
  );
  lines.push(
    `sandbox vs direct V8 in the same run: V8 runtime-like call (parse event, await handler, stringify, log + report lines) ${us(v8.runtimeLikeMs)} -> ratio ${(warm.medianMs / v8.runtimeLikeMs).toFixed(1)}x (target <= 12x); bare V8 handler call ${us(v8.bareMs)} -> ratio ${(warm.medianMs / v8.bareMs).toFixed(0)}x`,
  );
  const cold = coldStarts(pool, 200);
  lines.push(`sandbox new environment (cold start + first invoke, 50-line handler): median ${us(cold)} (target <= 2,000 us)`);
  pool.dispose();
  const floor = await postMessageFloor(3000);
  const host = await throughHost(5000);
  lines.push(
    `sandbox warm invoke through the host (worker round trip): median ${us(host.medianMs)}, ${Math.round(host.perSecond)} invokes/s sequential, ${Math.round(host.concurrentPerSecond)} invokes/s with 2,000 in flight; bare postMessage round trip on this machine ${us(floor)}`,
  );
  const idle = await idleEnvironments(200);
  lines.push(`sandbox host memory per idle environment (200 idle): ${mb(idle.rssPerEnv)} RSS, ${mb(idle.enginePerEnv)} of WebAssembly memory (target <= 1 MB)`);
  const counts = (d: Drift) => Object.entries(d.counts).map(([k, v]) => `${k} ${v}`).join(', ');
  const drift = await inProcessDrift(10_000, 1_000);
  lines.push(
    `sandbox RSS drift after 10,000 invocations with 1,000 failures, in-process (${counts(drift)}): ${mb(drift.fromStart)} from start, ${mb(drift.afterWarmup)} after the first failure of each kind, peak ${mb(drift.peak)} during the run (target within 50 MB)`,
  );
  const hosted = await hostDrift(10_000, 1_000);
  lines.push(
    `sandbox RSS drift, the same through the worker host (the app's path; read after 1 s idle): ${mb(hosted.fromStart)} from start, peak ${mb(hosted.peak)} during the run (target within 50 MB)`,
  );
  return lines;
}

if (import.meta.main) {
  for (const line of await runSandboxBench()) console.log(line);
}
