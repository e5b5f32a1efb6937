/**
 * `tune.run`: power tuning of the playground's handler on the backend's one LambdaHost, whose
 * worker threads run the handler, so the backend's event loop stays free while it runs. The size
 * of a run is bounded by the contract (see MAX_TUNE_INVOCATIONS).
 */
import { parseEventJson } from '../../sandbox/events/parse-event-json.ts';
import { DEFAULT_RUNTIME, TIMEOUT_DEFAULT_S } from '../../sandbox/facts/limits.ts';
import { tunePower, TuningInputError, type TuneResult } from '../../sandbox/tuning/index.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import { ApiFailure } from '../api/result.ts';
import type { HostProvider } from './host-provider.ts';

/** Refuses an event that is not JSON before anything runs, in the words `invoke.run` uses. */
export function requireEventJson(eventJson: string): void {
  const parsed = parseEventJson(eventJson);
  if (!parsed.ok) {
    throw new ApiFailure(
      'InvalidEventJson',
      `The event is not valid JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.message}. ` +
        'Nothing was run; fix the JSON and run again.',
    );
  }
}

export async function runTuning(hosts: HostProvider, args: ApiParsedArgs<'tune.run'>): Promise<TuneResult> {
  requireEventJson(args.eventJson);
  const host = await hosts.get();
  try {
    return await tunePower({
      files: [{ path: args.filename, code: args.code }],
      handler: args.handler,
      eventJson: args.eventJson,
      memorySizes: args.memorySizes,
      invocationsPerSize: args.runs,
      strategy: args.strategy,
      balancedWeight: args.balancedWeight,
      architecture: args.config.architecture ?? 'x86_64',
      runtime: args.config.runtime ?? DEFAULT_RUNTIME,
      timeoutSeconds: args.config.timeoutSeconds ?? TIMEOUT_DEFAULT_S,
      environment: args.config.environment ?? {},
      functionName: 'playground-tuning',
      host,
    });
  } catch (error) {
    if (error instanceof TuningInputError) throw new ApiFailure('InvalidTuningInput', error.message);
    throw error;
  }
}
