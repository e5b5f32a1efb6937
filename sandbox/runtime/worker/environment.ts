/**
 * One execution environment: a QuickJS WebAssembly instance + runtime + context holding the
 * handler module, loaded once (INIT) and invoked many times while it stays warm. Each environment
 * gets its own WebAssembly instance, so disposing it returns all of its memory to the host.
 */
import { newQuickJSWASMModule, RELEASE_SYNC } from 'quickjs-emscripten';
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
import type { FunctionConfig, LogLine, SourceFile } from '../../invocation/record.ts';
import { functionLine, type ConsoleLevel } from '../../invocation/log-lines.ts';
import { guestHeapBudgetBytes, logLineMs, RUNTIME_BASELINE_MEMORY_MB } from '../../model/time-model.ts';
import { lambdaEnvironment, newLogStreamName, NODE_VERSIONS } from '../lambda-identity.ts';
import { ExecutionBudget, heapBytes, VirtualClock } from './execution-budget.ts';
import { createLoader, createNormalizer } from './esm-loader.ts';
import { installBridge } from './guest-bridge.ts';
import type { LoopHost } from './event-loop.ts';
import { PackageFiles } from './module-resolver.ts';
import { INSPECT_LAYOUT_SOURCE } from './guest/inspect-layout-source.ts';
import { INSPECT_SOURCE } from './guest/inspect-source.ts';
import { CONSOLE_TIMERS_SOURCE } from './guest/console-timers-source.ts';
import { NODE_GLOBALS_SOURCE } from './guest/node-globals-source.ts';
import { MODULES_SOURCE } from './guest/modules-source.ts';
import { RUNTIME_SOURCE } from './guest/runtime-source.ts';

/** QuickJS's C stack limit: without it deep recursion overflows the host's stack. */
const MAX_STACK_BYTES = 256 * 1024;

const LEVELS = new Set<string>(['INFO', 'WARN', 'ERROR', 'DEBUG', 'TRACE']);

/** A QuickJS environment with the Lambda Node.js runtime emulation installed. */
export class ExecutionEnvironment implements LoopHost {
  readonly config: FunctionConfig;
  readonly files: PackageFiles;
  readonly logStream: string;
  readonly clock = new VirtualClock();
  readonly runtime: QuickJSRuntime;
  readonly ctx: QuickJSContext;
  readonly budget: ExecutionBudget;
  private readonly wasm: QuickJSWASMModule;
  /** Where console lines go; the current phase swaps it. */
  sink: LogLine[] = [];
  /** Request id printed in console lines (`undefined` during INIT, as the Node.js runtime prints). */
  requestId = 'undefined';
  initialized = false;
  lastUsedAt = Date.now();
  private exitRequested: number | undefined;

  private constructor(wasm: QuickJSWASMModule, config: FunctionConfig, files: SourceFile[]) {
    this.wasm = wasm;
    this.config = config;
    this.files = new PackageFiles(files);
    this.logStream = newLogStreamName();
    this.runtime = wasm.newRuntime();
    this.runtime.setMaxStackSize(MAX_STACK_BYTES);
    this.runtime.setMemoryLimit(guestHeapBudgetBytes(config.memorySizeMB));
    this.runtime.setModuleLoader(createLoader(this.files), createNormalizer(this.files));
    this.ctx = this.runtime.newContext();
    this.budget = new ExecutionBudget(this.runtime, this.ctx, this.clock);
    installBridge(this.ctx, this);
    for (const [name, source] of [
      ['inspect-layout', INSPECT_LAYOUT_SOURCE],
      ['inspect', INSPECT_SOURCE],
      ['console-timers', CONSOLE_TIMERS_SOURCE],
      ['node-globals', NODE_GLOBALS_SOURCE],
      ['modules', MODULES_SOURCE],
      ['runtime', RUNTIME_SOURCE],
    ] as const) {
      const r = this.ctx.evalCode(source, `/var/runtime/${name}.js`, { type: 'global' });
      if (r.error) {
        const dumped: unknown = this.ctx.dump(r.error);
        r.error.dispose();
        throw new Error(`Coldstart's guest runtime failed to start (${name}): ${JSON.stringify(dumped)}`);
      }
      r.value.dispose();
    }
  }

  /** Create an environment (instantiates a fresh QuickJS WebAssembly module: a few ms). */
  static async create(config: FunctionConfig, files: SourceFile[]): Promise<ExecutionEnvironment> {
    const wasm = await newQuickJSWASMModule(RELEASE_SYNC);
    return new ExecutionEnvironment(wasm, config, files);
  }

  // BridgeTarget ------------------------------------------------------------------------------
  log(level: string, text: string): void {
    this.clock.advance(logLineMs(this.config.memorySizeMB));
    const iso = new Date(this.clock.wallNow()).toISOString();
    if (level === 'RAW') this.sink.push({ kind: 'function', text });
    else this.sink.push(functionLine(iso, this.requestId, (LEVELS.has(level) ? level : 'INFO') as ConsoleLevel, text));
  }
  nowMs(): number {
    return this.clock.nowMs;
  }
  wallNowMs(): number {
    return this.clock.wallNow();
  }
  heapBytes(): number {
    return heapBytes(this.runtime, this.ctx);
  }
  runtimeInfoJson(): string {
    return JSON.stringify({
      env: lambdaEnvironment(this.config, this.logStream),
      nodeVersion: NODE_VERSIONS[this.config.runtime],
      arch: this.config.architecture === 'arm64' ? 'arm64' : 'x64',
      runtime: this.config.runtime,
      baselineBytes: RUNTIME_BASELINE_MEMORY_MB * 1024 * 1024,
    });
  }
  exit(code: number): void {
    this.exitRequested = code;
  }

  // LoopHost ----------------------------------------------------------------------------------
  exitCode(): number | undefined {
    return this.exitRequested;
  }
  uncaught(): string | undefined {
    const cs = this.ctx.getProp(this.ctx.global, '__coldstart');
    const u = this.ctx.getProp(cs, 'uncaught');
    cs.dispose();
    const value = this.ctx.typeof(u) === 'string' ? this.ctx.getString(u) : undefined;
    u.dispose();
    return value;
  }
  callGuest(name: string, ...args: string[]): { value?: QuickJSHandle; error?: string } {
    const cs = this.ctx.getProp(this.ctx.global, '__coldstart');
    const fn = this.ctx.getProp(cs, name);
    const argHandles = args.map((a) => this.ctx.newString(a));
    const r = this.ctx.callFunction(fn, cs, argHandles);
    for (const h of argHandles) h.dispose();
    fn.dispose();
    cs.dispose();
    if (r.error) {
      const dumped = this.ctx.dump(r.error) as { name?: string; message?: string } | undefined;
      r.error.dispose();
      if (dumped?.message === 'out of memory' && !this.budget.stopped) this.budget.stopped = 'memory';
      return { error: dumped?.message ? `${dumped.name ?? 'Error'}: ${dumped.message}` : String(dumped) };
    }
    return { value: r.value };
  }

  /** Free the QuickJS runtime; the WebAssembly memory goes with the module once unreferenced. */
  dispose(): void {
    try {
      this.ctx.dispose();
      this.runtime.dispose();
    } catch {
      // A runtime stopped mid-job may hold handles QuickJS asserts on; the module is dropped anyway.
    }
    void this.wasm;
  }
}
