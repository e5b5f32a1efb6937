/**
 * Worker thread entry: owns the execution environments of the function deployments routed to it
 * and runs one request at a time (QuickJS is synchronous; a queue keeps requests in order).
 * Environments are keyed by environmentKey; a different code/config hash replaces the old one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { InvocationRecord } from '../../invocation/record.ts';
import { failureRecord } from '../../invocation/failure-record.ts';
import { ENV_VARS_MAX_BYTES } from '../../facts/limits.ts';
import type { HostToWorker, InvokeMessage, WorkerOptions, WorkerToHost } from '../protocol.ts';
import { environmentSizeBytes } from '../lambda-identity.ts';
import { ExecutionEnvironment } from './environment.ts';
import { runRequest } from './invoke-phase.ts';

/** Most environments one worker keeps warm; the least recently used is shut down beyond this. */
const MAX_WARM_ENVIRONMENTS = 8;

const options = (workerData ?? { idleReapMs: 10 * 60_000 }) as WorkerOptions;
const environments = new Map<string, { hash: string; env: ExecutionEnvironment }>();
let queue: Promise<void> = Promise.resolve();

function shutdown(key: string): void {
  const entry = environments.get(key);
  if (!entry) return;
  environments.delete(key);
  entry.env.dispose();
}

function reapIdle(): void {
  const now = Date.now();
  for (const [key, { env }] of environments) if (now - env.lastUsedAt > options.idleReapMs) shutdown(key);
}

async function handleInvoke(msg: InvokeMessage): Promise<InvocationRecord> {
  const envSize = environmentSizeBytes(msg.config.environment);
  if (envSize > ENV_VARS_MAX_BYTES) {
    return failureRecord({
      requestId: msg.requestId,
      config: msg.config,
      status: 'error',
      durationMs: 0,
      ran: false,
      error: {
        errorType: 'InvalidParameterValueException',
        errorMessage: `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${JSON.stringify(msg.config.environment)}`,
        trace: [],
      },
      notes: [`Your environment variables take ${envSize} bytes; Lambda allows ${ENV_VARS_MAX_BYTES} bytes for all of them together.`],
    });
  }
  const existing = environments.get(msg.key);
  if (existing && (existing.hash !== msg.hash || msg.forceColdStart)) shutdown(msg.key);
  let entry = environments.get(msg.key);
  if (!entry) {
    while (environments.size >= MAX_WARM_ENVIRONMENTS) {
      let oldest: string | undefined;
      let oldestAt = Infinity;
      for (const [k, e] of environments) if (e.env.lastUsedAt < oldestAt) [oldest, oldestAt] = [k, e.env.lastUsedAt];
      if (oldest === undefined) break;
      shutdown(oldest);
    }
    entry = { hash: msg.hash, env: await ExecutionEnvironment.create(msg.config, msg.files) };
    environments.set(msg.key, entry);
  }
  const { record, reset } = runRequest(entry.env, msg.eventJson, msg.requestId);
  if (reset) shutdown(msg.key);
  return record;
}

function reply(message: WorkerToHost): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (msg: HostToWorker) => {
  if (msg.type === 'shutdown') {
    for (const key of [...environments.keys()]) shutdown(key);
    process.exit(0);
  }
  queue = queue.then(async () => {
    reapIdle();
    let record: InvocationRecord;
    try {
      record = await handleInvoke(msg);
    } catch (err) {
      // A simulator bug must not take the worker down: answer with a plain-words failure.
      shutdown(msg.key);
      const message = err instanceof Error ? err.message : String(err);
      record = failureRecord({
        requestId: msg.requestId,
        config: msg.config,
        status: 'crash',
        durationMs: 0,
        error: { errorType: 'Runtime.Unknown', errorMessage: `RequestId: ${msg.requestId} Error: the simulator failed: ${message}`, trace: [] },
        notes: ['Coldstart could not run this invoke because of an internal error; the environment was reset.'],
      });
    }
    reply({ type: 'result', id: msg.id, record });
  });
});

const reaper = setInterval(reapIdle, Math.max(1_000, Math.min(options.idleReapMs, 60_000)));
reaper.unref();
