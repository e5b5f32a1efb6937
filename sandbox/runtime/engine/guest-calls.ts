/**
 * Calls from the host into a guest context straight through quickjs-emscripten's FFI. The
 * library's `callFunction`, `executePendingJobs` and `getString` wrap every crossing in several
 * JavaScript objects (argument arrays malloc'd and freed, lifetimes, scopes, a typeof string per
 * job run): about 1.5 us per crossing, half of a warm invoke's host-side cost. These paths do the
 * same FFI calls with one argument buffer allocated per engine and no wrapper objects. The guest
 * sees exactly the same calls and allocations (strings and numbers are made by the same
 * QTS_NewString / QTS_NewFloat64), so nothing it can observe or measure changes.
 *
 * Everything used here is checked once when the engine loads (`GuestCalls.probe`); when a future
 * quickjs-emscripten changes its internals, the engine falls back to the library's own calls.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten';

/** The parts of the emscripten module used here (not part of quickjs-emscripten's API). */
export interface EmscriptenHeap {
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  UTF8ToString(ptr: number): string;
}

/** The FFI functions used here (quickjs-emscripten's QuickJSFFI, c/interface.c). */
interface Ffi {
  QTS_Call(ctx: number, fn: number, thisVal: number, argc: number, argv: number): number;
  QTS_ResolveException(ctx: number, value: number): number;
  QTS_FreeValuePointer(ctx: number, value: number): void;
  QTS_FreeValuePointerRuntime(rt: number, value: number): void;
  QTS_NewString(ctx: number, chars: number): number;
  QTS_NewFloat64(ctx: number, n: number): number;
  QTS_GetFloat64(ctx: number, value: number): number;
  QTS_GetString(ctx: number, value: number): number;
  QTS_FreeCString(ctx: number, chars: number): void;
  QTS_Typeof(ctx: number, value: number): number;
  QTS_ExecutePendingJob(rt: number, max: number, lastContextOut: number): number;
  QTS_Eval(ctx: number, code: number, length: number, filename: string, detectModule: number, flags: number): number;
  QTS_GetUndefined(): number;
}

interface ContextInternals {
  ctx: { value: number };
  rt: { value: number };
  ffi: Ffi;
  memory: { heapValueHandle(ptr: number): QuickJSHandle };
}

/**
 * An argument of a guest call: a string, a number or a value already in the guest's context (the
 * caller keeps and disposes it); no host object can reach the guest.
 */
export type GuestArg = string | number | QuickJSHandle;

/** Most arguments of one raw call (the preallocated argv holds this many pointers). */
const MAX_ARGS = 8;

const encoder = new TextEncoder();
/** "number" as QTS_Typeof writes it, to recognise a job count without decoding the string. */
const NUMBER = [...'number\0'].map((c) => c.charCodeAt(0));

function internals(ctx: QuickJSContext): ContextInternals {
  return ctx as unknown as ContextInternals;
}

export class GuestCalls {
  private readonly em: EmscriptenHeap;
  /** argv for QTS_Call (MAX_ARGS pointers), then one pointer slot for QTS_ExecutePendingJob. */
  private readonly scratch: number;
  private readonly undefinedPtr: number;

  private constructor(em: EmscriptenHeap, ffi: Ffi) {
    this.em = em;
    this.scratch = em._malloc(4 * (MAX_ARGS + 1));
    this.undefinedPtr = ffi.QTS_GetUndefined();
  }

  /** Raw calls for an engine, checked on a throwaway context; undefined when anything is missing. */
  static probe(em: Partial<EmscriptenHeap> | undefined, ctx: QuickJSContext): GuestCalls | undefined {
    const i = internals(ctx) as Partial<ContextInternals>;
    const ffi = i.ffi as Partial<Ffi> | undefined;
    const names: (keyof Ffi)[] = [
      'QTS_Call', 'QTS_ResolveException', 'QTS_FreeValuePointer', 'QTS_FreeValuePointerRuntime', 'QTS_NewString', 'QTS_NewFloat64',
      'QTS_GetFloat64', 'QTS_GetString', 'QTS_FreeCString', 'QTS_Typeof', 'QTS_ExecutePendingJob', 'QTS_Eval', 'QTS_GetUndefined',
    ];
    if (!em?.HEAPU8 || !em._malloc || !em._free || !em.UTF8ToString || !ffi || !i.ctx || !i.rt || !i.memory?.heapValueHandle) return undefined;
    if (names.some((n) => typeof ffi[n] !== 'function')) return undefined;
    try {
      const calls = new GuestCalls(em as EmscriptenHeap, ffi as Ffi);
      if (calls.selfTest(ctx)) return calls;
      calls.release();
    } catch {
      // fall through: the library's calls are used
    }
    return undefined;
  }

  /** Free the argument buffer (when the probe fails; a live engine keeps it for its lifetime). */
  private release(): void {
    this.em._free(this.scratch);
  }

