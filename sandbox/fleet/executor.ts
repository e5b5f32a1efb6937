/**
 * Runs one invocation of the fleet on one environment: for real in that environment's QuickJS
 * runtime through EnvironmentPool (its own globals, its own INIT), or, when the run is sampled
 * or the host's cap of live real environments is reached, extrapolated from the real ones.
 *
 * Extrapolation draws (with the run's seeded generator) a duration and outcome from the real warm
 * invocations seen so far, and an INIT duration from the real cold starts; before any real sample
 * exists it falls back on the time model's estimate (runtime start + code load; invoke overhead).
 */
import type { FunctionConfig, InvocationStatus, SourceFile } from '../invocation/record.ts';
import { billedDurationMs } from '../model/billing.ts';
import { invokeOverheadMs, roundMs, runtimeInitMs } from '../model/time-model.ts';
import { deploymentHash } from '../runtime/deployment.ts';
import type { EnvironmentPool } from '../runtime/environment-pool.ts';
import type { Random } from './rng.ts';
import { seededRequestId } from './rng.ts';

/** Most samples of each kind kept for extrapolation (the first ones; deterministic). */
const MAX_SAMPLES = 4_096;

/** What one invocation did, in virtual ms. */
export interface Outcome {
  /** Request id (real invocations only; extrapolated ones never reach a handler). */
  requestId: string;
  /** INIT ran as part of this request (cold start seen by the caller). */
  cold: boolean;
  /** INIT duration of this invoke (also set for a provisioned environment's hidden INIT). */
  initDurationMs: number;
  durationMs: number;
  /** Billed Duration (INIT included on on-demand cold starts; never for provisioned ones). */
  billedMs: number;
  ok: boolean;
  status: InvocationStatus;
  errorType?: string;
  /** Response payload (real invocations only). */
  payload?: string;
  real: boolean;
}

interface DurationSample {
  durationMs: number;
  ok: boolean;
  status: InvocationStatus;
  errorType?: string;
}

/** The environment as the executor needs it. */
export interface ExecEnvironment {
  key: string;
  real: boolean;
  provisioned: boolean;
  /** INIT has run (for provisioned environments: counted as done before t = 0). */
  initialized: boolean;
}

export class Executor {
  private readonly hash: string;
  private readonly codeBytes: number;
  private readonly warm: DurationSample[] = [];
  private readonly coldRuns: DurationSample[] = [];
  private readonly inits: number[] = [];
  /** Real invocations executed. */
  executed = 0;
  extrapolated = 0;
  /** Real cold starts that happened on an environment the simulation thought warm (after a crash). */
  reinitialised = 0;

  private readonly pool: EnvironmentPool;
  private readonly files: SourceFile[];
  private readonly config: FunctionConfig;
  private readonly random: Random;
  /** Most real invocations (Infinity in exact mode). */
  readonly budget: number;

  constructor(pool: EnvironmentPool, files: SourceFile[], config: FunctionConfig, random: Random, budget: number) {
    this.pool = pool;
    this.files = files;
    this.config = config;
    this.random = random;
    this.budget = budget;
    this.hash = deploymentHash({ files, config });
    this.codeBytes = files.reduce((n, f) => n + f.code.length, 0);
  }

  /** True when a new invocation may still run for real. */
  get canRunReal(): boolean {
    return this.executed < this.budget;
  }

  /** Run the event on `env` (built only if the handler really runs); marks it initialised. */
  invoke(env: ExecEnvironment, event: string | (() => string)): Outcome {
    const json = () => (typeof event === 'string' ? event : event());
    if (env.real && this.canRunReal) return this.invokeReal(env, json(), seededRequestId(this.random));
    return this.extrapolate(env, typeof event === 'string' ? event.length : 1024, '');
  }

  private invokeReal(env: ExecEnvironment, eventJson: string, requestId: string): Outcome {
    const record = this.pool.invokeSync({ key: env.key, config: this.config, files: this.files, eventJson, hash: this.hash, requestId });
    this.executed++;
    const r = record.report;
    const init = r.initDurationMs ?? 0;
    if (record.coldStart && env.initialized && !env.provisioned) this.reinitialised++;
    const sample: DurationSample = { durationMs: r.durationMs, ok: record.ok, status: r.status };
    if (!record.ok) sample.errorType = record.error.errorType;
    if (record.coldStart) {
      if (this.inits.length < MAX_SAMPLES) this.inits.push(init);
      if (this.coldRuns.length < MAX_SAMPLES) this.coldRuns.push(sample);
    } else if (this.warm.length < MAX_SAMPLES) this.warm.push(sample);
    // A provisioned environment's INIT happened before t = 0: hidden from latency and billing.
    const hiddenInit = env.provisioned && !env.initialized;
    env.initialized = true;
    const cold = record.coldStart && !hiddenInit;
    const outcome: Outcome = {
      requestId,
      cold,
      initDurationMs: init,
      durationMs: r.durationMs,
      billedMs: hiddenInit ? billedDurationMs(r.durationMs) : r.billedDurationMs,
      ok: record.ok,
      status: r.status,
      payload: record.ok ? record.result : JSON.stringify(record.error),
      real: true,
    };
    if (!record.ok) outcome.errorType = record.error.errorType;
    return outcome;
  }

  private extrapolate(env: ExecEnvironment, eventBytes: number, requestId: string): Outcome {
    this.extrapolated++;
    const cold = !env.initialized && !env.provisioned;
    const init = env.initialized ? 0 : this.pickInit();
    env.initialized = true;
    const sample = this.pickDuration(eventBytes);
    const outcome: Outcome = {
      requestId,
      cold,
      initDurationMs: init,
      durationMs: sample.durationMs,
      billedMs: billedDurationMs(sample.durationMs, cold ? init : undefined),
      ok: sample.ok,
      status: sample.status,
      real: false,
    };
    if (sample.errorType !== undefined) outcome.errorType = sample.errorType;
    return outcome;
  }

  /** An INIT duration: a real one drawn at random, or the model's estimate. */
  pickInit(): number {
    if (this.inits.length > 0) return this.inits[Math.floor(this.random() * this.inits.length)]!;
    return roundMs(runtimeInitMs(this.config.memorySizeMB, this.codeBytes));
  }

  private pickDuration(eventBytes: number): DurationSample {
    const from = this.warm.length > 0 ? this.warm : this.coldRuns;
    if (from.length > 0) return from[Math.floor(this.random() * from.length)]!;
    return { durationMs: roundMs(invokeOverheadMs(this.config.memorySizeMB, eventBytes)), ok: true, status: 'success' };
  }

  /** Counts of the samples extrapolation drew from. */
  sampleCounts(): { warm: number; cold: number } {
    return { warm: this.warm.length, cold: this.coldRuns.length };
  }
}
