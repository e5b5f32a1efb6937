/**
 * The series behind the concurrency chart. The simulator reports per second; a burst is over in
 * a fraction of one, so when the run is short and every environment's busy time and every throttle
 * are in the result, the series is rebuilt from them at a finer, round bucket width (at most 80
 * buckets). Otherwise the simulator's per-second series is used as is.
 */
import type { FleetResult } from '../../sandbox/fleet/fleet-types.ts';
import type { ConcurrencySeries } from '../api/playground-types.ts';

const MAX_BUCKETS = 80;
/** Runs longer than this keep the per-second series. */
const FINE_UP_TO_MS = 60_000;

/** 1, 2 or 5 x 10^n ms, at least 1 ms. */
function niceBucket(spanMs: number): number {
  const raw = Math.max(1, spanMs / MAX_BUCKETS);
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (raw <= step * pow) return step * pow;
  return 10 * pow;
}

function perSecond(result: FleetResult): ConcurrencySeries {
  return {
    bucketMs: 1000,
    points: result.series.map((p) => ({
      startMs: p.second * 1000,
      concurrency: p.concurrency,
      coldStarts: p.coldStarts,
      throttles: p.throttles,
    })),
  };
}

export function concurrencySeries(result: FleetResult): ConcurrencySeries {
  const envs = result.environments;
  const complete =
    envs !== undefined &&
    envs.every((e) => e.busyDropped === 0) &&
    result.throttles.length === result.totals.throttles &&
    result.totals.makespanMs <= FINE_UP_TO_MS;
  if (!complete) return perSecond(result);

  const lastThrottle = Math.max(0, ...result.throttles.map((t) => t.atMs));
  const span = Math.max(result.totals.makespanMs, lastThrottle, 1);
  const bucketMs = niceBucket(span);
  const count = Math.floor(span / bucketMs) + 1;
  const points = Array.from({ length: count }, (_, i) => ({
    startMs: i * bucketMs,
    concurrency: 0,
    coldStarts: 0,
    throttles: 0,
  }));
  const at = (ms: number) => points[Math.min(count - 1, Math.max(0, Math.floor(ms / bucketMs)))]!;

  // The step function of busy environments: +1 at each start, -1 at each end; a bucket's value is
  // its peak (an interval ending exactly when another starts does not overlap it).
  const steps: [number, number][] = [];
  for (const env of envs)
    for (const b of env.busy) {
      steps.push([b.startMs, 1], [b.endMs, -1]);
      if (b.cold) at(b.startMs).coldStarts += 1;
    }
  steps.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let busy = 0;
  let bucket = 0;
  for (const [t, delta] of steps) {
    const index = Math.min(count - 1, Math.max(0, Math.floor(t / bucketMs)));
    // Buckets passed over without an event keep the level that held through them.
    for (; bucket < index; bucket++) points[bucket + 1]!.concurrency = Math.max(points[bucket + 1]!.concurrency, busy);
    busy += delta;
    points[index]!.concurrency = Math.max(points[index]!.concurrency, busy);
  }
  for (const t of result.throttles) at(t.atMs).throttles += 1;
  return { bucketMs, points };
}
