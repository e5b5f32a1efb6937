/**
 * The fleet's execution environments over virtual time: which are idle (provisioned ones are
 * used first, then the most recently used on-demand one, so the least recently used ones idle
 * out and are reaped), which are busy, and each one's timeline for the UI.
 */
import type { EnvironmentTimeline } from './fleet-types.ts';
import type { ExecEnvironment } from './executor.ts';

/** Busy intervals kept per environment in its timeline. */
export const MAX_BUSY_INTERVALS = 1_000;

export interface FleetEnvironment extends ExecEnvironment {
  id: string;
  state: 'idle' | 'busy' | 'reaped';
  createdAtMs: number;
  initDurationMs: number;
  /** Bumped each time it becomes idle, to recognise stale entries in the idle stacks. */
  idleSeq: number;
  idleSinceMs: number;
  invocations: number;
  /** A reap check is scheduled (at most one per environment, so the event queue stays small). */
  reapPending: boolean;
  reapedAtMs?: number;
  lastPayload?: string;
  timeline?: EnvironmentTimeline;
}

interface IdleEntry {
  env: FleetEnvironment;
  seq: number;
}

export class Fleet {
  readonly all: FleetEnvironment[] = [];
  private readonly idleProvisioned: IdleEntry[] = [];
  private readonly idleOnDemand: IdleEntry[] = [];
  busy = 0;
  provisionedBusy = 0;
  maxBusy = 0;
  liveReal = 0;
  private onDemandCount = 0;
  /** Timelines are kept while at most this many environments exist. */
  private readonly maxTimelines: number;
  timelinesDropped = false;

  constructor(maxTimelines: number) {
    this.maxTimelines = maxTimelines;
  }

  /** Create an environment (busy at once unless provisioned; provisioned ones start idle). */
  create(atMs: number, provisioned: boolean, real: boolean): FleetEnvironment {
    const id = provisioned ? `pc-${this.all.length + 1}` : `env-${++this.onDemandCount}`;
    const env: FleetEnvironment = {
      id,
      key: id,
      real,
      provisioned,
      initialized: false,
      state: 'idle',
      createdAtMs: atMs,
      initDurationMs: 0,
      idleSeq: 0,
      idleSinceMs: atMs,
      invocations: 0,
      reapPending: false,
    };
    this.all.push(env);
    if (real) this.liveReal++;
    if (this.all.length > this.maxTimelines && !this.timelinesDropped) {
      this.timelinesDropped = true;
      for (const e of this.all) delete e.timeline;
    }
    if (!this.timelinesDropped)
      env.timeline = { id, provisioned, real, createdAtMs: atMs, initDurationMs: 0, busy: [], busyDropped: 0, idle: [], invocations: 0 };
    if (provisioned) this.pushIdle(env, atMs);
    return env;
  }

  /** An idle environment to reuse, or undefined. */
  takeIdle(): FleetEnvironment | undefined {
    return popValid(this.idleProvisioned) ?? popValid(this.idleOnDemand);
  }

  /** Mark busy from `startMs` to `endMs`. */
  markBusy(env: FleetEnvironment, startMs: number, endMs: number, cold: boolean, ok: boolean): void {
    const t = env.timeline;
    if (t) {
      if ((env.invocations > 0 || env.provisioned) && startMs > env.idleSinceMs) t.idle.push({ startMs: env.idleSinceMs, endMs: startMs });
      if (t.busy.length < MAX_BUSY_INTERVALS) t.busy.push({ startMs, endMs, cold, ok });
      else t.busyDropped++;
    }
    env.state = 'busy';
    env.invocations++;
    this.busy++;
    if (env.provisioned) this.provisionedBusy++;
    if (this.busy > this.maxBusy) this.maxBusy = this.busy;
  }

  /** The environment finished at `atMs` and waits for the next request. */
  release(env: FleetEnvironment, atMs: number): void {
    this.busy--;
    if (env.provisioned) this.provisionedBusy--;
    this.pushIdle(env, atMs);
  }

  private pushIdle(env: FleetEnvironment, atMs: number): void {
    env.state = 'idle';
    env.idleSinceMs = atMs;
    env.idleSeq++;
    (env.provisioned ? this.idleProvisioned : this.idleOnDemand).push({ env, seq: env.idleSeq });
  }

  /**
   * A reap check at `atMs`: shut the environment down if it has idled for `idleMs`. Returns
   * 'reaped', or the time of the next check (an environment reused since is checked again when
   * its current idle period would end), or undefined when it is busy (checked after it finishes).
   */
  reapCheck(env: FleetEnvironment, atMs: number, idleMs: number): 'reaped' | number | undefined {
    env.reapPending = false;
    if (env.state !== 'idle') return undefined;
    const due = env.idleSinceMs + idleMs;
    if (due > atMs) {
      env.reapPending = true;
      return due;
    }
    env.state = 'reaped';
    env.reapedAtMs = atMs;
    if (env.real) this.liveReal--;
    const t = env.timeline;
    if (t) {
      if (atMs > env.idleSinceMs) t.idle.push({ startMs: env.idleSinceMs, endMs: atMs });
      t.reapedAtMs = atMs;
    }
    return 'reaped';
  }

  /** Timelines of every environment (closing idle gaps at `endMs`), or undefined when dropped. */
  timelines(endMs: number): EnvironmentTimeline[] | undefined {
    if (this.timelinesDropped) return undefined;
    return this.all.map((env) => {
      const t = env.timeline!;
      if (env.state === 'idle' && endMs > env.idleSinceMs) t.idle.push({ startMs: env.idleSinceMs, endMs });
      t.invocations = env.invocations;
      t.initDurationMs = env.initDurationMs;
      if (env.lastPayload !== undefined) t.lastPayload = env.lastPayload;
      return t;
    });
  }
}

function popValid(stack: IdleEntry[]): FleetEnvironment | undefined {
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.env.state === 'idle' && e.env.idleSeq === e.seq) return e.env;
  }
  return undefined;
}
