/** The one message a fleet worker (fleet-worker.ts) sends back to the backend. */
import type { FleetResult } from '../../sandbox/fleet/fleet-types.ts';

export type FleetWorkerReply = { ok: true; result: FleetResult } | { ok: false; name: string; message: string };
