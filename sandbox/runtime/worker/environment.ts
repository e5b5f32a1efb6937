/**
 * One execution environment: a QuickJS runtime + context inside its deployment's engine (one
 * WebAssembly module shared by the environments of one function, see ../engine/), holding the handler module, loaded once (INIT) and invoked
 * many times while it stays warm. The runtime has its own memory limit, stack limit and interrupt
 * handler, so environments never see each other; disposing it frees its heap inside the engine.
 *
 * Only a small core of the guest runtime is compiled when the environment starts; inspect, the
 * Node globals (Buffer, URL, ...) and most built-in modules are compiled on first use, without
 * virtual cost (they are part of what the Node.js runtime already has loaded).
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten';
import type { FunctionConfig, LogLine, SourceFile } from '../../invocation/record.ts';
import { guestHeapBudgetBytes, logLineMs } from '../../model/time-model.ts';
import type { GuestArg } from '../engine/guest-calls.ts';
import type { GrowthListener } from '../engine/memory-growth.ts';
import { EngineBrokenError, type QuickJsEngine } from '../engine/quickjs-engine.ts';
import { newLogStreamName } from '../lambda-identity.ts';
import { AccountLink } from './account-link.ts';
import { ExecutionBudget, VirtualClock } from './execution-budget.ts';
import { createLoader, createNormalizer, type Normalizer } from './esm-loader.ts';
import { installBridge } from './guest-bridge.ts';
import { forEachLogLine } from './log-batch.ts';
import { PackageFiles } from './module-resolver.ts';
import { PhaseLogs } from './phase-logs.ts';
import { runtimeInfoJson } from './runtime-info.ts';
import { TmpFilesystem } from './tmp-filesystem.ts';
import { CORE_PARTS, LAZY_PARTS, partBytes } from './guest/parts.ts';

/** QuickJS's C stack limit: without it deep recursion overflows the host's stack. */
const MAX_STACK_BYTES = 256 * 1024;

const SEP = '\u0001';

/** What one poll of the guest returned (see runtime-source.ts, cs.poll). */
export interface PollResult {
  /** p pending, s settled, u uncaught exception, r unhandled rejection. */
  state: 'p' | 's' | 'u' | 'r';
  /** Virtual time the next timer is due, -1 when none. */
  due: number;
  /** The outcome text (settled) or the error JSON (u, r). */
  outcome: string;
}

/** A call into the guest that failed: a JavaScript exception inside QuickJS. */
export interface GuestCallError {
  message: string;
  outOfMemory: boolean;
}

/** A QuickJS environment with the Lambda Node.js runtime emulation installed. */
export class ExecutionEnvironment {
  readonly config: FunctionConfig;
  readonly files: PackageFiles;
  readonly engine: QuickJsEngine;
  readonly logStream: string;
  readonly clock = new VirtualClock();
  /** The simulated AWS account of the running invoke, if any (see account-link.ts). */
  readonly account = new AccountLink();
  readonly tmp: TmpFilesystem;
  readonly createdAt = Date.now();
  runtime!: QuickJSRuntime;
  ctx!: QuickJSContext;
  budget!: ExecutionBudget;
  /** Module names for QuickJS, and the specifier each was imported as (for Node's error wording). */
  private normalizer!: Normalizer;
  initialized = false;
  lastUsedAt = Date.now();
  invocations = 0;
  private readonly heapCache = { count: -1, bytes: 0, memory: 0 };
  private readonly logs = new PhaseLogs();
  private exitRequested: number | undefined;
  private fns = new Map<string, QuickJSHandle>();
  private clk: QuickJSHandle | undefined;
  private disposed = false;

  constructor(engine: QuickJsEngine, config: FunctionConfig, files: SourceFile[]) {
    this.engine = engine;
    this.config = config;
    this.files = new PackageFiles(files, { layers: config.layers, runtime: config.runtime });
    this.logStream = newLogStreamName();
    this.tmp = new TmpFilesystem(config.ephemeralStorageMB);
    this.boot();
  }

  /** Create the runtime and context and compile the core of the guest runtime (about 1 ms). */
  private boot(): void {
    const { config } = this;
    this.runtime = this.engine.wasm.newRuntime();
    this.runtime.setMaxStackSize(MAX_STACK_BYTES);
    this.runtime.setMemoryLimit(guestHeapBudgetBytes(config.memorySizeMB));
    this.normalizer = createNormalizer(this.files);
    this.runtime.setModuleLoader(createLoader(this.files, (name) => this.builtinExportNames(name)), (base, requested) => this.normalizer.normalize(base, requested));
    this.ctx = this.runtime.newContext();
    this.budget = new ExecutionBudget(this.runtime, this, this.clock);
    installBridge(this.ctx, this);
    for (const [name, source] of CORE_PARTS) this.evalPart(name, source);
    const cs = this.ctx.getProp(this.ctx.global, '__coldstart');
    // `fire` is looked up on first use: it is defined when the timers are (see core-source.ts).
    for (const name of ['init', 'invoke', 'poll']) this.fns.set(name, this.ctx.getProp(cs, name));
    this.clk = this.ctx.getProp(cs, 'clk');
    cs.dispose();
  }

