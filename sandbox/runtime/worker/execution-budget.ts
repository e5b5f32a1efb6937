/**
 * The virtual clock of one execution environment and the budget of the phase running on it.
 * QuickJS calls the interrupt handler after a fixed amount of interpreter work; each call is one
 * "tick" that advances the virtual clock (time-model.ts) and checks the phase's limits: the
 * virtual deadline (Lambda's timeout), the heap budget (Lambda's memory size) and a real-time cap
 * that protects the learner's computer. Returning true makes QuickJS throw "interrupted".
 */
import type { QuickJSRuntime } from 'quickjs-emscripten';
import type { GrowthListener } from '../engine/memory-growth.ts';
import { MEMORY_CHECK_EVERY_TICKS, promiseJobMs, REAL_CPU_CAP_MS, tickMs } from '../../model/time-model.ts';

/** Why the guest was stopped. */
export type StopReason = 'timeout' | 'cpu-cap' | 'memory';

/** Virtual monotonic clock (ms since the environment started), frozen between invokes. */
export class VirtualClock {
  nowMs = 0;
  /** Epoch ms that virtual time `wallAnchor` stands for (the arrival of the running request). */
  private wallBase = Date.now();
  private wallAnchor = 0;

  advance(ms: number): void {
    this.nowMs += ms;
  }

  advanceTo(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }

  /**
   * Tie the virtual clock's present to `epochMs`, once per request when it arrives: from then on
   * Date, log times and the timeout line advance with virtual time only, through INIT and INVOKE.
   */
  anchorWall(epochMs: number): void {
    this.wallBase = epochMs;
    this.wallAnchor = this.nowMs;
  }

