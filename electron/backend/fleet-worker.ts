/**
 * Worker thread entry of `fleet.simulate`: the fleet simulator runs synchronously over virtual time
 * once QuickJS is loaded, so it runs here, off the thread that serves the API. One worker per run;
 * the input arrives as workerData, one message goes back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { simulateFleet } from '../../sandbox/fleet/index.ts';
import type { FleetInput } from '../../sandbox/fleet/fleet-types.ts';
import type { FleetWorkerReply } from './fleet-protocol.ts';

const reply = (message: FleetWorkerReply) => parentPort?.postMessage(message);

simulateFleet(workerData as FleetInput).then(
  (result) => reply({ ok: true, result }),
  (error: unknown) =>
    reply({
      ok: false,
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    }),
);
