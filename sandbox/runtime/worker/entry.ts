/**
 * Worker thread entry: owns an EnvironmentPool (the execution environments of the function
 * deployments routed to this worker, sharing one QuickJS engine) and runs one request at a time.
 * Requests run synchronously as they arrive; only getting ready (loading an engine or esbuild)
 * waits, and requests queue behind it in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EnvironmentPool, DEFAULT_IDLE_REAP_MS } from '../environment-pool.ts';
import type { HostToWorker, InvokeMessage, WorkerOptions, WorkerToHost } from '../protocol.ts';

const options = (workerData ?? { idleReapMs: DEFAULT_IDLE_REAP_MS }) as WorkerOptions;
const pool = new EnvironmentPool({ idleReapMs: options.idleReapMs });
const waiting: HostToWorker[] = [];
let preparing = false;

function reply(message: WorkerToHost): void {
  parentPort?.postMessage(message);
}

function handle(msg: HostToWorker): void {
  if (msg.type === 'shutdown') {
    pool.dispose();
    process.exit(0);
  }
  if (msg.type === 'list') {
    reply({ type: 'environments', id: msg.id, environments: pool.list() });
    return;
  }
  pool.reapIdle();
  const record = pool.invokeSync({ key: msg.key, hash: msg.hash, config: msg.config, files: msg.files, eventJson: msg.eventJson, requestId: msg.requestId, forceColdStart: msg.forceColdStart });
  reply({ type: 'result', id: msg.id, record });
}

function needsPreparation(msg: HostToWorker): msg is InvokeMessage {
  return msg.type === 'invoke' && pool.needsPreparation(msg);
}

/** Run waiting messages in order; stop to get ready when one needs it. */
function drain(): void {
  while (!preparing && waiting.length) {
    const next = waiting[0]!;
    if (needsPreparation(next)) {
      preparing = true;
      pool.ready(next).then(
        () => {
          preparing = false;
          drain();
        },
        (error: unknown) => {
          // Could not load QuickJS or esbuild: answer the request plainly and carry on.
          preparing = false;
          waiting.shift();
          const message = error instanceof Error ? error.message : String(error);
          reply({ type: 'result', id: next.id, record: pool.invokeSync({ key: next.key, config: next.config, files: [], eventJson: '{}', requestId: next.requestId, hash: `unavailable:${message}` }) });
          drain();
        },
      );
      return;
    }
    waiting.shift();
    handle(next);
  }
}

parentPort?.on('message', (msg: HostToWorker) => {
  waiting.push(msg);
  drain();
});

const reaper = setInterval(() => pool.reapIdle(), Math.max(1_000, Math.min(options.idleReapMs, 60_000)));
reaper.unref();
