/**
 * A discrete-event scheduler over virtual time: work is queued at a virtual instant and runs in time
 * order (ties in the order they were queued), so the same scenario always gives the same trace.
 * Nothing waits on the wall clock.
 */

/** A queued piece of work. */
interface Job {
  atMs: number;
  seq: number;
  label: string;
  run: () => void;
}

/** The virtual clock plus its queue of future work. */
export class VirtualScheduler {
  private current: number;
  private seq = 0;
  private jobs: Job[] = [];

  /** @param startMs virtual time to start at, ms since the epoch. */
  constructor(startMs: number) {
    this.current = startMs;
  }

  /** Virtual now, ms since the epoch. */
  now(): number {
    return this.current;
  }

  /** Queue `run` at virtual time `atMs` (never before now). */
  at(atMs: number, label: string, run: () => void): void {
    const job: Job = { atMs: Math.max(atMs, this.current), seq: this.seq++, label, run };
    // Keep the queue sorted: insert after every job due at or before this one.
    let i = this.jobs.length;
    while (i > 0 && this.jobs[i - 1]!.atMs > job.atMs) i--;
    this.jobs.splice(i, 0, job);
  }

  /** Queue `run` `delayMs` after now. */
  after(delayMs: number, label: string, run: () => void): void {
    this.at(this.current + delayMs, label, run);
  }

  /** Time of the next queued job, or undefined when nothing is queued. */
  nextAt(): number | undefined {
    return this.jobs[0]?.atMs;
  }

  /** Jobs still queued. */
  get pending(): number {
    return this.jobs.length;
  }

  /**
   * Run every job due up to `untilMs` (inclusive), then set the clock to `untilMs`. Stops early after
   * `maxJobs` jobs (a guard against loops that never settle) and returns how many ran.
   */
  runUntil(untilMs: number, maxJobs = 100_000): number {
    let ran = 0;
    while (this.jobs.length > 0 && this.jobs[0]!.atMs <= untilMs && ran < maxJobs) {
      const job = this.jobs.shift()!;
      this.current = job.atMs;
      job.run();
      ran++;
    }
    if (ran < maxJobs) this.current = Math.max(this.current, untilMs);
    return ran;
  }

  /** Move the clock forward to `ms` without running anything (used while a handler runs). */
  advanceTo(ms: number): void {
    this.current = Math.max(this.current, ms);
  }
}
