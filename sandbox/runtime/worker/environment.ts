/**
 * One execution environment: a QuickJS runtime + context inside a shared engine (one WebAssembly
 * module per thread, see ../engine/), holding the handler module, loaded once (INIT) and invoked
 * many times while it stays warm. The runtime has its own memory limit, stack limit and interrupt
 * handler, so environments never see each other; disposing it frees its heap inside the engine.
 *
 * Only a small core of the guest runtime is compiled when the environment starts; inspect, the
 * Node globals (Buffer, URL, ...) and most built-in modules are compiled on first use, without
 * virtual cost (they are part of what the Node.js runtime already has loaded).
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten';
import type { FunctionConfig, LogLine, SourceFile } from '../../invocation/record.ts';
import { functionLine, platformLine, type ConsoleLevel } from '../../invocation/log-lines.ts';
import { guestHeapBudgetBytes, logLineMs, RUNTIME_BASELINE_MEMORY_MB } from '../../model/time-model.ts';
import { EngineBrokenError, type QuickJsEngine } from '../engine/quickjs-engine.ts';
import { functionArn, lambdaEnvironment, logGroupName, newLogStreamName, NODE_VERSIONS } from '../lambda-identity.ts';
import { AccountLink } from './account-link.ts';
import { ExecutionBudget, VirtualClock } from './execution-budget.ts';
import { createLoader, createNormalizer } from './esm-loader.ts';
import { installBridge } from './guest-bridge.ts';
import { PackageFiles } from './module-resolver.ts';
import { TmpFilesystem } from './tmp-filesystem.ts';
import { CORE_PARTS, LAZY_PARTS } from './guest/parts.ts';

/** QuickJS's C stack limit: without it deep recursion overflows the host's stack. */
const MAX_STACK_BYTES = 256 * 1024;

/** Console text kept per phase; beyond it lines are counted, not kept (a safety cap, 4 MB). */
export const LOG_BYTES_CAP = 4 * 1024 * 1024;