  /**
   * Throw the runtime away and boot a fresh one in the same environment (Lambda restarts the
   * runtime process when INIT has to be retried during the first invoke). /tmp is kept.
   */
  restart(): void {
    this.freeRuntime();
    this.heapCache.count = -1;
    this.exitRequested = undefined;
    this.initialized = false;
    this.boot();
  }

  private evalPart(name: string, source: string): void {
    const error = this.evalRuntimeFile(name, source);
    if (error) {
      const dumped: unknown = this.ctx.dump(error);
      error.dispose();
      throw new Error(`Coldstart's guest runtime failed to start (${name}): ${JSON.stringify(dumped)}`);
    }
  }

  /** Evaluate a part of the guest runtime as /var/runtime/<file>.js; the error it threw, if any. */
  private evalRuntimeFile(file: string, source: string): QuickJSHandle | undefined {
    const filename = `/var/runtime/${file}.js`;
    const { calls } = this.engine;
    if (calls) {
      const r = calls.evalSource(this.ctx, partBytes(source), filename);
      if ('error' in r) return r.error;
      r.value.dispose();
      return undefined;
    }
    const r = this.ctx.evalCode(source, filename, { type: 'global' });
    if (r.error) return r.error;
    r.value.dispose();
    return undefined;
  }

  // BridgeTarget ------------------------------------------------------------------------------
  /** Start collecting console lines of a phase into `sink`. */
  beginLogs(sink: LogLine[], requestId: string): void {
    this.logs.begin(sink, requestId);
  }

  /** End the phase's logs: a note if the safety cap dropped lines. */
  endLogs(): void {
    this.logs.end();
  }

  /** A line written by the runtime itself (host side), costing one console line of virtual time. */
  log(level: string, text: string): void {
    this.clock.advance(logLineMs(this.config.memorySizeMB));
    this.pushLine(this.clock.nowMs, level, text);
  }

  awsCall(service: string, operation: string, inputJson: string, guestNowMs: number): string {
    return this.account.call(service, operation, inputJson, guestNowMs);
  }

  /** A batch of console lines from the guest; lines logged after `untilMs` (virtual time) are dropped. */
  logBatch(batch: string, untilMs = Infinity): void {
    forEachLogLine(batch, untilMs, (time, level, text) => this.pushLine(time, level, text));
  }

  private pushLine(time: number, level: string, message: string): void {
    this.logs.push(this.clock.wallOffset() + time, level, this.files.mapStack(message));
  }

  loadPart(name: string): { error: QuickJSHandle } | undefined {
    const part = LAZY_PARTS.get(name);
    if (!part) return undefined;
    const paused = this.budget.paused;
    this.budget.paused = true;
    try {
      const error = this.evalRuntimeFile(part.file, part.source);
      return error ? { error } : undefined;
    } finally {
      this.budget.paused = paused;
    }
  }

  /**
   * The heap's size (QuickJS's memory_used_size). Computing it walks the heap, so between exact
   * measurements it is estimated from the count of live allocations (free to read); it is measured
   * again when that count moved by more than 10%, when the engine's memory grew (a big ArrayBuffer
   * or string grows it) or when `exact` asks.
   */
  heapBytes(exact = false): number {
    const c = this.heapCache;
    const count = this.engine.liveAllocations(this.runtime);
    const memory = this.engine.memoryBytes();
    if (exact || count < 0 || c.count <= 0 || memory !== c.memory || Math.abs(count - c.count) > c.count * 0.1 + 2000) {
      const bytes = this.engine.usedBytes(this.runtime, this.ctx);
      this.engine.measuredHeapBytes += bytes - c.bytes;
      c.bytes = bytes;
      c.count = count;
      c.memory = memory;
      return c.bytes;
    }
    return Math.round((c.bytes * count) / c.count);
  }

  measureHeapQuietly(): number {
    return this.engine.usedBytes(this.runtime, this.ctx);
  }

  engineAccountedBytes(): number {
    return Math.max(this.engine.initialMemoryBytes + this.engine.measuredHeapBytes, this.engine.neededBytes);
  }

