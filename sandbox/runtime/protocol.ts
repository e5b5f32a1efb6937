/**
 * Messages between the LambdaHost (calling thread) and its worker threads. Plain data only; the
 * worker receives code, configuration and the event, and answers with a finished record.
 */
import type { FunctionConfig, InvocationRecord, SourceFile } from '../invocation/record.ts';
import type { EnvironmentInfo } from './environment-pool.ts';

/** Data the worker is started with. */
export interface WorkerOptions {
  /** Reap environments idle longer than this (real ms). */
  idleReapMs: number;
}

export interface InvokeMessage {
  type: 'invoke';
  id: number;
  /** environmentKey from the request. */
  key: string;
  /** Hash of code + configuration; a different hash means a new deployment (cold start). */
  hash: string;
  forceColdStart: boolean;
  config: FunctionConfig;
  files: SourceFile[];
  eventJson: string;
  requestId: string;
}

/** Ask for the worker's environments (for the UI). */
export interface ListMessage {
  type: 'list';
  id: number;
}

export type HostToWorker = InvokeMessage | ListMessage | { type: 'shutdown' };

export type WorkerToHost =
  | { type: 'result'; id: number; record: InvocationRecord }
  | { type: 'environments'; id: number; environments: EnvironmentInfo[] };
