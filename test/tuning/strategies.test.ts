/**
 * The three strategies of the AWS Lambda Power Tuning tool (lambda/analyzer.js and
 * README-INPUT-OUTPUT.md in alexcasalboni/aws-lambda-power-tuning): cost = cheapest, ties to the
 * faster; speed = fastest, ties to the cheaper; balanced = min w*cost/maxCost + (1-w)*duration/maxDuration.
 */
import { describe, expect, it } from 'vitest';
import { PRICE_PER_REQUEST_USD } from '../../sandbox/facts/pricing.ts';
import { balancedScores, pickBest, type Candidate } from '../../sandbox/tuning/index.ts';

/** A candidate whose duration cost is `durationUsd` (the request charge is added, as records have it). */
const c = (memorySizeMB: number, avgDurationMs: number, durationUsd: number): Candidate => ({
  memorySizeMB,
  avgDurationMs,
  avgCostUsd: durationUsd + PRICE_PER_REQUEST_USD,
});

describe('pickBest', () => {
  it('cost: the cheapest; on a tie, the faster', () => {
    const picked = pickBest([c(128, 40, 2e-6), c(256, 20, 2e-6), c(512, 10, 3e-6)], 'cost', 0.5);
    expect(picked?.memorySizeMB).toBe(256);
  });

  it('speed: the fastest; on a tie, the cheaper', () => {
    const picked = pickBest([c(1769, 10, 3e-6), c(3008, 10, 5e-6), c(512, 30, 1e-6)], 'speed', 0.5);
    expect(picked?.memorySizeMB).toBe(1769);
  });

  it('balanced: the lowest weighted sum of cost and duration, each over its maximum', () => {
    const candidates = [c(128, 100, 1e-6), c(1024, 20, 2e-6), c(3008, 10, 4e-6)];
    // w = 0.5: 128 -> 0.5*0.25 + 0.5*1 = 0.625; 1024 -> 0.25 + 0.1 = 0.35; 3008 -> 0.5 + 0.05 = 0.55.
    expect(balancedScores(candidates, 0.5).map((s) => Number(s.toFixed(6)))).toEqual([0.625, 0.35, 0.55]);
    expect(pickBest(candidates, 'balanced', 0.5)?.memorySizeMB).toBe(1024);
    expect(pickBest(candidates, 'balanced', 0)?.memorySizeMB).toBe(3008);
    expect(pickBest(candidates, 'balanced', 1)?.memorySizeMB).toBe(128);
  });

  it('picks nothing from no candidates', () => {
    expect(pickBest([], 'cost', 0.5)).toBeUndefined();
  });
});
