/**
 * The event loop of one phase, driven from the host: run promise jobs, and when nothing else can
 * happen, jump the virtual clock to the next timer and fire it. The phase ends when its outcome
 * settles, the loop runs dry, or a limit stops the guest. No real time passes while "waiting".
 */
import type { StopReason } from './execution-budget.ts';
import type { ExecutionEnvironment } from './environment.ts';

/** How a phase's loop ended. */
export type LoopEnd =
  | { kind: 'settled'; value: string }
  | { kind: 'stopped'; reason: StopReason }
  | { kind: 'exit'; code: number }
  | { kind: 'uncaught'; errorJson: string }
  | { kind: 'rejection'; errorJson: string }
  | { kind: 'empty' }
  | { kind: 'crashed'; message: string };

/**
 * Run promise jobs until none are left (or the guest is stopped). Jobs run in batches of at most
 * as many as fit before the deadline, each charged PROMISE_JOB_MS (so a chain of millions of tiny
 * jobs still times out); returns a message when a job failed for a reason other than a stop.
 */
function runJobs(env: ExecutionEnvironment): string | undefined {
  const { budget } = env;
  for (;;) {
    if (budget.stopped || env.exitCode() !== undefined) return undefined;
    const max = budget.jobsUntilDeadline();
    const n = env.runJobs(max);
    if (typeof n !== 'number') {
      budget.chargeJobs(1);
      if (n.message === 'out of memory' && !budget.stopped) budget.stopped = 'memory';
      if (budget.stopped || env.exitCode() !== undefined) return undefined;
      return n.message ?? 'unknown error';
    }
    if (n > 0 && budget.chargeJobs(n)) return undefined;
    if (n < max) return undefined;
  }
}

/**
 * Drive the phase to its end. With `untilEmpty`, ignore the settled outcome and keep firing
 * timers until the loop is empty (callback handlers with callbackWaitsForEmptyEventLoop); the
 * result is then undefined when the loop emptied.
 */
export function driveLoop(env: ExecutionEnvironment, deadlineMs: number, onEmpty?: () => void, untilEmpty = false): LoopEnd | undefined {
  const { budget } = env;
  let emptied = false;
  for (;;) {
    const crash = runJobs(env);
    const code = env.exitCode();
    if (code !== undefined) return { kind: 'exit', code };
    if (budget.stopped) return { kind: 'stopped', reason: budget.stopped };
    if (crash) return { kind: 'crashed', message: crash };
    const p = env.poll();
    if (budget.stopped) return { kind: 'stopped', reason: budget.stopped };
    // An answer that went out before the process exited stays an answer (the caller checks exitCode()).
    if (p.state === 's' && !untilEmpty) return { kind: 'settled', value: p.outcome };
    const exited = env.exitCode();
    if (exited !== undefined) return { kind: 'exit', code: exited };
    if (p.state === 'u') return { kind: 'uncaught', errorJson: p.outcome };
    if (p.state === 'r') return { kind: 'rejection', errorJson: p.outcome };
    if (budget.pastRealCap()) return { kind: 'stopped', reason: 'cpu-cap' };
    if (p.due < 0) {
      if (untilEmpty) return undefined;
      if (emptied || !onEmpty) return { kind: 'empty' };
      emptied = true;
      onEmpty();
      continue;
    }
    if (p.due >= deadlineMs) {
      env.clock.advanceTo(deadlineMs);
      return { kind: 'stopped', reason: 'timeout' };
    }
    env.clock.advanceTo(p.due);
    const failed = env.call('fire', p.due);
    if (failed && !budget.stopped && env.exitCode() === undefined) return { kind: 'crashed', message: failed.message };
  }
}
