/**
 * `scenario.run`: validates the scenario on the backend's thread (cheap, and an invalid one gets
 * its problems back at once), then plays it in a worker thread (scenario-worker.ts), one run at a
 * time, so a scenario with many invocations never holds up the UI. A watchdog ends a run that takes
 * too long in wall-clock time. When no worker file can be found (a bundle built without it), the
 * run happens in-process: the example scenarios take well under a second.
 */
import { SCENARIO_TOO_SLOW } from '../../sandbox/course/check-scenario.ts';
import type { ScenarioResult } from '../../sandbox/scenario/scenario-types.ts';
import { ApiFailure } from '../api/result.ts';
import type { ScenarioWorkerInput } from './scenario-protocol.ts';
import { parseScenarioText } from './scenario-text.ts';
import { createWorkerJobs, defaultWorkerPath } from './worker-jobs.ts';

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
  const watchdogMs = options.watchdogMs ?? SCENARIO_WATCHDOG_MS;
  const jobs = createWorkerJobs<ScenarioWorkerInput, ScenarioResult>({
    workerPath: options.workerPath === undefined ? defaultWorkerPath('scenario-worker') : options.workerPath,
    watchdogMs,
    what: 'the scenario',
    tooSlow: () =>
      new ApiFailure(
        SCENARIO_TOO_SLOW,
        `The scenario ran longer than ${watchdogMs / 1000} s and was stopped: try fewer steps, shorter advances, or a handler that finishes.`,
      ),
    failureFrom,
    async inProcess(input) {
      const { runScenario } = await import('../../sandbox/scenario/run-scenario.ts');
      try {
        return await runScenario(parseScenarioText(input.text, input.label, input.baseDir));
      } catch (error) {
        if (error instanceof Error) throw failureFrom(error.name, error.message);
        throw error;
      }
    },
  });
  return {
    run(input) {
      validateScenarioText(input);
      return jobs.run(input);
    },
    close: () => jobs.close(),
  };
}
