/**
 * The labels of a fleet run: whether it was exact or sampled (never silently), what was
 * extrapolated and why, and the modelling choices a learner should know about.
 */
import { SQS_POLLER_BACKOFF_MS } from './sqs-queue.ts';
import type { Executor } from './executor.ts';
import type { FleetInput, FleetTotals, SamplingInfo } from './fleet-types.ts';
import type { FleetSettings } from './settings.ts';

export interface RunFacts {
  settings: FleetSettings;
  executor: Executor;
  sampledBecause: 'requested' | 'volume' | undefined;
  totals: FleetTotals;
  input: FleetInput;
}

const n = (x: number) => x.toLocaleString('en-US');

export function describeRun(f: RunFacts): { sampling: SamplingInfo; notes: string[] } {
  const { executor: ex, settings: s, totals } = f;
  const extrapolated = ex.extrapolated;
  const sampled = f.sampledBecause !== undefined || extrapolated > 0;
  let note: string;
  if (!sampled) {
    note = `Exact: all ${n(ex.executed)} invocations ran for real, each in its own execution environment's QuickJS runtime (its own globals and INIT).`;
  } else {
    const why =
      f.sampledBecause === 'requested'
        ? 'sampled mode was requested'
        : f.sampledBecause === 'volume'
          ? `the load makes more than ${n(s.maxExactInvocations)} requests (maxExactInvocations)`
          : 'more environments were alive at once than Coldstart runs for real on this computer';
    const counts = ex.sampleCounts();
    const source =
      counts.warm + counts.cold > 0
        ? `drawn at random (seeded) from the ${n(counts.warm)} real warm and ${n(counts.cold)} real cold invocations`
        : "taken from Coldstart's time model (no real invocation finished first)";
    note =
      `SAMPLED, not exact (${why}): ${n(ex.executed)} of ${n(ex.executed + extrapolated)} invocations ran for real; ` +
      `the duration, outcome and INIT duration of the other ${n(extrapolated)} were ${source}. ` +
      'Arrivals, environments, cold starts, throttles and concurrency are simulated for every request, not sampled; ' +
      'environments marked real: false never ran the handler, so their global state is not shown.';
  }
  const notes: string[] = [];
  if (s.invocation === 'sync')
    notes.push('Latency is what the caller waits for: INIT (cold starts only) + duration, without network time.');
  notes.push(
    `Idle environments are shut down after ${n(s.idleReapMs / 1000)} s without a request (AWS does not publish this; public measurements see 5-15 minutes).`,
  );
  if (totals.throttlesByReason.ScalingRateExceeded > 0)
    notes.push(
      `The scaling rate throttled ${n(totals.throttlesByReason.ScalingRateExceeded)} attempts: each function may add at most ${n(s.scalingPer10Seconds)} environments per 10 s, refilled continuously (about ${n(s.scalingPer10Seconds / 10)} per second) and never banked beyond ${n(s.scalingPer10Seconds)} (scaling-behavior.html).`,
    );
  if (s.provisioned > 0)
    notes.push(
      `${n(s.provisioned)} provisioned environments were initialised before t = 0 (no cold start, INIT not billed per invoke) and are billed for the whole run, rounded up to 5 minutes; requests beyond them spill over to on-demand environments.`,
    );
  if (s.invocation === 'async')
    notes.push(
      `Async: a throttled event is retried after 1, 2, 4 ... s (at most 5 min) until it is older than ${n(s.asyncMaxEventAgeMs / 1000)} s; a failed invoke is retried ${s.asyncRetryAttempts} time(s), about 1 and 2 minutes later. Retries are exact, without AWS's jitter.`,
    );
  if (s.invocation === 'sqs')
    notes.push(
      `SQS: batches of up to ${n(s.sqsBatchSize)} messages (window ${n(s.sqsBatchWindowMs / 1000)} s); a failed or throttled batch returns after the ${n(s.sqsVisibilityTimeoutMs / 1000)} s visibility timeout and goes to the DLQ after ${s.sqsMaxReceiveCount} receives; a throttled poller pauses ${SQS_POLLER_BACKOFF_MS / 1000} s. Partial batch responses are not modelled.`,
    );
  if (ex.reinitialised > 0)
    notes.push(`${n(ex.reinitialised)} environments were re-initialised after a crash or timeout (Lambda resets the runtime); those invokes count as cold starts.`);
  if (!s.freeTier) notes.push('The bill leaves out the monthly free tier: a simulation is a slice of a month, not the whole month.');
  return {
    sampling: { mode: sampled ? 'sampled' : 'exact', executedInvocations: ex.executed, extrapolatedInvocations: extrapolated, note },
    notes,
  };
}
