/**
 * The playground's methods: `playground.options`, `cost.estimate`, `tune.run` and `fleet.simulate`.
 * Pricing runs in-process (it is arithmetic); tuning runs on the backend's LambdaHost workers and
 * the fleet in a worker thread of its own.
 */
import { DEFAULT_SERVER_PRICE } from '../../sandbox/facts/pricing.ts';
import {
  DEFAULT_BALANCED_WEIGHT,
  DEFAULT_INVOCATIONS_PER_SIZE,
  DEFAULT_MEMORY_SIZES,
} from '../../sandbox/tuning/index.ts';
import type { ApiHandlers } from '../api/dispatch.ts';
import { MAX_FLEET_REQUESTS, MAX_FLEET_SECONDS, MAX_TUNE_INVOCATIONS } from '../api/playground-schemas.ts';
import type { PlaygroundOptions } from '../api/playground-types.ts';
import { estimateCost } from './cost-estimate.ts';
import { createFleetRunner, type FleetRunnerOptions } from './fleet-runner.ts';
import type { HostProvider } from './host-provider.ts';
import { runTuning } from './tune-runner.ts';

type PlaygroundMethod = 'playground.options' | 'cost.estimate' | 'tune.run' | 'fleet.simulate';

export interface PlaygroundHandlers {
  handlers: Pick<ApiHandlers, PlaygroundMethod>;
  close(): Promise<void>;
}

export function playgroundOptions(): PlaygroundOptions {
  return {
    server: DEFAULT_SERVER_PRICE,
    tune: {
      memorySizes: [...DEFAULT_MEMORY_SIZES],
      runs: DEFAULT_INVOCATIONS_PER_SIZE,
      strategy: 'cost',
      balancedWeight: DEFAULT_BALANCED_WEIGHT,
      maxInvocations: MAX_TUNE_INVOCATIONS,
    },
    fleet: { maxRequests: MAX_FLEET_REQUESTS, maxSeconds: MAX_FLEET_SECONDS },
  };
}

export function createPlaygroundHandlers(
  hosts: HostProvider,
  fleetOptions: FleetRunnerOptions = {},
): PlaygroundHandlers {
  const fleet = createFleetRunner(fleetOptions);
  return {
    handlers: {
      'playground.options': () => playgroundOptions(),
      'cost.estimate': (args) => estimateCost(args),
      'tune.run': (args) => runTuning(hosts, args),
      'fleet.simulate': (args) => fleet.simulate(args),
    },
    close: () => fleet.close(),
  };
}
