/**
 * The LambdaHost for the desktop app. Electron runs the bundled main process (dist/electron/main.cjs)
 * and cannot load the simulator's .ts worker file, so scripts/build.ts bundles the worker entry
 * (sandbox/runtime/worker/entry.ts) to dist/electron/sandbox-worker.cjs and the host is told where it is.
 */
import { join } from 'node:path';
import { createLambdaHost } from '../../sandbox/runtime/lambda-host.ts';
import type { LambdaHostFactory } from '../backend/host-provider.ts';

/** `bundleDir`: the folder of main.cjs, where the worker bundle sits too. */
export function electronLambdaHostFactory(bundleDir: string): LambdaHostFactory {
  return () => createLambdaHost({ workerPath: join(bundleDir, 'sandbox-worker.cjs') });
}
