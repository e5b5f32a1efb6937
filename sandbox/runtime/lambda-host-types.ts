/**
 * The seam between the backend (electron/) and the simulator: the backend asks a LambdaHost to
 * invoke; the host runs handlers in QuickJS inside worker threads, off the thread that serves the UI.
 */
import type { FunctionConfig, InvocationRecord, SourceFile } from '../invocation/record.ts';
import type { EnvironmentInfo } from './environment-pool.ts';

export type { EnvironmentInfo };

export interface InvokeRequest {
  /**
   * Which function "deployment" this is. Invokes with the same key reuse a warm environment while
   * the code and configuration are unchanged; a change of code or configuration starts a new one
   * (as a Lambda deployment does).
   */
  environmentKey: string;
  files: SourceFile[];
  config: FunctionConfig;
  /** The event as JSON text; the caller has already checked that it parses. */
  eventJson: string;
  /**
   * RequestResponse (sync, the default) or Event (async): the request payload quota checked on
   * admission, 6 MB or 1 MB; a larger event is refused with RequestEntityTooLargeException (413).
   */
  invocationType?: 'sync' | 'async';
  /** Discard any warm environment first, so this invoke is a cold start. */
  forceColdStart?: boolean;
}

export interface LambdaHost {
  invoke(request: InvokeRequest): Promise<InvocationRecord>;
  /**
   * The execution environments alive now (key, warm/cold, created, last used, invocations, time
   * until the idle reaper ends them), most recently used first. Optional for test doubles.
   */
  listEnvironments?(): Promise<EnvironmentInfo[]>;
  /** Ends every environment and worker; the host cannot be used afterwards. */
  dispose(): Promise<void>;
}
