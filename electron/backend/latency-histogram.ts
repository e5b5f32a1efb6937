/**
 * The latency histogram of a fleet run: how many invocations took how long as the caller saw it
 * (INIT + duration on a cold start), warm and cold apart, from the per-environment timelines.
 * Runs too large for complete timelines get no histogram; their chart shows the percentiles only.
 */
import type { EnvironmentTimeline } from '../../sandbox/fleet/fleet-types.ts';
import type { LatencyHistogram } from '../api/playground-types.ts';

/** Bars in the histogram at most. */
const MAX_BINS = 24;
/** Bars in the histogram at least. */
const MIN_BINS = 10;

/** A bin width of 1, 2 or 5 x 10^n ms, so the edges read as round numbers. */
function niceWidth(span: number): number {
  const raw = Math.max(span / MAX_BINS, 1e-3);
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (raw <= step * pow) return step * pow;
  return 10 * pow;
}

export function latencyHistogram(environments: EnvironmentTimeline[] | undefined): LatencyHistogram | null {
  // Without every busy interval (timelines omitted, or trimmed for long-lived environments) the
  // bars would not add up to the run: the chart shows the percentiles instead.
  if (!environments || environments.some((e) => e.busyDropped > 0)) return null;
  const warm: number[] = [];
  const cold: number[] = [];
  for (const env of environments)
    for (const b of env.busy) (b.cold ? cold : warm).push(Math.max(0, b.endMs - b.startMs));
  const all = [...warm, ...cold];
  if (all.length === 0) return null;
  const min = Math.min(...all);
  const max = Math.max(...all);
  // At least a tenth of the largest latency, so identical latencies still make a readable bar.
  const width = niceWidth(Math.max(max - min, max / 10, 1));
  let start = Math.floor(min / width) * width;
  let bins = Math.max(1, Math.floor((max - start) / width) + 1);
  // At least MIN_BINS bars, the data in the middle, so one narrow spike still has an axis around it.
  if (bins < MIN_BINS) {
    start = Math.max(0, start - Math.floor((MIN_BINS - bins) / 2) * width);
    bins = MIN_BINS;
  }
  const count = (xs: number[]) => {
    const counts = new Array<number>(bins).fill(0);
    for (const x of xs) counts[Math.min(bins - 1, Math.floor((x - start) / width))]! += 1;
    return counts;
  };
  return {
    binWidthMs: width,
    edgesMs: Array.from({ length: bins }, (_, i) => Number((start + i * width).toFixed(6))),
    warm: count(warm),
    cold: count(cold),
  };
}
