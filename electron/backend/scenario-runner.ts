/**
 * `scenario.run`: validates the scenario on the backend's thread (cheap, and an invalid one gets
 * its problems back at once), then plays it in a worker thread (scenario-worker.ts), one run at a
 * time, so a scenario with many invocations never holds up the UI. A watchdog ends a run that takes
 * too long in wall-clock time. When no worker file can be found (a bundle built without it), the
 * run happens in-process: the example scenarios take well under a second.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScenarioResult } from '../../sandbox/scenario/scenario-types.ts';
import { ApiFailure } from '../api/result.ts';
import type { ScenarioWorkerInput, ScenarioWorkerReply } from './scenario-protocol.ts';
import { parseScenarioText } from './scenario-text.ts';

/** Wall-clock limit of one run, ms. */
export const SCENARIO_WATCHDOG_MS = 60_000;

export interface ScenarioRunnerOptions {
  /** The worker entry; default scenario-worker.ts beside this file, or scenario-worker.cjs in a bundle. */
  workerPath?: string | URL | null;
  watchdogMs?: number;
}

export interface ScenarioRunner {
  run(input: ScenarioWorkerInput): Promise<ScenarioResult>;
  /** Ends a run in progress. */
  close(): Promise<void>;
}

function defaultWorkerPath(): string | URL | null {
  // import.meta.url is undefined in the CommonJS bundle esbuild makes for Electron.
  const here = import.meta.url as string | undefined;
  if (here) return new URL('./scenario-worker.ts', here);
  if (typeof __dirname === 'string') {
    const bundled = join(__dirname, 'scenario-worker.cjs');
    if (existsSync(bundled)) return bundled;
  }
  return null;
}

function failureFrom(name: string, message: string): ApiFailure {
  if (name === 'ScenarioError') return new ApiFailure('InvalidScenario', message);
  return new ApiFailure('ScenarioFailed', `The scenario could not be run: ${message}`);
}

/** Throws InvalidScenario naming every problem's path; the run itself happens elsewhere. */
export function validateScenarioText(input: ScenarioWorkerInput): void {
  try {
    parseScenarioText(input.text, input.label, input.baseDir);
  } catch (error) {
    if (error instanceof Error) throw failureFrom(error.name, error.message);
    throw error;
  }
}

export function createScenarioRunner(options: ScenarioRunnerOptions = {}): ScenarioRunner {
  const workerPath = options.workerPath === undefined ? defaultWorkerPath() : options.workerPath;
  const watchdogMs = options.watchdogMs ?? SCENARIO_WATCHDOG_MS;
  let current: Worker | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  function inWorker(path: string | URL, input: ScenarioWorkerInput): Promise<ScenarioResult> {
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
                'ScenarioTooSlow',
                `The scenario ran longer than ${watchdogMs / 1000} s and was stopped: try fewer steps, shorter advances, or a handler that finishes.`,
              ),
            ),
          ),
        watchdogMs,
      );
      worker.once('message', (reply: ScenarioWorkerReply) =>
        settle(() => (reply.ok ? resolve(reply.result) : reject(failureFrom(reply.name, reply.message)))),
      );
      worker.once('error', (error) => settle(() => reject(failureFrom('Error', error.message))));
      worker.once('exit', (code) =>
        settle(() =>
          reject(
            closed
              ? new ApiFailure('ShuttingDown', 'Coldstart is shutting down; the scenario was stopped.')
              : failureFrom('Error', `the scenario's worker exited (code ${code}) without a result`),
          ),
        ),
      );
    });
  }

  async function inProcess(input: ScenarioWorkerInput): Promise<ScenarioResult> {
    const { runScenario } = await import('../../sandbox/scenario/run-scenario.ts');
    try {
      return await runScenario(parseScenarioText(input.text, input.label, input.baseDir));
    } catch (error) {
      if (error instanceof Error) throw failureFrom(error.name, error.message);
      throw error;
    }
  }

  return {
    run(input) {
      if (closed) return Promise.reject(new ApiFailure('ShuttingDown', 'Coldstart is shutting down; nothing was run.'));
      validateScenarioText(input);
      // One run at a time: the machine has few cores and each run uses one fully.
      const run = queue.then(() => (workerPath ? inWorker(workerPath, input) : inProcess(input)));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      closed = true;
      await current?.terminate();
    },
  };
}