  /** A round trip through every path: strings in and out (non-ASCII too), numbers, jobs, errors. */
  private selfTest(ctx: QuickJSContext): boolean {
    const probe = 'héllo € 🙂';
    const r = this.evalSource(ctx, encoder.encode('(function (s, n) { Promise.resolve().then(function () {}); return s + "|" + (n + 1); })'), 'probe.js');
    if ('error' in r) {
      r.error.dispose();
      return false;
    }
    const fn = r.value;
    try {
      const out = this.callForString(ctx, fn, [probe, 41]);
      if (out !== `${probe}|42`) {
        if (typeof out === 'object') out.error.dispose();
        return false;
      }
      const jobs = this.runJobs(ctx.runtime, ctx, 10);
      if (jobs !== 1) return false;
      // runJobs reads a count as an int JSValue: NaN-boxed, the tag word is 0 for an int and not
      // 0 for an object (an error).
      if (this.tagWord(ctx, '7') !== 0 || this.tagWord(ctx, '({})') === 0) return false;
      const thrower = ctx.evalCode('(function () { throw new TypeError("probe"); })', 'probe.js', { type: 'global' });
      if (thrower.error) {
        thrower.error.dispose();
        return false;
      }
      const error = this.call(ctx, thrower.value, []);
      thrower.value.dispose();
      if (!error) return false;
      const message = ctx.dump(error) as { message?: string } | undefined;
      error.dispose();
      return message?.message === 'probe';
    } finally {
      fn.dispose();
    }
  }

  /** The second 32-bit word of the JSValue that `code` evaluates to (undefined if it threw). */
  private tagWord(ctx: QuickJSContext, code: string): number | undefined {
    const r = this.evalSource(ctx, encoder.encode(code), 'probe.js');
    if ('error' in r) {
      r.error.dispose();
      return undefined;
    }
    try {
      return new Int32Array(this.em.HEAPU8.buffer, r.value.value as unknown as number, 2)[1];
    } finally {
      r.value.dispose();
    }
  }

  /** A new JS string in `ctx` from text without emscripten's per-character loop (0 on failure). */
  private newStringPtr(ctx: number, ffi: Ffi, text: string): number {
    const capacity = text.length * 3 + 1;
    const ptr = this.em._malloc(capacity);
    if (!ptr) return 0;
    try {
      const heap = this.em.HEAPU8;
      const { written } = encoder.encodeInto(text, heap.subarray(ptr, ptr + capacity - 1));
      heap[ptr + written] = 0;
      return ffi.QTS_NewString(ctx, ptr);
    } finally {
      this.em._free(ptr);
    }
  }

  /** ctx.newString, the fast way (text with NUL characters goes the library's way). */
  newString(ctx: QuickJSContext, text: string): QuickJSHandle {
    const i = internals(ctx);
    if (text.includes('\0')) return ctx.newString(text);
    const ptr = this.newStringPtr(i.ctx.value, i.ffi, text);
    return ptr ? i.memory.heapValueHandle(ptr) : ctx.newString(text);
  }

  /**
   * ctx.evalCode(code, filename, { type: 'global' }) with the code already encoded as UTF-8 (the
   * guest runtime's parts are encoded once per process, not once per environment).
   */
  evalSource(ctx: QuickJSContext, utf8: Uint8Array, filename: string): { value: QuickJSHandle } | { error: QuickJSHandle } {
    const i = internals(ctx);
    const c = i.ctx.value;
    const ptr = this.em._malloc(utf8.length + 1);
    if (!ptr) {
      const r = ctx.evalCode(new TextDecoder().decode(utf8), filename, { type: 'global' });
      return r.error ? { error: r.error } : { value: r.value };
    }
    let result: number;
    try {
      const heap = this.em.HEAPU8;
      heap.set(utf8, ptr);
      heap[ptr + utf8.length] = 0;
      result = i.ffi.QTS_Eval(c, ptr, utf8.length, filename, 0, 0);
    } finally {
      this.em._free(ptr);
    }
    const errorPtr = i.ffi.QTS_ResolveException(c, result);
    if (errorPtr) {
      i.ffi.QTS_FreeValuePointer(c, result);
      return { error: i.memory.heapValueHandle(errorPtr) };
    }
    return { value: i.memory.heapValueHandle(result) };
  }

