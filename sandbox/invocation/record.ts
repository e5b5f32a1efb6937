/**
 * The invocation record: the one plain-data shape every invoke yields, whether it came from the
 * app, the `coldstart` command, a lesson check or the fleet simulator (see DESIGN.md).
 * Plain data only (no classes, no functions) so it crosses worker, IPC and HTTP boundaries as is.
 */

import type { LayerVersion } from '../layers/layer-version.ts';

/** Lambda's Node.js runtimes that Coldstart simulates (FACTS.md: nodejs24.x and nodejs22.x). */
export type RuntimeId = 'nodejs22.x' | 'nodejs24.x';

/** Instruction set architectures; they change the price per GB-second (FACTS.md, pricing). */
export type Architecture = 'x86_64' | 'arm64';

/** The function configuration an invoke runs under, as Lambda's CreateFunction API names it. */
export interface FunctionConfig {
  /** Function name, used in ARNs, log group names and AWS_LAMBDA_FUNCTION_NAME. */
  functionName: string;
  /** Handler setting, `file.export` (e.g. `index.handler`). */
  handler: string;
  runtime: RuntimeId;
  architecture: Architecture;
  /** Memory size in MB, 128-10,240 (default 128). */
  memorySizeMB: number;
  /** Timeout in seconds, 1-900 (default 3). */
  timeoutSeconds: number;
  /** Size of /tmp in MB, 512-10,240 (default 512; above 512 MB is billed). */
  ephemeralStorageMB?: number;
  /** The function's own environment variables (Lambda adds its reserved ones). */
  environment: Record<string, string>;
  /**
   * Layer versions attached, in order, at most 5 (Lambda's API takes their ARNs; the simulator
   * carries their content, which each environment extracts into /opt). Part of the deployment.
   */
  layers?: LayerVersion[];
}

/** One source file of the function's deployment package, e.g. `index.mjs`. */
export interface SourceFile {
  path: string;
  code: string;
}

/** Lambda-shaped error, exactly as the Invoke API returns it for a failed invocation. */
export interface LambdaError {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

/** Status shown at the end of the REPORT line when an invocation did not succeed. */
export type InvocationStatus = 'success' | 'error' | 'timeout' | 'crash';

/** The numbers of a REPORT line, plus the status. Durations in milliseconds. */
export interface InvocationReport {
  durationMs: number;
  billedDurationMs: number;
  /** Present on cold starts only, as in CloudWatch. */
  initDurationMs?: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  status: InvocationStatus;
}

/** A CloudWatch log line; `kind` lets the UI set START/END/REPORT apart from the handler's output. */
export interface LogLine {
  kind: 'start' | 'end' | 'report' | 'function' | 'platform';
  /** The line exactly as CloudWatch shows it. */
  text: string;
}

interface InvocationBase {
  requestId: string;
  coldStart: boolean;
  logs: LogLine[];
  report: InvocationReport;
  /** Cost of this one invocation in USD (requests + billed duration), per FACTS.md prices. */
  costUsd: number;
}

/** A successful invocation: `result` is the handler's JSON-serialised return value. */
export interface InvocationSuccess extends InvocationBase {
  ok: true;
  /** The response payload as JSON text (exactly what the caller would receive). */
  result: string;
}

/** A failed invocation: the handler threw, timed out, ran out of memory or broke a limit. */
export interface InvocationFailure extends InvocationBase {
  ok: false;
  error: LambdaError;
}

export type InvocationRecord = InvocationSuccess | InvocationFailure;