  engineMemoryBytes(): number {
    return this.engine.memoryBytes();
  }

  engineMemoryNeeded(bytes: number): void {
    if (bytes > this.engine.neededBytes) this.engine.neededBytes = bytes;
  }

  watchGrowth(listener: GrowthListener): void {
    const { growth } = this.engine;
    if (growth) growth.listener = listener;
  }

  unwatchGrowth(listener: GrowthListener): void {
    const { growth } = this.engine;
    if (growth?.listener === listener) growth.listener = undefined;
  }

  readInterruptCounter(): number {
    return this.engine.growth?.readCounter(this.ctx) ?? -1;
  }

  writeInterruptCounter(steps: number): void {
    this.engine.growth?.writeCounter(this.ctx, steps);
  }

  readGuestClock(): number {
    if (!this.clk) return 0;
    const h = this.ctx.getProp(this.clk, 0);
    const n = this.ctx.getNumber(h);
    h.dispose();
    return n;
  }

  writeGuestClock(ms: number): void {
    if (!this.clk) return;
    const h = this.ctx.newNumber(ms);
    this.ctx.setProp(this.clk, 0, h);
    h.dispose();
  }

  /** The specifier a module name was first imported as (`./lib.mjs` for file:///var/task/lib.mjs). */
  moduleSpecifier(name: string): string {
    return this.normalizer.requestedAs(name);
  }

  runtimeInfoJson(): string {
    return runtimeInfoJson(this.config, this.logStream);
  }

  exit(code: number): void {
    this.exitRequested = code;
    // Nothing the guest logs after this moment reaches CloudWatch: the process is gone.
    this.budget.stopMarkMs ??= this.readGuestClock();
  }

  exitCode(): number | undefined {
    return this.exitRequested;
  }

  // Calls into the guest -----------------------------------------------------------------------
  /** Call `cs[name](...args)`; strings and numbers only (and values made in this context). Undefined on success. */
  call(name: string, ...args: GuestArg[]): GuestCallError | undefined {
    if (this.disposed || this.engine.broken) throw new EngineBrokenError(this.engine.broken ?? 'environment disposed');
    const fn = this.fns.get(name) ?? this.lookup(name);
    const { calls } = this.engine;
    let error: QuickJSHandle | undefined;
    if (calls) error = calls.call(this.ctx, fn, args);
    else {
      const made = args.map((a) => (typeof a === 'number' ? this.ctx.newNumber(a) : typeof a === 'string' ? this.engine.newString(this.ctx, a) : undefined));
      const r = this.ctx.callFunction(fn, this.ctx.undefined, ...args.map((a, i) => made[i] ?? (a as QuickJSHandle)));
      for (const h of made) h?.dispose();
      if (r.error) error = r.error;
      else r.value.dispose();
    }
    return error ? this.callError(error) : undefined;
  }

  /**
   * INVOKE: call the guest's `cs.invoke` with the event (decoded by the engine when it can, see
   * event-codec.ts) and the phase's request id, deadline and clock.
   */
  callInvoke(eventJson: string, requestId: string, deadlineMs: number): GuestCallError | undefined {
    if (this.disposed || this.engine.broken) throw new EngineBrokenError(this.engine.broken ?? 'environment disposed');
    const event = this.engine.events.decode(this.ctx, eventJson);
    try {
      return this.call('invoke', event ?? eventJson, requestId, deadlineMs, this.clock.nowMs, this.clock.wallOffset());
    } finally {
      event?.dispose();
    }
  }

  /** Describe (and free) the exception a guest call threw; an out-of-memory error stops the phase. */
  private callError(error: QuickJSHandle): GuestCallError {
    const dumped = this.ctx.dump(error) as { name?: string; message?: string } | undefined;
    error.dispose();
    const outOfMemory = dumped?.message === 'out of memory';
    if (outOfMemory && !this.budget.stopped) this.budget.stopped = 'memory';
    return { message: dumped?.message ? `${dumped.name ?? 'Error'}: ${dumped.message}` : String(dumped), outOfMemory };
  }

  /**
   * Run up to `max` promise jobs: how many ran, or the message of the error one threw. The jobs go
   * through the engine's direct calls (guest-calls.ts): the library's executePendingJobs reads the
   * job's context through a stale view when a job grows the WebAssembly memory and then opens a
   * second context, which QuickJS's leak check reports when the runtime is freed.
   */
  runJobs(max: number): number | { message: string | undefined } {
    const r = this.engine.calls ? this.engine.calls.runJobs(this.runtime, this.ctx, max) : this.libraryJobs(max);
    if (typeof r === 'number') return r;
    const dumped = this.ctx.dump(r.error) as { message?: string } | undefined;
    r.error.dispose();
    return { message: dumped?.message };
  }

