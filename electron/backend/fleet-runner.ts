/**
 * `fleet.simulate`: runs the fleet simulator in a worker thread (fleet-worker.ts), one run at a
 * time, so the backend's event loop keeps serving the UI while thousands of invocations execute.
 * A watchdog ends a run that takes too long in wall-clock time. When no worker file can be found
 * (a bundle built without it), the run happens in-process with a smaller exact limit, so it
 * cannot hold the event loop for long.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FleetInput, FleetResult } from '../../sandbox/fleet/fleet-types.ts';
import type { FleetRun } from '../api/playground-types.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import { ApiFailure } from '../api/result.ts';
import type { FleetWorkerReply } from './fleet-protocol.ts';
import { fleetInputFor } from './fleet-input.ts';
import { concurrencySeries } from './concurrency-series.ts';
import { latencyHistogram } from './latency-histogram.ts';
import { requireEventJson } from './tune-runner.ts';

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

/** Where the worker entry is: the .ts source when run by Node, the .cjs bundle beside main.cjs. */
function defaultWorkerPath(): string | URL | null {
  // import.meta.url is undefined in the CommonJS bundle esbuild makes for Electron.
  const here = import.meta.url as string | undefined;
  if (here) return new URL('./fleet-worker.ts', here);
  if (typeof __dirname === 'string') {
    const bundled = join(__dirname, 'fleet-worker.cjs');
    if (existsSync(bundled)) return bundled;
  }
  return null;
}

function failureFrom(name: string, message: string): ApiFailure {
  if (name === 'FleetInputError') return new ApiFailure('InvalidFleetInput', message);
  return new ApiFailure('FleetFailed', `The fleet simulation failed: ${message}`);
}

export function createFleetRunner(options: FleetRunnerOptions = {}): FleetRunner {
  const workerPath = options.workerPath === undefined ? defaultWorkerPath() : options.workerPath;
  const watchdogMs = options.watchdogMs ?? FLEET_WATCHDOG_MS;
  let current: Worker | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  function inWorker(path: string | URL, input: FleetInput): Promise<FleetResult> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(path, { workerData: input });
      current = worker;
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        current = undefined;
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new ApiFailure(
                'FleetTooSlow',
                `The simulation took longer than ${watchdogMs / 1000} s and was stopped: try a smaller load, a shorter duration, or the sampled mode.`,
              ),
            ),
          ),
        watchdogMs,
      );
      worker.once('message', (reply: FleetWorkerReply) =>
        settle(() => (reply.ok ? resolve(reply.result) : reject(failureFrom(reply.name, reply.message)))),
      );
      worker.once('error', (error) => settle(() => reject(failureFrom('Error', error.message))));
      worker.once('exit', (code) =>
        settle(() =>
          reject(
            closed
              ? new ApiFailure('ShuttingDown', 'Coldstart is shutting down; the simulation was stopped.')
              : failureFrom('Error', `the simulation's worker exited (code ${code}) without a result`),
          ),
        ),
      );
    });
  }

  async function inProcess(input: FleetInput): Promise<FleetResult> {
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
  }

  return {
    simulate(args) {
      if (closed) return Promise.reject(new ApiFailure('ShuttingDown', 'Coldstart is shutting down; nothing was run.'));
      requireEventJson(args.eventJson);
      const input = fleetInputFor(args);
      // One run at a time: the machine has few cores and each run uses one fully.
      const run = queue.then(() => (workerPath ? inWorker(workerPath, input) : inProcess(input)));
      queue = run.catch(() => undefined);
      return run.then((result) => ({
        ...result,
        latencyHistogram: latencyHistogram(result.environments),
        concurrency: concurrencySeries(result),
      }));
    },
    async close() {
      closed = true;
      await current?.terminate();
    },
  };
}
