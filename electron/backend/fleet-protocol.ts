/** The one message a fleet worker (fleet-worker.ts) sends back to the backend. */
import type { FleetResult } from '../../sandbox/fleet/fleet-types.ts';
import type { WorkerJobReply } from './worker-jobs.ts';

export type FleetWorkerReply = WorkerJobReply<FleetResult>;
