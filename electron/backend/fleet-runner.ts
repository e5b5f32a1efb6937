/**
 * `fleet.simulate`: runs the fleet simulator in a worker thread (fleet-worker.ts), one run at a
 * time, so the backend's event loop keeps serving the UI while thousands of invocations execute.
 * A watchdog ends a run that takes too long in wall-clock time. When no worker file can be found
 * (a bundle built without it), the run happens in-process with a smaller exact limit, so it
 * cannot hold the event loop for long.
 */
import type { FleetInput, FleetResult } from '../../sandbox/fleet/fleet-types.ts';
import type { FleetRun } from '../api/playground-types.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import { ApiFailure } from '../api/result.ts';
import { fleetInputFor } from './fleet-input.ts';
import { concurrencySeries } from './concurrency-series.ts';
import { latencyHistogram } from './latency-histogram.ts';
import { requireEventJson } from './tune-runner.ts';
import { createWorkerJobs, defaultWorkerPath } from './worker-jobs.ts';

/** Wall-clock limit of one run, ms. */
export const FLEET_WATCHDOG_MS = 120_000;
/** Exact invocations allowed when the run has to happen on the backend's own thread. */
const IN_PROCESS_MAX_EXACT = 2_000;

export interface FleetRunnerOptions {
  /** The worker entry; default fleet-worker.ts beside this file, or fleet-worker.cjs in a bundle. */
  workerPath?: string | URL | null;
  watchdogMs?: number;
}

export interface FleetRunner {
  simulate(args: ApiParsedArgs<'fleet.simulate'>): Promise<FleetRun>;
  /** Ends a run in progress. */
  close(): Promise<void>;
}

function failureFrom(name: string, message: string): ApiFailure {
  if (name === 'FleetInputError') return new ApiFailure('InvalidFleetInput', message);
  return new ApiFailure('FleetFailed', `The fleet simulation failed: ${message}`);
}

export function createFleetRunner(options: FleetRunnerOptions = {}): FleetRunner {
  const watchdogMs = options.watchdogMs ?? FLEET_WATCHDOG_MS;
  const jobs = createWorkerJobs<FleetInput, FleetResult>({
    workerPath: options.workerPath === undefined ? defaultWorkerPath('fleet-worker') : options.workerPath,
    watchdogMs,
    what: 'the simulation',
    tooSlow: () =>
      new ApiFailure(
        'FleetTooSlow',
        `The simulation took longer than ${watchdogMs / 1000} s and was stopped: try a smaller load, a shorter duration, or the sampled mode.`,
      ),
    failureFrom,
    async inProcess(input) {
      const { simulateFleet } = await import('../../sandbox/fleet/index.ts');
      try {
        return await simulateFleet({
          ...input,
          maxExactInvocations: Math.min(input.maxExactInvocations ?? IN_PROCESS_MAX_EXACT, IN_PROCESS_MAX_EXACT),
        });
      } catch (error) {
        if (error instanceof Error) throw failureFrom(error.name, error.message);
        throw error;
      }
    },
  });
  return {
    async simulate(args) {
      requireEventJson(args.eventJson);
      const result = await jobs.run(fleetInputFor(args));
      return {
        ...result,
        latencyHistogram: latencyHistogram(result.environments),
        concurrency: concurrencySeries(result),
      };
    },
    close: () => jobs.close(),
  };
}