  private libraryJobs(max: number): number | { error: QuickJSHandle } {
    const r = this.runtime.executePendingJobs(max);
    return r.error ? { error: r.error } : r.value;
  }

  private lookup(name: string): QuickJSHandle {
    const cs = this.ctx.getProp(this.ctx.global, '__coldstart');
    const fn = this.ctx.getProp(cs, name);
    cs.dispose();
    this.fns.set(name, fn);
    return fn;
  }

  /**
   * Take the console lines the guest still buffers. A phase stopped by a limit (timeout, out of
   * memory) or by process.exit ends without a last poll, yet on Lambda those lines had already
   * reached stdout before the process was stopped, so they are kept. Only called on an environment
   * that is discarded afterwards: its memory limit is lifted, since an out-of-memory kill leaves
   * no room to hand the lines over. Lines logged after `stopMarkMs` (guest virtual time) were
   * written while the stop unwound the guest, after the moment Lambda kills it: they are dropped.
   */
  drainLogs(stopMarkMs = Infinity): void {
    if (this.disposed || this.engine.broken) return;
    this.runtime.setMemoryLimit(-1);
    const r = this.ctx.callFunction(this.fns.get('takeLogs') ?? this.lookup('takeLogs'), this.ctx.undefined);
    if (r.error) {
      r.error.dispose();
      return;
    }
    const batch = this.ctx.getString(r.value);
    r.value.dispose();
    if (batch) this.logBatch(batch, stopMarkMs);
  }

  /** Read the guest's state after it ran: logs go to the sink, the clock moves to the guest's. */
  poll(): PollResult {
    const fn = this.fns.get('poll') ?? this.lookup('poll');
    const text = this.callForString(fn, this.clock.nowMs);
    if (text === undefined) return { state: 'p', due: -1, outcome: '' };
    const a = text.indexOf(SEP);
    const b = text.indexOf(SEP, a + 1);
    const c = text.indexOf(SEP, b + 1);
    const d = text.indexOf(SEP, c + 1);
    const end = d + 1 + Number(text.slice(c + 1, d));
    this.clock.advanceTo(Number(text.slice(a + 1, b)));
    if (end < text.length) this.logBatch(text.slice(end));
    return { state: text[0] as PollResult['state'], due: Number(text.slice(b + 1, c)), outcome: text.slice(d + 1, end) };
  }

  /**
   * The own enumerable keys of the guest's module object for a Node built-in (`fs`, `process`...):
   * what Node's ESM facade exports by name. Called by the module loader while QuickJS links an
   * import, so the module object is made a little earlier than the importing module runs.
   */
  builtinExportNames(name: string): string[] {
    const fn = this.fns.get('builtinExports') ?? this.lookup('builtinExports');
    const json = this.callForString(fn, name);
    if (!json) return [];
    const names: unknown = JSON.parse(json);
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  }

  /** fn(arg) as a string; undefined when it threw (only a stopped guest: interrupt, out of memory). */
  private callForString(fn: QuickJSHandle, arg: number | string): string | undefined {
    if (this.engine.calls) {
      const r = this.engine.calls.callForString(this.ctx, fn, [arg]);
      if (typeof r === 'string') return r;
      r.error.dispose();
      return undefined;
    }
    const now = typeof arg === 'number' ? this.ctx.newNumber(arg) : this.ctx.newString(arg);
    const r = this.ctx.callFunction(fn, this.ctx.undefined, now);
    now.dispose();
    if (r.error) {
      r.error.dispose();
      return undefined;
    }
    const text = this.ctx.getString(r.value);
    r.value.dispose();
    return text;
  }

  private freeRuntime(): void {
    // A phase that never ended (the engine broke under it) must not hear about growth any more.
    this.budget.end();
    this.engine.measuredHeapBytes -= this.heapCache.bytes;
    this.heapCache.bytes = 0;
    for (const h of this.fns.values()) h.dispose();
    this.fns.clear();
    this.clk?.dispose();
    this.clk = undefined;
    if (this.engine.broken) return;
    try {
      this.engine.freeRuntime(this.runtime, this.ctx);
    } catch (error) {
      // Any other abort or trap: the module cannot be trusted any more. The pool sees the broken
      // engine after dispose and replaces it.
      this.engine.broken ??= error instanceof Error ? error.message : String(error);
    }
  }

  /** Free the QuickJS runtime (its heap returns to the engine). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.engine.broken) return;
    this.freeRuntime();
  }
}
