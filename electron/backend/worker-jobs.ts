/**
 * Heavy backend jobs (fleet simulations, scenarios) run in a worker thread, one at a time, so the
 * backend's event loop keeps serving the UI. A wall-clock watchdog ends a run that takes too long.
 * When no worker file can be found (a bundle built without it), the job runs in-process instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiFailure } from '../api/result.ts';

/** How long a worker that has answered may take to end by itself before it is terminated, ms. */
const FINISHED_WORKER_GRACE_MS = 10_000;

/** What a worker posts back: the result, or a named error. */
export type WorkerJobReply<R> = { ok: true; result: R } | { ok: false; name: string; message: string };

export interface WorkerJobsOptions<I, R> {
  /** The worker entry, or null to always run in-process. */
  workerPath: string | URL | null;
  /** Wall-clock limit of one run, ms. */
  watchdogMs: number;
  /** How a message names the job, e.g. "the simulation". */
  what: string;
  /** The error for a run the watchdog stopped. */
  tooSlow: () => ApiFailure;
  /** Turns a worker's named error into what the API reports. */
  failureFrom: (name: string, message: string) => ApiFailure;
  /** The same job on this thread, for bundles without the worker file. */
  inProcess: (input: I) => Promise<R>;
}

export interface WorkerJobs<I, R> {
  run(input: I): Promise<R>;
  /** Ends a run in progress; later runs are refused. */
  close(): Promise<void>;
}

/**
 * Where a worker entry is: the .ts source beside this file when Node runs the sources, or the
 * .cjs bundle beside main.cjs in the Electron build (scripts/build.ts bundles both workers).
 */
export function defaultWorkerPath(name: string): string | URL | null {
  // import.meta.url is undefined in the CommonJS bundle esbuild makes for Electron.
  const here = import.meta.url as string | undefined;
  if (here) return new URL(`./${name}.ts`, here);
  if (typeof __dirname === 'string') {
    const bundled = join(__dirname, `${name}.cjs`);
    if (existsSync(bundled)) return bundled;
  }
  return null;
}

export function createWorkerJobs<I, R>(options: WorkerJobsOptions<I, R>): WorkerJobs<I, R> {
  let current: Worker | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  function inWorker(path: string | URL, input: I): Promise<R> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(path, { workerData: input });
      current = worker;
      let settled = false;
      const settle = (fn: () => void, stop: 'now' | 'after-grace') => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        current = undefined;
        fn();
        if (stop === 'now') {
          void worker.terminate();
          return;
        }
        // A worker that has answered ends by itself. Terminating it at once can land while V8 is
        // still compiling QuickJS's WebAssembly in the background, which has crashed Node 24
        // ("Check failed: jit_page.has_value()"); terminate only one that lingers.
        const grace = setTimeout(() => void worker.terminate(), FINISHED_WORKER_GRACE_MS);
        grace.unref();
        worker.once('exit', () => clearTimeout(grace));
      };
      const timer = setTimeout(() => settle(() => reject(options.tooSlow()), 'now'), options.watchdogMs);
      worker.once('message', (reply: WorkerJobReply<R>) =>
        settle(
          () => (reply.ok ? resolve(reply.result) : reject(options.failureFrom(reply.name, reply.message))),
          'after-grace',
        ),
      );
      worker.once('error', (error) => settle(() => reject(options.failureFrom('Error', error.message)), 'now'));
      worker.once('exit', (code) =>
        settle(
          () =>
            reject(
              closed
                ? new ApiFailure('ShuttingDown', `Coldstart is shutting down; ${options.what} was stopped.`)
                : options.failureFrom('Error', `${options.what}'s worker exited (code ${code}) without a result`),
            ),
          'now',
        ),
      );
    });
  }

  return {
    run(input) {
      if (closed) return Promise.reject(new ApiFailure('ShuttingDown', 'Coldstart is shutting down; nothing was run.'));
      const path = options.workerPath;
      // One run at a time: the machine has few cores and each run uses one fully.
      const run = queue.then(() => (path ? inWorker(path, input) : options.inProcess(input)));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      closed = true;
      await current?.terminate();
    },
  };
}