const LEVELS = new Set<string>(['INFO', 'WARN', 'ERROR', 'DEBUG', 'TRACE']);
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
  /** Where console lines go; the current phase swaps it. */
  sink: LogLine[] = [];
  /** Request id printed in console lines (`undefined` during INIT, as the Node.js runtime prints). */
  requestId = 'undefined';
  initialized = false;
  lastUsedAt = Date.now();
  invocations = 0;
  private readonly heapCache = { count: -1, bytes: 0, memory: 0 };
  private sinkBytes = 0;
  private droppedLines = 0;
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
    this.runtime.setModuleLoader(createLoader(this.files), createNormalizer(this.files));
    this.ctx = this.runtime.newContext();
    this.budget = new ExecutionBudget(this.runtime, this, this.clock);
    installBridge(this.ctx, this);
    for (const [name, source] of CORE_PARTS) this.evalPart(name, source);
    const cs = this.ctx.getProp(this.ctx.global, '__coldstart');
    for (const name of ['init', 'invoke', 'poll', 'fire']) this.fns.set(name, this.ctx.getProp(cs, name));
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
    const r = this.ctx.evalCode(source, `/var/runtime/${name}.js`, { type: 'global' });
    if (r.error) {
      const dumped: unknown = this.ctx.dump(r.error);
      r.error.dispose();
      throw new Error(`Coldstart's guest runtime failed to start (${name}): ${JSON.stringify(dumped)}`);
    }
    r.value.dispose();
  }

  // BridgeTarget ------------------------------------------------------------------------------
  /** Start collecting console lines of a phase into `sink`. */
  beginLogs(sink: LogLine[], requestId: string): void {
    this.sink = sink;
    this.requestId = requestId;
    this.sinkBytes = 0;
    this.droppedLines = 0;
  }

  /** End the phase's logs: a note if the safety cap dropped lines. */
  endLogs(): void {
    if (this.droppedLines > 0) {
      this.sink.push(platformLine(`Coldstart note: ${this.droppedLines} more console lines were written but not kept (Coldstart keeps ${LOG_BYTES_CAP / 1024 / 1024} MB of log text per invoke).`));
      this.droppedLines = 0;
    }
  }

  /** A line written by the runtime itself (host side), costing one console line of virtual time. */
  log(level: string, text: string): void {
    this.clock.advance(logLineMs(this.config.memorySizeMB));
    this.logBatch(JSON.stringify([this.clock.nowMs, level, text]));
  }

  awsCall(service: string, operation: string, inputJson: string, guestNowMs: number): string {
    return this.account.call(service, operation, inputJson, guestNowMs);
  }

  logBatch(json: string): void {
    let batch: unknown;
    try {
      batch = JSON.parse(json);
    } catch {
      return;
    }
    if (!Array.isArray(batch)) return;
    const offset = this.clock.wallOffset();
    for (let i = 0; i + 2 < batch.length; i += 3) {
      const time = Number(batch[i]);
      const level = String(batch[i + 1]);
      const text = String(batch[i + 2]);
      if (this.sinkBytes + text.length > LOG_BYTES_CAP) {
        this.droppedLines += 1;
        continue;
      }
      this.sinkBytes += text.length;
      if (level === 'RAW') this.sink.push({ kind: 'function', text });
      else this.sink.push(functionLine(new Date(offset + time).toISOString(), this.requestId, (LEVELS.has(level) ? level : 'INFO') as ConsoleLevel, text));
    }
  }

  loadPart(name: string): { error: QuickJSHandle } | undefined {
    const source = LAZY_PARTS.get(name);
    if (!source) return undefined;
    const paused = this.budget.paused;
    this.budget.paused = true;
    try {
      const r = this.ctx.evalCode(source, `/var/runtime/${name}.js`, { type: 'global' });
      if (r.error) return { error: r.error };
      r.value.dispose();
      return undefined;
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
      c.bytes = this.engine.usedBytes(this.runtime, this.ctx);
      c.count = count;
      c.memory = memory;
      return c.bytes;
    }
    return Math.round((c.bytes * count) / c.count);
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

  runtimeInfoJson(): string {
    const { config } = this;
    return JSON.stringify({
      env: lambdaEnvironment(config, this.logStream),
      nodeVersion: NODE_VERSIONS[config.runtime],
      arch: config.architecture === 'arm64' ? 'arm64' : 'x64',
      runtime: config.runtime,
      baselineBytes: RUNTIME_BASELINE_MEMORY_MB * 1024 * 1024,
      logLineMs: logLineMs(config.memorySizeMB),
      fn: {
        functionName: config.functionName,
        memoryLimitInMB: String(config.memorySizeMB),
        logGroupName: logGroupName(config.functionName),
        logStreamName: this.logStream,
        invokedFunctionArn: functionArn(config.functionName),
      },
    });
  }

  exit(code: number): void {
    this.exitRequested = code;
  }

  exitCode(): number | undefined {
    return this.exitRequested;
  }

  // Calls into the guest -----------------------------------------------------------------------
  /** Call `cs[name](...args)`; strings and numbers only. Undefined on success. */
  call(name: string, ...args: (string | number)[]): GuestCallError | undefined {
    if (this.disposed || this.engine.broken) throw new EngineBrokenError(this.engine.broken ?? 'environment disposed');
    const fn = this.fns.get(name) ?? this.lookup(name);
    const handles = args.map((a) => (typeof a === 'number' ? this.ctx.newNumber(a) : this.engine.newString(this.ctx, a)));
    const r = this.ctx.callFunction(fn, this.ctx.undefined, ...handles);
    for (const h of handles) h.dispose();
    if (r.error) {
      const dumped = this.ctx.dump(r.error) as { name?: string; message?: string } | undefined;
      r.error.dispose();
      const outOfMemory = dumped?.message === 'out of memory';
      if (outOfMemory && !this.budget.stopped) this.budget.stopped = 'memory';
      return { message: dumped?.message ? `${dumped.name ?? 'Error'}: ${dumped.message}` : String(dumped), outOfMemory };
    }
    r.value.dispose();
    return undefined;
  }

  private lookup(name: string): QuickJSHandle {
    const cs = this.ctx.getProp(this.ctx.global, '__coldstart');
    const fn = this.ctx.getProp(cs, name);
    cs.dispose();
    this.fns.set(name, fn);
    return fn;
  }

  /** Read the guest's state after it ran: logs go to the sink, the clock moves to the guest's. */
  poll(): PollResult {
    const fn = this.fns.get('poll') ?? this.lookup('poll');
    const now = this.ctx.newNumber(this.clock.nowMs);
    const r = this.ctx.callFunction(fn, this.ctx.undefined, now);
    now.dispose();
    if (r.error) {
      // Only a stopped guest (interrupt, out of memory) fails here.
      r.error.dispose();
      return { state: 'p', due: -1, outcome: '' };
    }
    const text = this.ctx.getString(r.value);
    r.value.dispose();
    const a = text.indexOf(SEP);
    const b = text.indexOf(SEP, a + 1);
    const c = text.indexOf(SEP, b + 1);
    const d = text.indexOf(SEP, c + 1);
    this.clock.advanceTo(Number(text.slice(a + 1, b)));
    if (d > c + 1) this.logBatch(text.slice(c + 1, d));
    return { state: text[0] as PollResult['state'], due: Number(text.slice(b + 1, c)), outcome: text.slice(d + 1) };
  }

  private freeRuntime(): void {
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
