/**
 * The virtual clock of one execution environment and the budget of the phase running on it.
 * QuickJS calls the interrupt handler after a fixed amount of interpreter work; each call is one
 * "tick" that advances the virtual clock (time-model.ts) and checks the phase's limits: the
 * virtual deadline (Lambda's timeout), the heap budget (Lambda's memory size) and a real-time cap
 * that protects the learner's computer. Returning true makes QuickJS throw "interrupted".
 */
import type { QuickJSContext, QuickJSRuntime } from 'quickjs-emscripten';
import { MEMORY_CHECK_EVERY_TICKS, promiseJobMs, REAL_CPU_CAP_MS, tickMs } from '../../model/time-model.ts';

/** Why the guest was stopped. */
export type StopReason = 'timeout' | 'cpu-cap' | 'memory';

/** Reads the heap size of a QuickJS runtime (memory_used_size, in bytes). */
export function heapBytes(runtime: QuickJSRuntime, ctx: QuickJSContext): number {
  // The usage object is a plain JS value of this runtime, readable from any of its contexts.
  const handle = runtime.computeMemoryUsage();
  try {
    const used = ctx.getProp(handle, 'memory_used_size');
    const n = ctx.getNumber(used);
    used.dispose();
    return n;
  } finally {
    handle.dispose();
  }
}

/** Virtual monotonic clock (ms since the environment started), frozen between invokes. */
export class VirtualClock {
  nowMs = 0;
  /** Real epoch ms that virtual time 0 of the current invoke maps to, for Date and log times. */
  private wallBase = Date.now();
  private wallAnchor = 0;

  advance(ms: number): void {
    this.nowMs += ms;
  }

  advanceTo(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }

  /** Re-anchor the virtual wall clock to the real one (at the start of each phase). */
  anchorWall(): void {
    this.wallBase = Date.now();
    this.wallAnchor = this.nowMs;
  }

  wallNow(): number {
    return this.wallBase + (this.nowMs - this.wallAnchor);
  }
}

/** Limits of one phase (INIT or one INVOKE). */
export interface PhaseLimits {
  /** Virtual time at which the phase times out. */
  deadlineMs: number;
  /** Heap bytes beyond which the function is out of memory. */
  heapBudgetBytes: number;
  memorySizeMB: number;
}

/** Counts ticks for the running phase and decides when to interrupt. */
export class ExecutionBudget {
  readonly clock: VirtualClock;
  private readonly runtime: QuickJSRuntime;
  private readonly ctx: QuickJSContext;
  private limits: PhaseLimits | undefined;
  private realStart = 0;
  private ticks = 0;
  peakHeapBytes = 0;
  stopped: StopReason | undefined;

  constructor(runtime: QuickJSRuntime, ctx: QuickJSContext, clock: VirtualClock) {
    this.runtime = runtime;
    this.ctx = ctx;
    this.clock = clock;
    runtime.setInterruptHandler(() => this.onTick());
  }

  /** Start a phase: resets the stop reason and the real-time cap (a reused runtime must not inherit it). */
  begin(limits: PhaseLimits): void {
    this.limits = limits;
    this.stopped = undefined;
    this.realStart = performance.now();
    this.clock.anchorWall();
  }

  /** Phase over: further ticks (there should be none) never interrupt. */
  end(): void {
    this.limits = undefined;
  }

  /** Record the heap size now (called between steps as well as on ticks). */
  sampleHeap(): number {
    const bytes = heapBytes(this.runtime, this.ctx);
    if (bytes > this.peakHeapBytes) this.peakHeapBytes = bytes;
    if (this.limits && bytes > this.limits.heapBudgetBytes && !this.stopped) this.stopped = 'memory';
    return bytes;
  }

  /** True once the virtual clock has passed the deadline. */
  pastDeadline(): boolean {
    return this.limits !== undefined && this.clock.nowMs >= this.limits.deadlineMs;
  }

  /** Charge one promise job; true when the phase must stop (deadline or real-time cap). */
  chargeJob(): boolean {
    const limits = this.limits;
    if (!limits) return false;
    if (this.stopped) return true;
    this.clock.advance(promiseJobMs(limits.memorySizeMB));
    if (this.clock.nowMs >= limits.deadlineMs) {
      this.clock.nowMs = limits.deadlineMs;
      this.stopped = 'timeout';
      return true;
    }
    if (performance.now() - this.realStart > REAL_CPU_CAP_MS) this.stopped = 'cpu-cap';
    return this.stopped !== undefined;
  }

  private onTick(): boolean {
    const limits = this.limits;
    if (!limits) return false;
    if (this.stopped) return true;
    this.ticks += 1;
    this.clock.advance(tickMs(limits.memorySizeMB));
    if (this.ticks % MEMORY_CHECK_EVERY_TICKS === 0) this.sampleHeap();
    if (this.stopped) return true;
    if (this.clock.nowMs >= limits.deadlineMs) {
      this.clock.nowMs = limits.deadlineMs;
      this.stopped = 'timeout';
      return true;
    }
    if (performance.now() - this.realStart > REAL_CPU_CAP_MS) {
      this.stopped = 'cpu-cap';
      return true;
    }
    return false;
  }
}
