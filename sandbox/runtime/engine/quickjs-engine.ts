/**
 * One QuickJS WebAssembly module shared by many execution environments. Each environment gets its
 * own QuickJSRuntime (own heap accounting, memory limit, stack limit and interrupt handler) and
 * context inside the module, so a new environment costs a runtime + context, not a WebAssembly
 * instance. The environments of one deployment share an engine (see engine-set.ts). The module's
 * linear memory can only grow, so an engine a memory bomb grew is dropped once its last environment
 * ends. A trap inside the module breaks every environment in it; the owner then discards the engine.
 */
import { newQuickJSWASMModule, RELEASE_SYNC } from 'quickjs-emscripten';
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
import { EventCodec } from './event-codec.ts';
import { GuestCalls, type EmscriptenHeap } from './guest-calls.ts';
import { MemoryGrowth } from './memory-growth.ts';

/** The few parts of the emscripten module this file reads (not part of quickjs-emscripten's API). */
interface EmscriptenParts extends EmscriptenHeap {
  /** Called by emscripten's abort() (a failed C assertion, a trap) before it throws. */
  onAbort?: (what: unknown) => void;
}

/** Internals of QuickJSContext used to measure a heap; checked where used. */
interface ContextInternals {
  ctx: { value: number };
  ffi: { QTS_RuntimeComputeMemoryUsage?(rt: number, ctx: number): number };
  memory: { heapValueHandle(ptr: number): QuickJSHandle };
}

interface RuntimeInternals {
  rt: { value: number };
}

/** A distinctive memory limit used once to find where QuickJS keeps a runtime's malloc counters. */
const PROBE_LIMIT = 0x5a5a5a5;

/** Why an engine can no longer run code. */
export class EngineBrokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineBrokenError';
  }
}

/** True for errors that mean the WebAssembly module itself trapped or aborted. */
export function isEngineTrap(error: unknown): boolean {
  if (error instanceof Error && error.name === 'RuntimeError') return true;
  if (error instanceof EngineBrokenError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /^Aborted\(|RuntimeError|memory access out of bounds|unreachable/.test(message);
}

let nextEngineId = 1;

/**
 * Thrown from emscripten's abort hook when QuickJS's leak check fails while a runtime is freed, so
 * that emscripten neither prints "Aborted(...)" nor marks the module as aborted (see freeRuntime).
 */
class RuntimeLeakSignal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeLeakSignal';
  }
}

/** A loaded QuickJS WebAssembly module plus the bookkeeping of the environments inside it. */
export class QuickJsEngine {
  readonly id = nextEngineId++;
  readonly wasm: QuickJSWASMModule;
  private readonly em: EmscriptenParts | undefined;
  /** u32 index of `malloc_count` inside JSRuntime, or -1 when it could not be located. */
  private readonly mallocCountWord: number;
  /** Direct FFI calls into guests (undefined: the library's calls are used; see guest-calls.ts). */
  readonly calls: GuestCalls | undefined;
  /** Events decoded instead of parsed by every invoke (see event-codec.ts). */
  readonly events: EventCodec;
  /** The module's memory growth, told to the running phase (see memory-growth.ts). */
  readonly growth: MemoryGrowth | undefined;
  /** Environments currently living in this engine. */
  environments = 0;
  /** The deployments (by hash) whose environments live here, with how many each (see engine-set.ts). */
  readonly homes = new Map<string, number>();
  /** Sum of the last exact heap measurement of each environment living in this engine. */
  measuredHeapBytes = 0;
  /**
   * The linear memory after the latest phase that grew it and ended normally: memory functions
   * within their budget needed (QuickJS's heap size leaves out allocator overhead and array
   * capacity, so measured heaps alone can fall short of it).
   */
  neededBytes = 0;
  /** Set once the module trapped: nothing may call into it again. */
  broken: string | undefined;
  /** No new environments go here; dropped when the last one ends. */
  retired = false;
  /** Linear memory size right after loading (the baseline a fresh engine costs). */
  readonly initialMemoryBytes: number;
  /**
   * Runtimes that could not be freed (QuickJS's leak check in JS_FreeRuntime failed): their memory
   * stays in this module, so the engine set retires the engine as soon as a spare is ready.
   */
  leakedRuntimes = 0;
  /** True while freeRuntime is inside JS_FreeRuntime. */
  private freeing = false;

  private constructor(wasm: QuickJSWASMModule) {
    this.wasm = wasm;
    const em = (wasm as unknown as { module?: Partial<EmscriptenParts> }).module;
    this.em = em?.HEAPU8 && em._malloc && em._free && em.UTF8ToString ? (em as EmscriptenParts) : undefined;
    if (this.em) this.em.onAbort = (what: unknown) => this.onAbort(what);
    this.initialMemoryBytes = this.memoryBytes();
    this.mallocCountWord = this.locateMallocCount();
    this.calls = this.probeCalls();
    this.events = new EventCodec(wasm);
    this.growth = MemoryGrowth.watch(wasm);
  }

  /** Load a fresh module (a few ms: the .wasm file is compiled once per process and cached by V8). */
  static async load(): Promise<QuickJsEngine> {
    return new QuickJsEngine(await newQuickJSWASMModule(RELEASE_SYNC));
  }

  /** Size of the module's linear memory in bytes (only ever grows). */
  memoryBytes(): number {
    return this.em ? this.em.HEAPU8.length : 0;
  }

