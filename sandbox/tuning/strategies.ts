/**
 * How the best memory size is picked, as the open-source AWS Lambda Power Tuning tool does it
 * (https://github.com/alexcasalboni/aws-lambda-power-tuning, lambda/analyzer.js and
 * README-INPUT-OUTPUT.md, "strategy" and "balancedWeight"):
 * - cost: the lowest average cost per invocation; on a tie, the faster one.
 * - speed: the lowest average duration; on a tie, the cheaper one.
 * - balanced: the lowest `w * cost / maxCost + (1 - w) * duration / maxDuration`, where the maxima
 *   are over all sizes tried and w = balancedWeight (0 is the speed strategy, 1 the cost strategy).
 * The tool prices only the billed duration (ceil(ms) x price per ms at that size); so do we when
 * ranking: the $0.20 per 1M request charge is the same at every size and would only flatten the
 * balanced strategy's cost term.
 */
import { PRICE_PER_REQUEST_USD } from '../facts/pricing.ts';
import type { TuningStrategy } from './tuning-options.ts';

/** What a strategy looks at for one size. */
export interface Candidate {
  memorySizeMB: number;
  avgDurationMs: number;
  /** Average cost per invocation, request charge included. */
  avgCostUsd: number;
}

/** The chosen size and a sentence saying why. */
export interface Pick {
  memorySizeMB: number;
  reason: string;
}

const durationCost = (c: Candidate) => Math.max(0, c.avgCostUsd - PRICE_PER_REQUEST_USD);

/** The balanced score (lower is better) of each candidate, in order. */
export function balancedScores(candidates: readonly Candidate[], weight: number): number[] {
  const maxCost = Math.max(...candidates.map(durationCost));
  const maxDuration = Math.max(...candidates.map((c) => c.avgDurationMs));
  // A zero maximum means every size is equal on that axis: it then decides nothing.
  return candidates.map(
    (c) =>
      weight * (maxCost > 0 ? durationCost(c) / maxCost : 0) +
      (1 - weight) * (maxDuration > 0 ? c.avgDurationMs / maxDuration : 0),
  );
}

function fmtMs(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}

function fmtUsd(usd: number): string {
  return `$${(usd * 1e6).toFixed(4)} per 1M invocations`;
}

/**
 * The best candidate for `strategy`, or undefined when there are none. Candidates with errors
 * must be left out by the caller (the tool stops on any function error).
 */
export function pickBest(candidates: readonly Candidate[], strategy: TuningStrategy, weight: number): Pick | undefined {
  if (candidates.length === 0) return undefined;
  const indexed = candidates.map((c, i) => ({ c, i }));
  if (strategy === 'cost') {
    indexed.sort((a, b) => durationCost(a.c) - durationCost(b.c) || a.c.avgDurationMs - b.c.avgDurationMs || a.i - b.i);
    const best = indexed[0]!.c;
    return {
      memorySizeMB: best.memorySizeMB,
      reason: `cheapest on average: ${fmtUsd(best.avgCostUsd)} (${fmtMs(best.avgDurationMs)} each)`,
    };
  }
  if (strategy === 'speed') {
    indexed.sort((a, b) => a.c.avgDurationMs - b.c.avgDurationMs || durationCost(a.c) - durationCost(b.c) || a.i - b.i);
    const best = indexed[0]!.c;
    return {
      memorySizeMB: best.memorySizeMB,
      reason: `fastest on average: ${fmtMs(best.avgDurationMs)} (${fmtUsd(best.avgCostUsd)})`,
    };
  }
  const scores = balancedScores(candidates, weight);
  indexed.sort((a, b) => scores[a.i]! - scores[b.i]! || a.i - b.i);
  const { c: best, i } = indexed[0]!;
  return {
    memorySizeMB: best.memorySizeMB,
    reason: `lowest weighted score ${scores[i]!.toFixed(3)} = ${weight} x cost / max cost + ${Number((1 - weight).toFixed(6))} x duration / max duration (${fmtMs(best.avgDurationMs)}, ${fmtUsd(best.avgCostUsd)})`,
  };
}
