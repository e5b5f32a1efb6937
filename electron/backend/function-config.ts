/**
 * Turns the editor's run request into the FunctionConfig the simulator runs under: Lambda's
 * defaults (sandbox/facts/limits.ts), overridden by whatever the learner configured.
 */
import { DEFAULT_RUNTIME, MEMORY_DEFAULT_MB, TIMEOUT_DEFAULT_S } from '../../sandbox/facts/limits.ts';
import type { FunctionConfig } from '../../sandbox/invocation/record.ts';
import type { ApiParsedArgs } from '../api/contract.ts';

/** Lambda function names: letters, digits, `-` and `_`, at most 64 characters. */
const FUNCTION_NAME_MAX = 64;

/**
 * A valid Lambda function name for an editor session, so logs and `context.functionName` read
 * naturally (e.g. session `first-function` -> function `first-function`).
 */
export function functionNameFor(sessionId: string): string {
  const cleaned = sessionId
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, FUNCTION_NAME_MAX);
  return cleaned === '' ? 'my-function' : cleaned;
}

/** The configuration for one `invoke.run` call. */
export function functionConfigFor(args: ApiParsedArgs<'invoke.run'>): FunctionConfig {
  const overrides = args.config;
  return {
    functionName: functionNameFor(args.sessionId),
    handler: args.handler,
    runtime: overrides.runtime ?? DEFAULT_RUNTIME,
    architecture: overrides.architecture ?? 'x86_64',
    memorySizeMB: overrides.memorySizeMB ?? MEMORY_DEFAULT_MB,
    timeoutSeconds: overrides.timeoutSeconds ?? TIMEOUT_DEFAULT_S,
    environment: overrides.environment ?? {},
    // Left out unless set, so a default run's record and hash stay as they were.
    ...(overrides.ephemeralStorageMB === undefined ? {} : { ephemeralStorageMB: overrides.ephemeralStorageMB }),
  };
}
