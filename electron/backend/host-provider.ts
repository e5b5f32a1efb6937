/**
 * The backend's one LambdaHost, shared by `invoke.run`, exercise checks and predict-the-output
 * grading, and created on first use so start-up never waits for workers or QuickJS.
 */
import type { LambdaHost } from '../../sandbox/runtime/lambda-host-types.ts';
import { ApiFailure } from '../api/result.ts';

/** Makes the LambdaHost; Electron passes one that knows where its bundled worker file is. */
export type LambdaHostFactory = () => LambdaHost | Promise<LambdaHost>;

/** The default host: the simulator's own, loaded only when first needed. */
export const defaultLambdaHostFactory: LambdaHostFactory = async () => {
  const { createLambdaHost } = await import('../../sandbox/runtime/lambda-host.ts');
  return createLambdaHost();
};

export interface HostProvider {
  /** The host, made on the first call. @throws ApiFailure `ShuttingDown` after dispose. */
  get(): Promise<LambdaHost>;
  /** Ends the host's environments and workers, if a host was ever made. */
  dispose(): Promise<void>;
}

export function createHostProvider(factory: LambdaHostFactory = defaultLambdaHostFactory): HostProvider {
  // A promise, not a host: two callers arriving together must share one host, not make two.
  let host: Promise<LambdaHost> | undefined;
  let disposed = false;
  return {
    async get() {
      if (disposed) throw new ApiFailure('ShuttingDown', 'Coldstart is shutting down; nothing was run.');
      host ??= Promise.resolve().then(factory);
      // A host that failed to start is forgotten, so the next call tries again.
      return host.catch((error: unknown) => {
        host = undefined;
        throw error;
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