  /** Call fn(...args) with `this` undefined; the result pointer or the error (a handle in ctx). */
  private invoke(ctx: QuickJSContext, fn: QuickJSHandle, args: readonly GuestArg[]): { value: number } | { error: QuickJSHandle } {
    const i = internals(ctx);
    const { ffi } = i;
    const c = i.ctx.value;
    if (args.length > MAX_ARGS) throw new Error(`GuestCalls: at most ${MAX_ARGS} arguments`);
    // Values made here are freed after the call; the library's handles (NUL in a string, or no
    // room for the UTF-8 copy) are disposed instead.
    const made: number[] = [];
    const handles: QuickJSHandle[] = [];
    const pointers: number[] = [];
    let result: number;
    try {
      for (const a of args) {
        if (typeof a === 'object') {
          pointers.push(a.value as unknown as number);
          continue;
        }
        let ptr = typeof a === 'number' ? ffi.QTS_NewFloat64(c, a) : a.includes('\0') ? 0 : this.newStringPtr(c, ffi, a);
        if (ptr) made.push(ptr);
        else {
          const h = typeof a === 'number' ? ctx.newNumber(a) : ctx.newString(a);
          handles.push(h);
          ptr = h.value as unknown as number;
        }
        pointers.push(ptr);
      }
      // The view is made last: making a value may grow the WebAssembly memory (a new buffer).
      new Uint32Array(this.em.HEAPU8.buffer, this.scratch, MAX_ARGS).set(pointers);
      result = ffi.QTS_Call(c, fn.value, this.undefinedPtr, args.length, this.scratch);
    } finally {
      for (const ptr of made) ffi.QTS_FreeValuePointer(c, ptr);
      for (const h of handles) h.dispose();
    }
    const errorPtr = ffi.QTS_ResolveException(c, result);
    if (errorPtr) {
      ffi.QTS_FreeValuePointer(c, result);
      return { error: i.memory.heapValueHandle(errorPtr) };
    }
    return { value: result };
  }

  /** Call fn(...args) and drop its result: undefined on success, else the error handle. */
  call(ctx: QuickJSContext, fn: QuickJSHandle, args: readonly GuestArg[]): QuickJSHandle | undefined {
    const r = this.invoke(ctx, fn, args);
    if ('error' in r) return r.error;
    internals(ctx).ffi.QTS_FreeValuePointer(internals(ctx).ctx.value, r.value);
    return undefined;
  }

  /** Call fn(...args) and read its result as a string (what `ctx.getString` would give). */
  callForString(ctx: QuickJSContext, fn: QuickJSHandle, args: readonly GuestArg[]): string | { error: QuickJSHandle } {
    const r = this.invoke(ctx, fn, args);
    if ('error' in r) return r;
    const i = internals(ctx);
    const c = i.ctx.value;
    try {
      const chars = i.ffi.QTS_GetString(c, r.value);
      try {
        return this.em.UTF8ToString(chars);
      } finally {
        i.ffi.QTS_FreeCString(c, chars);
      }
    } finally {
      i.ffi.QTS_FreeValuePointer(c, r.value);
    }
  }

  /**
   * runtime.executePendingJobs(max) for a runtime whose only context is `ctx`: the number of jobs
   * run, or the error a job threw (as the library, a thrown number counts as a job count).
   */
  runJobs(runtime: QuickJSRuntime, ctx: QuickJSContext, max: number): number | { error: QuickJSHandle } {
    const i = internals(ctx);
    const { ffi } = i;
    const rt = (runtime as unknown as { rt: { value: number } }).rt.value;
    const slot = this.scratch + 4 * MAX_ARGS;
    const heap32 = new Uint32Array(this.em.HEAPU8.buffer, slot, 1);
    heap32[0] = 0;
    const value = ffi.QTS_ExecutePendingJob(rt, max, slot);
    const jobContext = new Uint32Array(this.em.HEAPU8.buffer, slot, 1)[0]!;
    if (jobContext === 0) {
      ffi.QTS_FreeValuePointerRuntime(rt, value);
      return 0;
    }
    if (jobContext !== i.ctx.value) {
      // Never expected (environments have one context); let the library sort it out.
      ffi.QTS_FreeValuePointerRuntime(rt, value);
      throw new Error('GuestCalls.runJobs: a job ran in an unknown context');
    }
    // A job count is an int JSValue (NaN-boxed: tag word 0, checked by selfTest); anything else
    // (an exception, or a count QuickJS made a float) is told apart by its typeof.
    const words = new Int32Array(this.em.HEAPU8.buffer, value, 2);
    if (words[1] === 0) {
      const n = words[0]!;
      ffi.QTS_FreeValuePointer(jobContext, value);
      return n;
    }
    if (this.isNumber(jobContext, ffi, value)) {
      const n = ffi.QTS_GetFloat64(jobContext, value);
      ffi.QTS_FreeValuePointer(jobContext, value);
      return n;
    }
    return { error: i.memory.heapValueHandle(value) };
  }

  private isNumber(ctx: number, ffi: Ffi, value: number): boolean {
    const type = ffi.QTS_Typeof(ctx, value);
    try {
      const heap = this.em.HEAPU8;
      return NUMBER.every((b, k) => heap[type + k] === b);
    } finally {
      this.em._free(type);
    }
  }
}
