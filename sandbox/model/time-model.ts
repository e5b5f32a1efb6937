/**
 * The deterministic time and memory model: how Coldstart turns the work a handler does inside
 * QuickJS into the Duration, Init Duration and Max Memory Used that a REPORT line shows.
 *
 * Nothing here reads the wall clock. Work is counted through QuickJS's interrupt handler, which the
 * interpreter calls after a fixed amount of bytecode work (about 10,000 branch and call steps), so
 * the count depends only on the code and its input. Each unit of work costs a fixed time at one
 * full vCPU and is slowed by the CPU share the memory size buys. Virtual `setTimeout` waits add
 * their own delay. Same code + event + configuration therefore gives the same numbers anywhere.
 *
 * The constants are a model, not a measurement of AWS: each says where its value comes from.
 */
import { MEMORY_MB_PER_VCPU } from '../facts/limits.ts';

/**
 * Virtual ms that one interrupt tick (about 10,000 interpreter steps) costs at one full vCPU.
 * Reasoning: 10,000 simple steps of unoptimised (interpreted) JavaScript take tens of
 * microseconds on a server core; 0.04 ms also makes an endless loop at 128 MB reach the default 3 s
 * timeout after about 5,000 ticks, i.e. about one real second in QuickJS, so lessons stay snappy.
 */
export const TICK_MS_AT_ONE_VCPU = 0.04;

/**
 * The runtime's own work per invoke at one vCPU (fetching the event from the Runtime API, parsing
 * it, building `context`, posting the response). Chosen so a hello-world at 128 MB reports about
 * 1.5-2 ms, in line with typical warm Node.js REPORT lines.
 */
export const INVOKE_OVERHEAD_MS_AT_ONE_VCPU = 0.12;

/**
 * Cost of one promise job (a `then` callback or an `await` resumption) at one vCPU, on top of the
 * ticks its code produces: short jobs rarely reach a tick, and a chain of millions of them must
 * still move the clock (and time out).
 */
export const PROMISE_JOB_MS_AT_ONE_VCPU = 0.002;

/** Cost of writing one log line to stdout at one vCPU (the runtime formats and writes it). */
export const LOG_LINE_MS_AT_ONE_VCPU = 0.01;

/** JSON parse/serialise cost of the event and response per KB at one vCPU. */
export const PAYLOAD_MS_PER_KB_AT_ONE_VCPU = 0.004;

/**
 * Fixed part of a Node.js cold start's Init Duration: starting the runtime process and loading its
 * bootstrap. AWS says cold starts range "from under 100 ms to over 1 second" (FACTS.md, L); a
 * hello-world Node.js function commonly reports 100-150 ms at 128 MB. Not scaled by memory,
 * because much of it is I/O and process start, not computation.
 */
export const RUNTIME_INIT_FIXED_MS = 60;

/** CPU-bound part of the runtime bootstrap at one vCPU (about 62 ms at 128 MB, 4.5 ms at 1,769 MB). */
export const RUNTIME_INIT_MS_AT_ONE_VCPU = 4.5;

/** Reading and compiling the handler's code per KB at one vCPU. */
export const CODE_LOAD_MS_PER_KB_AT_ONE_VCPU = 0.05;

/**
 * Memory the Node.js runtime itself occupies before the handler allocates anything. Hello-world
 * Node.js functions on nodejs20.x-24.x typically report "Max Memory Used" of 60-70 MB (V8 heap,
 * the runtime client and Node's own modules); QuickJS's heap is far smaller than V8's, so the
 * handler's QuickJS usage is added on top of this baseline. Value observed in public REPORT lines,
 * not documented by AWS.
 */
export const RUNTIME_BASELINE_MEMORY_MB = 64;

/**
 * Safety caps that protect the learner's computer; they are not Lambda behaviour.
 * - REAL_CPU_CAP_MS: real time one invoke (or init) may compute before Coldstart stops it and
 *   reports a timeout with a note, so a 900 s timeout at 10 GB cannot hold the app for minutes.
 * - GUEST_HEAP_CAP_MB: the largest JavaScript heap one environment may really allocate.
 */
export const REAL_CPU_CAP_MS = 5_000;
export const GUEST_HEAP_CAP_MB = 1_024;

/** How often (in ticks) the interrupt handler measures the heap: every tick is cheap enough (~20 us). */
export const MEMORY_CHECK_EVERY_TICKS = 1;

/**
 * CPU share a memory size buys: 1,769 MB = 1 vCPU (FACTS.md). Node.js runs handler code on one
 * thread, so shares above one vCPU do not make a single invoke faster: capped at 1.
 */
export function cpuShare(memorySizeMB: number): number {
  return Math.min(memorySizeMB / MEMORY_MB_PER_VCPU, 1);
}

/** Scale a cost stated at one vCPU to the CPU share of `memorySizeMB`. */
export function scaleToMemory(msAtOneVcpu: number, memorySizeMB: number): number {
  return msAtOneVcpu / cpuShare(memorySizeMB);
}

/** Virtual ms of one interrupt tick at this memory size. */
export function tickMs(memorySizeMB: number): number {
  return scaleToMemory(TICK_MS_AT_ONE_VCPU, memorySizeMB);
}

/** Fixed virtual cost of one invoke: runtime overhead plus payload handling. */
export function invokeOverheadMs(memorySizeMB: number, payloadBytes: number): number {
  const perKb = PAYLOAD_MS_PER_KB_AT_ONE_VCPU * (payloadBytes / 1024);
  return scaleToMemory(INVOKE_OVERHEAD_MS_AT_ONE_VCPU + perKb, memorySizeMB);
}

/** Virtual cost of one promise job. */
export function promiseJobMs(memorySizeMB: number): number {
  return scaleToMemory(PROMISE_JOB_MS_AT_ONE_VCPU, memorySizeMB);
}

/** Virtual cost of one console line. */
export function logLineMs(memorySizeMB: number): number {
  return scaleToMemory(LOG_LINE_MS_AT_ONE_VCPU, memorySizeMB);
}

/** Virtual cost of starting the runtime and loading `codeBytes` of handler code (before module work). */
export function runtimeInitMs(memorySizeMB: number, codeBytes: number): number {
  const cpu = RUNTIME_INIT_MS_AT_ONE_VCPU + CODE_LOAD_MS_PER_KB_AT_ONE_VCPU * (codeBytes / 1024);
  return RUNTIME_INIT_FIXED_MS + scaleToMemory(cpu, memorySizeMB);
}

/** Max Memory Used in whole MB, as REPORT prints it: runtime baseline + the handler's heap. */
export function maxMemoryUsedMB(guestPeakBytes: number, memorySizeMB: number): number {
  const used = RUNTIME_BASELINE_MEMORY_MB + Math.ceil(guestPeakBytes / (1024 * 1024));
  return Math.min(used, memorySizeMB);
}

/** Bytes the handler's heap may use before the function counts as out of memory. */
export function guestHeapBudgetBytes(memorySizeMB: number): number {
  const mb = Math.min(memorySizeMB - RUNTIME_BASELINE_MEMORY_MB, GUEST_HEAP_CAP_MB);
  return Math.max(mb, 8) * 1024 * 1024;
}

/** Round a duration to the 2 decimals REPORT shows (keeps records and text in agreement). */
export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
