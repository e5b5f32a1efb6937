/**
 * Power tuning: runs the learner's handler for real at each memory size (a cold start, then warm
 * invocations in the same environment) and reports duration and cost per size with the pick of
 * the cost, speed or balanced strategy (./strategies.ts). Durations come from the deterministic
 * time model, so a CPU-bound handler speeds up with memory until 1,769 MB (one vCPU) and no
 * further for single-threaded code, as ../model/time-model.ts says.
 *
 * Averages are over the warm invocations only; the cold start is reported apart (`coldStart`).
 * The tool discards the top and bottom 20% of durations to keep cold starts out of its averages;
 * excluding the one cold start explicitly does the same job without hiding anything.
 */
import { MAX_VCPUS, MEMORY_MB_PER_VCPU } from '../facts/limits.ts';
import type { FunctionConfig, InvocationRecord } from '../invocation/record.ts';
import { cpuShare } from '../model/time-model.ts';
import { createLambdaHost } from '../runtime/lambda-host.ts';
import { pickBest, type Pick } from './strategies.ts';
import { parseTuneOptions, type TunePowerOptions, type TuningStrategy } from './tuning-options.ts';

/** The cold start of one size, measured apart from the averages. */
export interface ColdStartSample {
  initDurationMs: number | null;
  durationMs: number;
  /** Duration + Init Duration, rounded up to 1 ms (INIT is billed since Aug 2025). */
  billedMs: number;
  costUsd: number;
}

/** Results for one memory size. */
export interface SizeResult {
  memorySizeMB: number;
  /** CPU share one thread gets in the time model: memory / 1,769 MB, at most 1. */
  cpuShare: number;
  /** vCPUs Lambda allocates at this size: memory / 1,769 MB, at most 6. */
  vcpus: number;
  /** Warm invocations averaged. */
  invocations: number;
  /** Mean Duration of the warm invocations, ms. */
  avgDurationMs: number;
  /** 90th percentile (nearest rank) of the warm durations, ms. */
  p90DurationMs: number;
  avgBilledMs: number;
  /** Mean cost of one warm invocation in USD: one request plus its billed GB-s, no free tier. */
  avgCostUsd: number;
  costPerMillionUsd: number;
  /** Failed invocations at this size, cold start included; such a size is never picked. */
  errors: number;
  /** The first failure, when there was one. */
  firstError: { errorType: string; errorMessage: string } | null;
  coldStart: ColdStartSample | null;
}

/** The outcome of a tuning run. */
export interface TuneResult {
  strategy: TuningStrategy;
  balancedWeight: number;
  architecture: FunctionConfig['architecture'];
  invocationsPerSize: number;
  /** What the averages cover: the warm invocations; each size's cold start is in `coldStart`. */
  averaged: 'warm';
  results: SizeResult[];
  /** The pick; null when every size failed. */
  best: Pick | null;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarize(memorySizeMB: number, cold: InvocationRecord, warm: readonly InvocationRecord[]): SizeResult {
  const failed = [cold, ...warm].filter((r) => !r.ok);
  const first = failed[0];
  const durations = warm.map((r) => r.report.durationMs);
  const avgCostUsd = mean(warm.map((r) => r.costUsd));
  return {
    memorySizeMB,
    cpuShare: Number(cpuShare(memorySizeMB).toFixed(4)),
    vcpus: Number(Math.min(MAX_VCPUS, memorySizeMB / MEMORY_MB_PER_VCPU).toFixed(2)),
    invocations: warm.length,
    avgDurationMs: Number(mean(durations).toFixed(2)),
    p90DurationMs: percentile(durations, 90),
    avgBilledMs: Number(mean(warm.map((r) => r.report.billedDurationMs)).toFixed(2)),
    avgCostUsd,
    costPerMillionUsd: avgCostUsd * 1e6,
    errors: failed.length,
    firstError:
      first && !first.ok ? { errorType: first.error.errorType, errorMessage: first.error.errorMessage } : null,
    coldStart: cold.coldStart
      ? {
          initDurationMs: cold.report.initDurationMs ?? null,
          durationMs: cold.report.durationMs,
          billedMs: cold.report.billedDurationMs,
          costUsd: cold.costUsd,
        }
      : null,
  };
}

let runCounter = 0;

/**
 * Tune a handler's memory size.
 * @throws TuningInputError when an option is refused (e.g. a memory size below 128 MB).
 */
export async function tunePower(options: TunePowerOptions): Promise<TuneResult> {
  const o = parseTuneOptions({
    memorySizes: options.memorySizes,
    invocationsPerSize: options.invocationsPerSize,
    strategy: options.strategy,
    balancedWeight: options.balancedWeight,
    architecture: options.architecture,
    runtime: options.runtime,
    timeoutSeconds: options.timeoutSeconds,
    environment: options.environment,
  });
  const host = options.host ?? createLambdaHost();
  const run = `tune-${process.pid}-${++runCounter}`;
  const results: SizeResult[] = [];
  try {
    for (const memorySizeMB of o.memorySizes) {
      const config: FunctionConfig = {
        functionName: options.functionName ?? 'power-tuning',
        handler: options.handler,
        runtime: o.runtime,
        architecture: o.architecture,
        memorySizeMB,
        timeoutSeconds: o.timeoutSeconds,
        environment: o.environment,
      };
      // One environment per size, as the tool's one alias per power value: cold first, then warm.
      const invoke = (forceColdStart: boolean) =>
        host.invoke({
          environmentKey: `${run}/${memorySizeMB}`,
          files: options.files,
          config,
          eventJson: options.eventJson,
          forceColdStart,
        });
      const cold = await invoke(true);
      const warm: InvocationRecord[] = [];
      for (let i = 0; i < o.invocationsPerSize; i++) warm.push(await invoke(false));
      results.push(summarize(memorySizeMB, cold, warm));
    }
  } finally {
    if (!options.host) await host.dispose();
  }
  const eligible = results.filter((r) => r.errors === 0);
  const best = pickBest(eligible, o.strategy, o.balancedWeight) ?? null;
  return {
    strategy: o.strategy,
    balancedWeight: o.balancedWeight,
    architecture: o.architecture,
    invocationsPerSize: o.invocationsPerSize,
    averaged: 'warm',
    results,
    best,
  };
}
