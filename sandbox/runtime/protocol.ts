/**
 * Messages between the LambdaHost (calling thread) and its worker threads. Plain data only; the
 * worker receives code, configuration and the event, and answers with a finished record.
 */
import type { FunctionConfig, InvocationRecord, SourceFile } from '../invocation/record.ts';

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

export type HostToWorker = InvokeMessage | { type: 'shutdown' };

export type WorkerToHost = { type: 'result'; id: number; record: InvocationRecord };
