/**
 * Per-second series and latency percentiles of a fleet run. Counters are bumped as events happen;
 * concurrency levels are carried forward through seconds in which nothing changed.
 */
import type { LatencyPercentiles, LatencySummary, SecondPoint } from './fleet-types.ts';

type Counter = 'invocations' | 'coldStarts' | 'throttles' | 'errors';

export class SeriesBuilder {
  private readonly points: SecondPoint[] = [];
  private level = 0;
  private pcLevel = 0;
  /** Last second whose concurrency has been filled. */
  private filled = -1;

  private at(second: number): SecondPoint {
    while (this.points.length <= second) {
      const s = this.points.length;
      this.points.push({ second: s, invocations: 0, concurrency: 0, coldStarts: 0, throttles: 0, errors: 0, provisionedInUse: 0 });
    }
    return this.points[second]!;
  }

  /** Carry the current levels into every second up to `second` (exclusive), then into it. */
  private fillTo(second: number): SecondPoint {
    for (let s = this.filled + 1; s <= second; s++) {
      const p = this.at(s);
      p.concurrency = Math.max(p.concurrency, this.level);
      p.provisionedInUse = Math.max(p.provisionedInUse, this.pcLevel);
    }
    if (second > this.filled) this.filled = second;
    return this.at(second);
  }

  count(atMs: number, counter: Counter): void {
    this.fillTo(secondOf(atMs))[counter]++;
  }

  /** Concurrency (busy environments) and provisioned in use change at `atMs`. */
  setLevel(atMs: number, busy: number, provisionedBusy: number): void {
    const p = this.fillTo(secondOf(atMs));
    this.level = busy;
    this.pcLevel = provisionedBusy;
    if (busy > p.concurrency) p.concurrency = busy;
    if (provisionedBusy > p.provisionedInUse) p.provisionedInUse = provisionedBusy;
  }

  /** The series up to and including the second of `endMs`. */
  finish(endMs: number): SecondPoint[] {
    this.fillTo(secondOf(endMs));
    return this.points;
  }
}

function secondOf(ms: number): number {
  return Math.max(0, Math.floor(ms / 1000));
}

/** A growable list of numbers (typed, so 1M latencies take 8 MB). */
export class NumberList {
  private data = new Float64Array(1024);
  length = 0;

  push(n: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = n;
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Nearest-rank percentiles (the value at rank ceil(p x n)), as CloudWatch's pXX statistics read. */
export function percentiles(list: NumberList): LatencyPercentiles {
  const s = list.sorted();
  const n = s.length;
  if (n === 0) return { count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const rank = (p: number) => s[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += s[i]!;
  return { count: n, p50: round2(rank(0.5)), p90: round2(rank(0.9)), p99: round2(rank(0.99)), max: round2(s[n - 1]!), mean: round2(sum / n) };
}

/** Latencies of all, warm and cold invocations. */
export class LatencyRecorder {
  private readonly all = new NumberList();
  private readonly warm = new NumberList();
  private readonly cold = new NumberList();

  add(ms: number, cold: boolean): void {
    this.all.push(ms);
    (cold ? this.cold : this.warm).push(ms);
  }

  summary(): LatencySummary {
    return { all: percentiles(this.all), warm: percentiles(this.warm), cold: percentiles(this.cold) };
  }
}
