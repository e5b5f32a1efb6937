/**
 * One worker thread seen from the host: sends it one request at a time, and guards each request
 * with a real-time watchdog. If the worker does not answer in time (or dies), it is terminated and
 * replaced, and the caller gets a Lambda-shaped Runtime.ExitError instead of a hang.
 */
import { Worker } from 'node:worker_threads';
import type { InvocationRecord } from '../invocation/record.ts';
import { failureRecord } from '../invocation/failure-record.ts';
import type { EnvironmentInfo } from './environment-pool.ts';
import type { InvokeMessage, WorkerOptions, WorkerToHost } from './protocol.ts';

/** Options of a slot. */
export interface WorkerSlotOptions extends WorkerOptions {
  /** Real ms a single request may take before the worker is terminated. */
  watchdogMs: number;
  /** The worker script; defaults to the .ts entry beside this file (bundled apps pass their own). */
  workerPath?: string | URL;
}

type Job = { msg: Omit<InvokeMessage, 'id'>; resolve: (r: InvocationRecord) => void };

/** A worker thread plus its request queue and watchdog. */
export class WorkerSlot {
  private readonly options: WorkerSlotOptions;
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private current: { id: number; job: Job; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;
  private disposed = false;
  private readonly listings = new Map<number, (list: EnvironmentInfo[]) => void>();

  constructor(options: WorkerSlotOptions) {
    this.options = options;
  }

  /** Queue a request; resolves with its record (never rejects). */
  invoke(msg: Omit<InvokeMessage, 'id'>): Promise<InvocationRecord> {
    return new Promise((resolve) => {
      this.queue.push({ msg, resolve });
      this.pump();
    });
  }

  /** The worker's environments; empty when no worker runs. */
  listEnvironments(): Promise<EnvironmentInfo[]> {
    const worker = this.worker;
    if (!worker || this.disposed) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.listings.set(id, resolve);
      worker.postMessage({ type: 'list', id });
    });
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.workerPath ?? new URL('./worker/entry.ts', import.meta.url), {
      workerData: { idleReapMs: this.options.idleReapMs } satisfies WorkerOptions,
    });
    // An idle worker must not keep the app (or a test run) alive.
    worker.unref();
    worker.on('message', (m: WorkerToHost) => this.onMessage(worker, m));
    worker.on('error', (err) => this.onDeath(worker, `the worker failed: ${err.message}`));
    worker.on('exit', (code) => this.onDeath(worker, `the worker exited with code ${code}`));
    return worker;
  }

  private pump(): void {
    if (this.current || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.worker ??= this.spawn();
    const id = this.nextId++;
    // The pending request keeps the process alive; the worker itself is unref'd.
    const timer = setTimeout(() => this.onWatchdog(id), this.options.watchdogMs);
    this.current = { id, job, timer };
    this.worker.postMessage({ ...job.msg, id } satisfies InvokeMessage);
  }

  private finish(record: InvocationRecord): void {
    const cur = this.current;
    if (!cur) return;
    clearTimeout(cur.timer);
    this.current = undefined;
    cur.job.resolve(record);
    this.pump();
  }

  private onMessage(worker: Worker, m: WorkerToHost): void {
    if (m.type === 'environments') {
      this.listings.get(m.id)?.(m.environments);
      this.listings.delete(m.id);
      return;
    }
    if (worker !== this.worker || m.type !== 'result' || m.id !== this.current?.id) return;
    this.finish(m.record);
  }

  /** A Lambda-shaped failure for a request the worker could not finish. */
  private failureFor(job: Job, reason: string): InvocationRecord {
    const { msg } = job;
    return failureRecord({
      requestId: msg.requestId,
      config: msg.config,
      status: 'crash',
      durationMs: 0,
      error: { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${msg.requestId} Error: Runtime exited without providing a reason`, trace: [] },
      notes: [`Coldstart stopped this function: ${reason}. Its execution environments were reset, so the next invoke is a cold start.`],
    });
  }

  private fail(reason: string): void {
    if (this.current) this.finish(this.failureFor(this.current.job, reason));
  }

  private onWatchdog(id: number): void {
    if (this.current?.id !== id) return;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.fail(`the simulator did not answer within ${(this.options.watchdogMs / 1000).toFixed(0)} seconds of real time`);
  }

  private onDeath(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    for (const resolve of this.listings.values()) resolve([]);
    this.listings.clear();
    this.fail(reason);
  }

  /** Terminate the worker; queued requests are answered with a failure. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.fail('the simulator was shut down');
    for (const job of this.queue.splice(0)) job.resolve(this.failureFor(job, 'the simulator was shut down'));
    await worker?.terminate();
  }
}
