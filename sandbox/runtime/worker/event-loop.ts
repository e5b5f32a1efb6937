/**
 * The event loop of one phase, driven from the host: run promise jobs, and when nothing else can
 * happen, jump the virtual clock to the next timer and fire it. The phase ends when its promise
 * settles, the loop runs dry, or a limit stops the guest. No real time passes while "waiting".
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten';
import { REAL_CPU_CAP_MS } from '../../model/time-model.ts';
import type { ExecutionBudget, StopReason } from './execution-budget.ts';

/** How a phase's loop ended. */
export type LoopEnd =
  | { kind: 'settled'; value: string }
  | { kind: 'stopped'; reason: StopReason }
  | { kind: 'exit'; code: number }
  | { kind: 'uncaught'; errorJson: string }
  | { kind: 'empty' }
  | { kind: 'crashed'; message: string };

/** What the loop needs from the environment. */
export interface LoopHost {
  runtime: QuickJSRuntime;
  ctx: QuickJSContext;
  budget: ExecutionBudget;
  /** Calls a method of the guest's `__coldstart` object; returns its result handle or an error. */
  callGuest(name: string, ...args: string[]): { value?: QuickJSHandle; error?: string };
  exitCode(): number | undefined;
  uncaught(): string | undefined;
}

/** Check the conditions that end a phase early, in order of precedence. */
function interruption(host: LoopHost, realStart: number): LoopEnd | undefined {
  const code = host.exitCode();
  if (code !== undefined) return { kind: 'exit', code };
  if (host.budget.stopped) return { kind: 'stopped', reason: host.budget.stopped };
  const err = host.uncaught();
  if (err) return { kind: 'uncaught', errorJson: err };
  if (performance.now() - realStart > REAL_CPU_CAP_MS) return { kind: 'stopped', reason: 'cpu-cap' };
  return undefined;
}

/** Run promise jobs one at a time until none are left (or the guest is stopped). */
function runJobs(host: LoopHost): string | undefined {
  while (host.runtime.hasPendingJob()) {
    // One job per call, so each job moves the virtual clock (see PROMISE_JOB_MS_AT_ONE_VCPU).
    if (host.budget.chargeJob()) return undefined;
    const r = host.runtime.executePendingJobs(1);
    if (r.error) {
      // An interrupted or out-of-memory job surfaces here (or only as a rejected promise).
      const dumped = host.ctx.dump(r.error) as { message?: string } | undefined;
      r.error.dispose();
      if (dumped?.message === 'out of memory' && !host.budget.stopped) host.budget.stopped = 'memory';
      if (host.budget.stopped || host.exitCode() !== undefined) return undefined;
      return dumped?.message ?? 'unknown error';
    }
    if (host.budget.stopped || host.exitCode() !== undefined) return undefined;
  }
  return undefined;
}

function numberResult(host: LoopHost, name: string): number {
  const r = host.callGuest(name);
  if (!r.value) return -1;
  const n = host.ctx.getNumber(r.value);
  r.value.dispose();
  return n;
}

/**
 * Drive `promise` to the end of the phase. With `drainAfterSettle`, keep running timers after it
 * settles until the loop is empty (callback handlers with callbackWaitsForEmptyEventLoop).
 */
export function driveLoop(host: LoopHost, promise: QuickJSHandle, deadlineMs: number, onEmpty?: () => void): LoopEnd {
  const realStart = performance.now();
  let emptied = false;
  for (;;) {
    const crash = runJobs(host);
    const stop = interruption(host, realStart);
    if (stop) return stop;
    if (crash) return { kind: 'crashed', message: crash };
    const state = host.ctx.getPromiseState(promise);
    if (state.type === 'fulfilled') {
      const value = host.ctx.getString(state.value);
      state.value.dispose();
      return { kind: 'settled', value };
    }
    if (state.type === 'rejected') {
      const dumped = host.ctx.dump(state.error) as { message?: string } | undefined;
      state.error.dispose();
      return { kind: 'crashed', message: dumped?.message ?? String(dumped) };
    }
    const due = numberResult(host, 'nextTimerDue');
    if (due < 0) {
      if (emptied || !onEmpty) return { kind: 'empty' };
      emptied = true;
      onEmpty();
      continue;
    }
    if (due >= deadlineMs) {
      host.budget.clock.advanceTo(deadlineMs);
      return { kind: 'stopped', reason: 'timeout' };
    }
    host.budget.clock.advanceTo(due);
    const fired = host.callGuest('runNextTimer');
    fired.value?.dispose();
    if (fired.error && !host.budget.stopped && host.exitCode() === undefined) return { kind: 'crashed', message: fired.error };
  }
}

/** Keep firing timers until none are left, for callbackWaitsForEmptyEventLoop. */
export function drainTimers(host: LoopHost, deadlineMs: number): LoopEnd | undefined {
  const realStart = performance.now();
  for (;;) {
    runJobs(host);
    const stop = interruption(host, realStart);
    if (stop) return stop;
    const due = numberResult(host, 'nextTimerDue');
    if (due < 0) return undefined;
    if (due >= deadlineMs) {
      host.budget.clock.advanceTo(deadlineMs);
      return { kind: 'stopped', reason: 'timeout' };
    }
    host.budget.clock.advanceTo(due);
    const fired = host.callGuest('runNextTimer');
    fired.value?.dispose();
  }
}
