/**
 * Worker thread entry of `scenario.run`: the handlers run synchronously in QuickJS, so a scenario
 * with many invocations runs here, off the thread that serves the API. One worker per run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runScenario } from '../../sandbox/scenario/run-scenario.ts';
import type { ScenarioWorkerInput, ScenarioWorkerReply } from './scenario-protocol.ts';
import { parseScenarioText } from './scenario-text.ts';

const reply = (message: ScenarioWorkerReply) => parentPort?.postMessage(message);
const input = workerData as ScenarioWorkerInput;

Promise.resolve()
  .then(() => runScenario(parseScenarioText(input.text, input.label, input.baseDir)))
  .then(
    (result) => reply({ ok: true, result }),
    (error: unknown) =>
      reply({
        ok: false,
        name: error instanceof Error ? error.name : 'Error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
