/**
 * Runs `invoke.run`: checks the event JSON first (so a typo never costs a cold start), then asks the
 * backend's one LambdaHost (see host-provider.ts).
 */
import { parseEventJson } from '../../sandbox/events/parse-event-json.ts';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';
import { NO_LAYERS, resolveLayerArns, type LayerLibrary } from '../../sandbox/layers/layer-library.ts';
import { layersRefusedRecord } from '../../sandbox/layers/layer-notes.ts';
import { newRequestId } from '../../sandbox/runtime/lambda-identity.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import { ApiFailure } from '../api/result.ts';
import { functionConfigFor } from './function-config.ts';
import type { HostProvider } from './host-provider.ts';

export type { LambdaHostFactory } from './host-provider.ts';
export { defaultLambdaHostFactory } from './host-provider.ts';

/** `invoke.run`. */
export interface InvokeRunner {
  run(args: ApiParsedArgs<'invoke.run'>): Promise<InvocationRecord>;
}

/**
 * `layers` gives the published layer versions the configuration's ARNs resolve against (default:
 * none, so any ARN is refused as Lambda refuses an unknown version).
 */
export function createInvokeRunner(hosts: HostProvider, layers: () => LayerLibrary = () => NO_LAYERS): InvokeRunner {
  return {
    async run(args) {
      const parsed = parseEventJson(args.eventJson);
      if (!parsed.ok) {
        throw new ApiFailure(
          'InvalidEventJson',
          `The event is not valid JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.message}. ` +
            'Nothing was run; fix the JSON and run again.',
        );
      }
      const config = functionConfigFor(args);
      if (args.config.layers?.length) {
        const attached = resolveLayerArns(args.config.layers, layers());
        if (!attached.ok) return layersRefusedRecord(newRequestId(), config, attached.message);
        config.layers = attached.layers;
      }
      const host = await hosts.get();
      return host.invoke({
        environmentKey: args.sessionId,
        files: [{ path: args.filename, code: args.code }],
        config,
        eventJson: args.eventJson,
        forceColdStart: args.forceColdStart,
      });
    },
  };
}
