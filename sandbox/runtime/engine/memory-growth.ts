/**
 * The growth of an engine's WebAssembly memory, as a signal for the memory budget of the guest
 * that is running. QuickJS calls the interrupt handler (where the budget measures the heap) only
 * every 10,000 interpreter steps or so, and one step can allocate megabytes: `a.push(new
 * Array(100000).fill(1))` in a loop fills the module's whole 2 GB between two ticks. The memory
 * has to grow for that to happen, and growing cannot be missed: the module calls `grow` on its
 * WebAssembly.Memory. The listener (the running phase's budget) is told before each growth and
 * may refuse it; it may also ask for an early interrupt, by lowering the context's interrupt
 * counter, so that the heap is measured at the guest's next step instead of thousands later.
 *
 * The counter's place inside JSContext is not part of quickjs-emscripten's API: it is found once
 * per engine by `locateInterruptCounter` and checked there; when it cannot be found, only the
 * refusal works (a coarser bound).
 */
import type { QuickJSContext, QuickJSWASMModule } from 'quickjs-emscripten';

/**
 * Told before the memory grows from `currentBytes` to `newBytes`; returning false refuses the
 * growth, so the allocation that needed it fails and QuickJS throws its catchable "out of memory"
 * (emscripten first asks for 20% more, then for less).
 */
export type GrowthListener = (currentBytes: number, newBytes: number) => boolean;

const PAGE_BYTES = 65536;

/** QuickJS's JS_INTERRUPT_COUNTER_INIT: the counter's value right after it fired. */
const COUNTER_INIT = 10_000;
/** JSContext words searched for the counter. */
const CONTEXT_WORDS = 128;

/** The parts of a WebAssembly.Memory used here (the project's type libraries do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface ContextInternals {
  ctx: { value: number };
}

function contextPointer(ctx: QuickJSContext): number {
  return (ctx as unknown as ContextInternals).ctx.value;
}

/** One engine's memory, watched, and the interrupt counters of the contexts inside it. */
export class MemoryGrowth {
  /** The phase to tell about growth (the running guest's budget), if any. */
  listener: GrowthListener | undefined;
  private readonly memory: WasmMemory;
  /** u32 index of `interrupt_counter` inside JSContext, or -1. */
  private readonly counterWord: number;

  private constructor(memory: WasmMemory, counterWord: number) {
    this.memory = memory;
    this.counterWord = counterWord;
    const grow = memory.grow.bind(memory);
    // emscripten's heap resize calls `memory.grow(pages)` and treats a throw as "no more memory".
    memory.grow = (pages: number): number => {
      const listener = this.listener;
      const current = memory.buffer.byteLength;
      if (listener && !listener(current, current + pages * PAGE_BYTES)) throw new RangeError('Coldstart: the running function is over its memory budget');
      return grow(pages);
    };
  }

  /** Watch a module's memory; undefined when the module does not expose it. */
  static watch(wasm: QuickJSWASMModule): MemoryGrowth | undefined {
    let memory: Partial<WasmMemory> | undefined;
    try {
      memory = (wasm as unknown as { getWasmMemory(): Partial<WasmMemory> }).getWasmMemory();
    } catch {
      return undefined;
    }
    if (!(memory?.buffer instanceof ArrayBuffer) || typeof memory.grow !== 'function') return undefined;
    return new MemoryGrowth(memory as WasmMemory, locateInterruptCounter(wasm, memory as WasmMemory));
  }

  /** True when early interrupts can be requested (the counter was found). */
  get canInterrupt(): boolean {
    return this.counterWord >= 0;
  }

  /** Interpreter steps left before `ctx` calls the interrupt handler (-1 when unknown). */
  readCounter(ctx: QuickJSContext): number {
    if (this.counterWord < 0) return -1;
    return new Int32Array(this.memory.buffer, contextPointer(ctx), this.counterWord + 1)[this.counterWord] ?? -1;
  }

  /** Set the steps left before `ctx` calls the interrupt handler (1: at its next step). */
  writeCounter(ctx: QuickJSContext, steps: number): void {
    if (this.counterWord < 0) return;
    new Int32Array(this.memory.buffer, contextPointer(ctx), this.counterWord + 1)[this.counterWord] = steps;
  }
}

/**
 * Find `interrupt_counter` in JSContext: the word that holds COUNTER_INIT while the interrupt
 * handler runs (QuickJS resets it just before the call), and setting which to 1 makes the
 * handler run at the next step. -1 when no word passes both checks.
 */
function locateInterruptCounter(wasm: QuickJSWASMModule, memory: WasmMemory): number {
  try {
    const rt = wasm.newRuntime();
    const ctx = rt.newContext();
    try {
      const ptr = contextPointer(ctx);
      let snapshot: Int32Array | undefined;
      let calls = 0;
      rt.setInterruptHandler(() => {
        calls += 1;
        snapshot ??= new Int32Array(memory.buffer, ptr, CONTEXT_WORDS).slice();
        return false;
      });
      const spin = ctx.evalCode('(function (n) { var s = 0; for (var i = 0; i < n; i++) s += i; return s; })', 'probe.js', { type: 'global' });
      if (spin.error) {
        spin.error.dispose();
        return -1;
      }
      const run = (n: number): void => {
        const arg = ctx.newNumber(n);
        const r = ctx.callFunction(spin.value, ctx.undefined, arg);
        arg.dispose();
        if (r.error) r.error.dispose();
        else r.value.dispose();
      };
      try {
        run(3 * COUNTER_INIT);
        if (!snapshot) return -1;
        const taken = snapshot;
        for (let word = 0; word < CONTEXT_WORDS; word++) {
          if (taken[word] !== COUNTER_INIT) continue;
          const view = () => new Int32Array(memory.buffer, ptr, CONTEXT_WORDS);
          const before = calls;
          view()[word] = 1;
          run(3);
          const fired = calls === before + 1 && (view()[word] ?? 0) > COUNTER_INIT / 2;
          if (fired) return word;
        }
        return -1;
      } finally {
        spin.value.dispose();
      }
    } finally {
      ctx.dispose();
      rt.dispose();
    }
  } catch {
    return -1;
  }
}
