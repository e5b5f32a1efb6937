/** Turns `fleet.simulate`'s arguments into the fleet simulator's input. */
import { DEFAULT_RUNTIME, MEMORY_DEFAULT_MB, TIMEOUT_DEFAULT_S } from '../../sandbox/facts/limits.ts';
import type { ConcurrencySettings, FleetInput, LoadPattern } from '../../sandbox/fleet/fleet-types.ts';
import type { ApiParsedArgs } from '../api/contract.ts';

/** Function name in the simulated logs and ARNs. */
export const PLAYGROUND_FUNCTION_NAME = 'playground';

export function fleetInputFor(args: ApiParsedArgs<'fleet.simulate'>): FleetInput {
  const c = args.config;
  const concurrency: ConcurrencySettings = { accountLimit: args.concurrency.accountLimit };
  if (args.concurrency.reserved !== null) concurrency.reserved = args.concurrency.reserved;
  if (args.concurrency.provisioned) concurrency.provisioned = args.concurrency.provisioned;
  const input: FleetInput = {
    files: [{ path: args.filename, code: args.code }],
    config: {
      functionName: PLAYGROUND_FUNCTION_NAME,
      handler: args.handler,
      runtime: c.runtime ?? DEFAULT_RUNTIME,
      architecture: c.architecture ?? 'x86_64',
      memorySizeMB: c.memorySizeMB ?? MEMORY_DEFAULT_MB,
      timeoutSeconds: c.timeoutSeconds ?? TIMEOUT_DEFAULT_S,
      environment: c.environment ?? {},
      ...(c.ephemeralStorageMB === undefined ? {} : { ephemeralStorageMB: c.ephemeralStorageMB }),
    },
    eventJson: args.eventJson,
    load: args.load as LoadPattern,
    invocation: args.invocation,
    concurrency,
    mode: args.mode,
  };
  if (args.idleReapSeconds !== undefined) input.idleReapSeconds = args.idleReapSeconds;
  return input;
}
