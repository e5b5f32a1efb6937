/**
 * Runs `invoke.run`: checks the event JSON first (so a typo never costs a cold start), then asks the
 * backend's one LambdaHost, created on first use so start-up never waits for workers or QuickJS.
 */
import { parseEventJson } from '../../sandbox/events/parse-event-json.ts';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';
import type { LambdaHost } from '../../sandbox/runtime/lambda-host-types.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import { ApiFailure } from '../api/result.ts';
import { functionConfigFor } from './function-config.ts';

/** Makes the LambdaHost; Electron passes one that knows where its bundled worker file is. */
export type LambdaHostFactory = () => LambdaHost | Promise<LambdaHost>;

/** The default host: the simulator's own, loaded only when the first invoke happens. */
export const defaultLambdaHostFactory: LambdaHostFactory = async () => {
  const { createLambdaHost } = await import('../../sandbox/runtime/lambda-host.ts');
  return createLambdaHost();
};

/** `invoke.run` plus the host's lifetime. */
export interface InvokeRunner {
  run(args: ApiParsedArgs<'invoke.run'>): Promise<InvocationRecord>;
  /** Ends the host's environments and workers, if a host was ever made. */
  dispose(): Promise<void>;
}

export function createInvokeRunner(factory: LambdaHostFactory = defaultLambdaHostFactory): InvokeRunner {
  // A promise, not a host: two runs arriving together must share one host, not make two.
  let host: Promise<LambdaHost> | undefined;
  let disposed = false;

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
      if (disposed) throw new ApiFailure('ShuttingDown', 'Coldstart is shutting down; nothing was run.');
      host ??= Promise.resolve().then(factory);
      // A host that failed to start is forgotten, so the next run tries again.
      const ready = await host.catch((error: unknown) => {
        host = undefined;
        throw error;
      });
      return ready.invoke({
        environmentKey: args.sessionId,
        files: [{ path: args.filename, code: args.code }],
        config: functionConfigFor(args),
        eventJson: args.eventJson,
        forceColdStart: args.forceColdStart,
      });
    },
    async dispose() {
      disposed = true;
      const pending = host;
      host = undefined;
      if (pending) await (await pending.catch(() => undefined))?.dispose();
    },
  };
}
