/**
 * createLambdaHost: the simulator's entry point for the backend. Runs every execution environment
 * in worker threads (never on the calling thread), routes each function deployment to one worker,
 * and keeps environments warm while code and configuration stay the same.
 */
import { createHash } from 'node:crypto';
import type { InvocationRecord } from '../invocation/record.ts';
import { REAL_CPU_CAP_MS } from '../model/time-model.ts';
import { cachedDeploymentHash, deploymentHash as hashDeployment } from './deployment.ts';
import { DEFAULT_IDLE_REAP_MS, type EnvironmentInfo } from './environment-pool.ts';
import type { InvokeRequest, LambdaHost } from './lambda-host-types.ts';
import { newRequestId } from './lambda-identity.ts';
import { requestTooLargeRecord } from './request-limits.ts';
import { WorkerSlot } from './worker-slot.ts';

/** Options of createLambdaHost. */
export interface LambdaHostOptions {
  /** Worker threads to spread deployments over, 1-2 (default 1). */
  workers?: number;
  /**
   * Real ms after which an idle environment is shut down (default 10 minutes: AWS does not publish
   * its idle time; public observations range from 5 to 15 minutes; see sandbox/docs/).
   */
  idleReapMs?: number;
  /**
   * Real ms one request may take before its worker is terminated (default: three times the
   * simulator's real-time cap per phase plus 15 s). Tests lower it; the app should not need to.
   */
  watchdogMs?: number;
  /**
   * The worker script to start. Defaults to worker/entry.ts beside this file, which Node 24 runs
   * directly; the Electron bundle passes its compiled dist/electron/sandbox-worker.cjs.
   */
  workerPath?: string | URL;
}

/** Hash of everything that makes a deployment: code and configuration. */
export function deploymentHash(request: InvokeRequest): string {
  return hashDeployment(request);
}

function slotIndex(key: string, slots: number): number {
  const digest = createHash('sha1').update(key).digest();
  return digest.readUInt32BE(0) % slots;
}

/** Create a LambdaHost running handlers in QuickJS inside worker threads. */
export function createLambdaHost(options: LambdaHostOptions = {}): LambdaHost {
  const count = Math.min(Math.max(Math.floor(options.workers ?? 1), 1), 2);
  const slotOptions = {
    idleReapMs: options.idleReapMs ?? DEFAULT_IDLE_REAP_MS,
    watchdogMs: options.watchdogMs ?? 3 * REAL_CPU_CAP_MS + 15_000,
    ...(options.workerPath ? { workerPath: options.workerPath } : {}),
  };
  const slots = Array.from({ length: count }, () => new WorkerSlot(slotOptions));
  let disposed = false;

  return {
    async invoke(request: InvokeRequest): Promise<InvocationRecord> {
      if (disposed) throw new Error('This LambdaHost was disposed; create a new one.');
      const slot = slots[slotIndex(request.environmentKey, slots.length)] ?? slots[0];
      if (!slot) throw new Error('No worker slot');
      const requestId = newRequestId();
      // Refused on admission, as Lambda's Invoke API does: the event never travels to a worker.
      const tooLarge = requestTooLargeRecord(requestId, request.config, request.eventJson, request.invocationType);
      if (tooLarge) return tooLarge;
      return slot.invoke({
        type: 'invoke',
        key: request.environmentKey,
        hash: cachedDeploymentHash(request),
        forceColdStart: request.forceColdStart ?? false,
        config: request.config,
        files: request.files,
        eventJson: request.eventJson,
        requestId,
      });
    },
    async listEnvironments(): Promise<EnvironmentInfo[]> {
      const lists = await Promise.all(slots.map((s) => s.listEnvironments()));
      return lists.flat().sort((a, b) => b.lastUsedAt - a.lastUsedAt);
    },
    async dispose(): Promise<void> {
      disposed = true;
      await Promise.all(slots.map((s) => s.dispose()));
    },
  };
}