  /** Add to a virtual time to get epoch ms. */
  wallOffset(): number {
    return this.wallBase - this.wallAnchor;
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

/** The guest side of the clock and heap, as the budget sees it. */
export interface BudgetTarget {
  /** Virtual time the guest has reached (it adds its own console-line costs). */
  readGuestClock(): number;
  writeGuestClock(ms: number): void;
  heapBytes(exact?: boolean): number;
  /** The heap's exact size, leaving heapBytes()'s estimate alone (a check REPORT never sees). */
  measureHeapQuietly(): number;
  /**
   * Engine memory its environments are known to need: its start size plus their measured heaps,
   * or what phases that ended normally grew it to, whichever is more.
   */
  engineAccountedBytes(): number;
  /** Linear memory of the engine now. */
  engineMemoryBytes(): number;
  /** A phase that grew the engine ended normally: the memory it grew to was needed. */
  engineMemoryNeeded(bytes: number): void;
  /** Be told before the engine's memory grows while a phase runs (see memory-growth.ts). */
  watchGrowth(listener: GrowthListener): void;
  unwatchGrowth(listener: GrowthListener): void;
  /** Interpreter steps left before the next tick, -1 when unknown (see memory-growth.ts). */
  readInterruptCounter(): number;
  writeInterruptCounter(steps: number): void;
}

/** Ticks between forced exact heap measurements (a backstop for what the cheap check misses). */
const EXACT_HEAP_EVERY_TICKS = 64;

/**
 * The engine's memory may grow during a phase only while, grown, it stays below what its
 * environments were known to need when the phase began plus twice the phase's heap budget plus
 * this (16 MB). Growth normally triggers an early tick that measures the heap, but a guest can
 * fill the engine's free memory (what earlier memory bombs left) in a few steps before it needs
 * growth, and one built-in call can allocate without end (JSON.parse of a huge text) where no
 * tick can interrupt it: refusing bounds both, so memory bombs do not make the engine grow bomb
 * after bomb. Twice the budget leaves room for what QuickJS's heap size leaves out (allocator
 * overhead, array capacity), so a function within its budget is not refused.
 */
const GROWTH_SLACK_BYTES = 16 * 1024 * 1024;

/** Counts ticks for the running phase and decides when to interrupt. */
export class ExecutionBudget {
  readonly clock: VirtualClock;
  private readonly target: BudgetTarget;
  private limits: PhaseLimits | undefined;
  private realStart = 0;
  private ticks = 0;
  /** While true (lazy runtime parts being compiled), ticks cost no virtual time. */
  paused = false;
  peakHeapBytes = 0;
  stopped: StopReason | undefined;
  /**
   * The guest's virtual time when a tick stopped it. Code that still runs while the interrupt
   * unwinds (catch blocks, the runtime reporting "interrupted") logs after this mark; Lambda
   * would have killed the process first, so those lines are not kept.
   */
  stopMarkMs: number | undefined;
  /** Steps that were left before the natural tick when growth asked for an early one. */
  private stepsBeforeEarlyTick: number | undefined;
  /** engineAccountedBytes() and the engine's memory when the phase began. */
  private accountedAtBegin = 0;
  private memoryAtBegin = 0;
  /** True while `stopped` comes from a refused growth that a smaller retry may still satisfy. */
  private stoppedByRefusal = false;
  /** True inside onTick: growth there comes from measuring, not from the guest. */
  private inTick = false;
  private readonly growthListener: GrowthListener = (_currentBytes, newBytes) => this.onGrowth(newBytes);

  constructor(runtime: QuickJSRuntime, target: BudgetTarget, clock: VirtualClock) {
    this.target = target;
    this.clock = clock;
    runtime.setInterruptHandler(() => this.onTick());
  }

  /** Start a phase: resets the stop reason and the real-time cap (a reused runtime must not inherit it). */
  begin(limits: PhaseLimits): void {
    this.limits = limits;
    this.stopped = undefined;
    this.stoppedByRefusal = false;
    this.stopMarkMs = undefined;
    this.realStart = performance.now();
    this.accountedAtBegin = this.target.engineAccountedBytes();
    this.memoryAtBegin = this.target.engineMemoryBytes();
    this.target.watchGrowth(this.growthListener);
  }

  /** Phase over: further ticks (there should be none) never interrupt. */
  end(): void {
    if (this.limits && !this.stopped) {
      const memory = this.target.engineMemoryBytes();
      if (memory > this.memoryAtBegin) this.target.engineMemoryNeeded(memory);
    }
    this.limits = undefined;
    this.target.unwatchGrowth(this.growthListener);
    // An early tick asked for but not reached: the counter goes back to where it was.
    if (this.stepsBeforeEarlyTick !== undefined) this.target.writeInterruptCounter(this.stepsBeforeEarlyTick);
    this.stepsBeforeEarlyTick = undefined;
  }

  get active(): boolean {
    return this.limits !== undefined;
  }

  /** Record the heap size now (called between steps as well as on ticks). */
  sampleHeap(exact = false): number {
    let bytes = this.target.heapBytes(exact);
    // An estimate over the budget is confirmed by a real measurement before anyone is killed.
    if (!exact && this.limits && bytes > this.limits.heapBudgetBytes) bytes = this.target.heapBytes(true);
    if (bytes > this.peakHeapBytes) this.peakHeapBytes = bytes;
    if (this.limits && bytes > this.limits.heapBudgetBytes && !this.stopped) this.stopped = 'memory';
    return bytes;
  }

  /** Promise jobs that fit before the deadline (at least 1 while the phase runs). */
  jobsUntilDeadline(): number {
    const limits = this.limits;
    if (!limits) return 1_000_000;
    const left = limits.deadlineMs - this.clock.nowMs;
    return Math.max(1, Math.min(1_000_000, Math.ceil(left / promiseJobMs(limits.memorySizeMB))));
  }

  /** Charge `n` promise jobs; true when the phase must stop (deadline or real-time cap). */
  chargeJobs(n: number): boolean {
    const limits = this.limits;
    if (!limits) return false;
    if (this.stopped) return true;
    this.clock.advance(n * promiseJobMs(limits.memorySizeMB));
    if (this.clock.nowMs >= limits.deadlineMs) {
      this.clock.nowMs = limits.deadlineMs;
      this.stopped = 'timeout';
      return true;
    }
    if (performance.now() - this.realStart > REAL_CPU_CAP_MS) this.stopped = 'cpu-cap';
    return this.stopped !== undefined;
  }

  /** True once the real-time safety cap has passed. */
  pastRealCap(): boolean {
    return performance.now() - this.realStart > REAL_CPU_CAP_MS;
  }

  /**
   * The engine's memory is about to grow while this phase runs (called from inside the module's
   * allocator: nothing here may call into QuickJS). Asks for an early tick, which measures the
   * heap; refuses growth beyond the backstop (see GROWTH_SLACK_BYTES).
   */
  private onGrowth(newBytes: number): boolean {
    const limits = this.limits;
    if (!limits || this.inTick) return true;
    const refuse = newBytes - this.accountedAtBegin > 2 * limits.heapBudgetBytes + GROWTH_SLACK_BYTES;
    // The allocation fails unless emscripten's smaller retry (which comes right after) is allowed.
    if (refuse && !this.stopped) {
      this.stopped = 'memory';
      this.stoppedByRefusal = true;
    } else if (!refuse && this.stoppedByRefusal) {
      this.stopped = undefined;
      this.stoppedByRefusal = false;
    }
    if (this.stepsBeforeEarlyTick === undefined) {
      const steps = this.target.readInterruptCounter();
      if (steps > 1) {
        this.stepsBeforeEarlyTick = steps;
        this.target.writeInterruptCounter(1);
      }
    }
    return !refuse;
  }

  /**
   * The early tick growth asked for: the counter gets back the steps it had (less the one just
   * taken), so natural ticks, and the virtual time they count, fall exactly where they would
   * have; only the heap is measured, and only an over-budget heap is recorded.
   */
  private onEarlyTick(steps: number, limits: PhaseLimits): boolean {
    this.stepsBeforeEarlyTick = undefined;
    this.target.writeInterruptCounter(steps - 1);
    if (!this.stopped) {
      this.inTick = true;
      try {
        const bytes = this.target.measureHeapQuietly();
        if (bytes > limits.heapBudgetBytes) {
          this.peakHeapBytes = Math.max(this.peakHeapBytes, bytes);
          this.stopped = 'memory';
        }
      } finally {
        this.inTick = false;
      }
    }
    if (!this.stopped) return false;
    this.stoppedByRefusal = false;
    this.stopMarkMs ??= this.target.readGuestClock();
    return true;
  }

  private onTick(): boolean {
    const limits = this.limits;
    const steps = this.stepsBeforeEarlyTick;
    if (steps !== undefined && limits) return this.onEarlyTick(steps, limits);
    if (!limits || this.paused) return false;
    if (this.stopped) {
      this.stoppedByRefusal = false;
      return true;
    }
    this.ticks += 1;
    const guestMs = this.target.readGuestClock();
    this.clock.advanceTo(guestMs);
    this.clock.advance(tickMs(limits.memorySizeMB));
    this.inTick = true;
    try {
      if (this.ticks % MEMORY_CHECK_EVERY_TICKS === 0) this.sampleHeap(this.ticks % EXACT_HEAP_EVERY_TICKS === 0);
    } finally {
      this.inTick = false;
    }
    if (this.stopped) {
      this.stopMarkMs = guestMs;
      return true;
    }
    if (this.clock.nowMs >= limits.deadlineMs) {
      this.clock.nowMs = limits.deadlineMs;
      this.stopped = 'timeout';
      this.stopMarkMs = guestMs;
      return true;
    }
    if (performance.now() - this.realStart > REAL_CPU_CAP_MS) {
      this.stopped = 'cpu-cap';
      this.stopMarkMs = guestMs;
      return true;
    }
    this.target.writeGuestClock(this.clock.nowMs);
    return false;
  }
}