  /**
   * Live allocations of a runtime (QuickJS's malloc_count), read straight from WebAssembly memory:
   * free to read, and deterministic. -1 when unavailable. (QuickJS's malloc_size is no use under
   * emscripten: without malloc_usable_size it counts 8 bytes per allocation.)
   */
  liveAllocations(runtime: QuickJSRuntime): number {
    if (this.mallocCountWord < 0 || !this.em) return -1;
    const ptr = (runtime as unknown as RuntimeInternals).rt.value;
    return new Uint32Array(this.em.HEAPU8.buffer, ptr, this.mallocCountWord + 1)[this.mallocCountWord] ?? -1;
  }

  /**
   * Bytes of a runtime's heap as QuickJS computes them (memory_used_size). Walks every object, so
   * it costs ~70 us for a small heap and more for a big one: callers sample it sparingly.
   *
   * The result object is made in the environment's own context: quickjs-emscripten's
   * `runtime.computeMemoryUsage()` would create a hidden second "system" context in every runtime
   * (a few hundred objects of heap, counted as the function's memory), and runtimes with that
   * second context were seen failing QuickJS's leak check on JS_FreeRuntime (see freeRuntime).
   */
  usedBytes(runtime: QuickJSRuntime, ctx: QuickJSContext): number {
    const internals = ctx as unknown as Partial<ContextInternals>;
    const compute = internals.ffi?.QTS_RuntimeComputeMemoryUsage;
    const rt = (runtime as unknown as RuntimeInternals).rt.value;
    const handle =
      compute && internals.ctx && internals.memory
        ? internals.memory.heapValueHandle(compute.call(internals.ffi, rt, internals.ctx.value))
        : runtime.computeMemoryUsage();
    try {
      const used = ctx.getProp(handle, 'memory_used_size');
      const n = ctx.getNumber(used);
      used.dispose();
      return n;
    } finally {
      handle.dispose();
    }
  }

  /**
   * Free an environment's context and runtime. QuickJS (2025-09-13, as built by quickjs-emscripten
   * 0.32) asserts in JS_FreeRuntime that no object is left (`list_empty(&rt->gc_obj_list)`). That
   * check used to fail after a promise job grew the WebAssembly memory (the library's
   * executePendingJobs then opened a second context; jobs now run through guest-calls.ts), and
   * any value a future bug leaves alive would fail it again. The
   * failed assertion calls emscripten's abort(), which prints "Aborted(...)" and poisons the whole
   * module that every environment of the thread shares. The abort hook turns that one failure
   * into a leak instead: the runtime's remains stay in the module (counted in leakedRuntimes; the
   * engine is retired), nothing is printed and the module stays usable: the check fails after the
   * runtime's contexts are gone and its garbage collected, with the allocator consistent.
   * Returns false when the runtime was leaked (or the engine is already broken).
   */
  freeRuntime(runtime: QuickJSRuntime, ctx: QuickJSContext): boolean {
    if (this.broken) return false;
    const rt = (runtime as unknown as RuntimeInternals).rt.value;
    if (ctx.alive) ctx.dispose();
    this.freeing = true;
    try {
      runtime.dispose();
      return true;
    } catch (error) {
      if (!(error instanceof RuntimeLeakSignal)) throw error;
      this.leakedRuntimes += 1;
      // QTS_FreeRuntime's wrapper did not get to forget the runtime's host callbacks.
      (runtime as unknown as { callbacks?: { deleteRuntime?(rt: number): void } }).callbacks?.deleteRuntime?.(rt);
      return false;
    } finally {
      this.freeing = false;
    }
  }

  /** emscripten's abort hook: any abort breaks the engine, except a failed leak check while freeing. */
  private onAbort(what: unknown): void {
    const message = String(what);
    if (this.freeing && !this.broken && message.includes('JS_FreeRuntime')) throw new RuntimeLeakSignal(message);
    this.broken ??= `Aborted(${message})`;
  }

  /** ctx.newString without emscripten's per-character JS loop (3-4x faster for a 1 KB event). */
  newString(ctx: QuickJSContext, text: string): QuickJSHandle {
    return this.calls ? this.calls.newString(ctx, text) : ctx.newString(text);
  }

  private locateMallocCount(): number {
    if (!this.em) return -1;
    try {
      const rt = this.wasm.newRuntime();
      try {
        rt.setMemoryLimit(PROBE_LIMIT);
        const ptr = (rt as unknown as RuntimeInternals).rt.value;
        const words = new Uint32Array(this.em.HEAPU8.buffer, ptr, 32);
        const limitWord = words.indexOf(PROBE_LIMIT);
        if (limitWord < 1) return -1;
        if (limitWord < 2) return -1;
        const before = words[limitWord - 2] ?? 0;
        const ctx = rt.newContext();
        const after = new Uint32Array(this.em.HEAPU8.buffer, ptr, 32)[limitWord - 2] ?? 0;
        ctx.dispose();
        // JSMallocState is { malloc_count, malloc_size, malloc_limit }: the count sits two words
        // before the limit and must grow when a context is allocated.
        return before > 0 && after > before ? limitWord - 2 : -1;
      } finally {
        rt.dispose();
      }
    } catch {
      return -1;
    }
  }

  private probeCalls(): GuestCalls | undefined {
    try {
      const rt = this.wasm.newRuntime();
      const ctx = rt.newContext();
      try {
        return GuestCalls.probe(this.em, ctx);
      } finally {
        ctx.dispose();
        rt.dispose();
      }
    } catch {
      return undefined;
    }
  }
}
