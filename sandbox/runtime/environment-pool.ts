/**
 * EnvironmentPool: the execution environments of one thread, usable synchronously. The worker
 * threads of createLambdaHost each own one; the fleet simulator can own one directly and invoke
 * thousands of times without any thread round trip. Each deployment's environments share a QuickJS
 * engine of their own (one WebAssembly module; each environment is a runtime + context in it), so
 * one function's memory bomb never keeps memory for another's sake (see engine/engine-set.ts).
 *
 * Everything is synchronous except getting ready: `ready()` loads engines (and esbuild when
 * TypeScript files are deployed); check `needsPreparation()` and await `ready()` when it says so.
 * A synchronous caller that skips that still runs, sharing an engine with other deployments.
 */
import type { FunctionConfig, InvocationRecord, SourceFile } from '../invocation/record.ts';
import { failureRecord } from '../invocation/failure-record.ts';
import { ENV_VARS_MAX_BYTES } from '../facts/limits.ts';
import { addLayerNotes, layerConfigFailure } from '../layers/layer-notes.ts';
import { cachedDeploymentHash } from './deployment.ts';
import { EngineSet, type EngineSetOptions } from './engine/engine-set.ts';
import { isEngineTrap, type QuickJsEngine } from './engine/quickjs-engine.ts';
import { environmentSizeBytes, newRequestId } from './lambda-identity.ts';
import { requestTooLargeRecord, type RequestInvocationType } from './request-limits.ts';
import type { AccountAttachment } from './worker/account-link.ts';
import { ExecutionEnvironment } from './worker/environment.ts';
import { runRequest } from './worker/invoke-phase.ts';
import { isTypeScript, loadTranspiler, transpilerReady } from './worker/transpile.ts';

/**
 * How long an environment may sit idle before it is shut down, in real ms (default 10 minutes).
 * AWS does not publish this; public measurements see idle environments reused after 5-15 minutes
 * (sometimes longer), so the default sits in the middle of that range. See sandbox/docs/.
 */
export const DEFAULT_IDLE_REAP_MS = 10 * 60_000;

/** Options of an EnvironmentPool. */
export interface EnvironmentPoolOptions {
  /** Real ms after which an idle environment is shut down (default DEFAULT_IDLE_REAP_MS). */
  idleReapMs?: number;
  /** Most environments kept at once; the least recently used goes first (default 8). */
  maxEnvironments?: number;
  engines?: EngineSetOptions;
}

/** One invoke for the pool. */
export interface PoolInvokeRequest {
  /** Environment identity: same key + same deployment = warm reuse. */
  key: string;
  config: FunctionConfig;
  files: SourceFile[];
  eventJson: string;
  /**
   * How the request was made, for the payload quota checked on admission: 6 MB for sync
   * (default), 1 MB for async (Event). An over-size request is refused before anything runs.
   */
  invocationType?: RequestInvocationType;
  /** Hash of code + configuration (computed when left out). */
  hash?: string;
  requestId?: string;
  /**
   * When the request arrives, in epoch ms: the time of its log lines and of `Date.now()` in the
   * handler, which then advance on the virtual clock (default: the real time now). Scenarios pass
   * their virtual time.
   */
  startAtMs?: number;
  forceColdStart?: boolean;
  /**
   * A simulated AWS account for the handler's AWS SDK calls, and the caller (function + role)
   * they are made as. Without it SDK calls fail saying the function is not connected to one.
   */
  account?: AccountAttachment;
}

/** A deployment about to be invoked, for `needsPreparation` and `ready`. */
export interface PoolDeployment {
  config: FunctionConfig;
  files: SourceFile[];
  /** Hash of code + configuration (computed when left out). */
  hash?: string;
}

/** An environment as the UI lists it. */
export interface EnvironmentInfo {
  key: string;
  functionName: string;
  /** warm: initialised and ready for a warm start; cold: created but INIT has not succeeded yet. */
  state: 'warm' | 'cold';
  /** Real epoch ms. */
  createdAt: number;
  lastUsedAt: number;
  invocations: number;
  /** Ms until the idle reaper shuts it down (real time). */
  reapInMs: number;
}

interface Entry {
  hash: string;
  env: ExecutionEnvironment;
}

function hashOf(deployment: PoolDeployment): string {
  return deployment.hash ?? cachedDeploymentHash(deployment);
}

function needsTranspiler(files: SourceFile[]): boolean {
  return !transpilerReady() && files.some((f) => isTypeScript(f.path));
}

export class EnvironmentPool {
  private readonly environments = new Map<string, Entry>();
  private readonly engines: EngineSet;
  readonly idleReapMs: number;
  readonly maxEnvironments: number;
  /** Set when the engine had to be replaced; the next record of each lost key carries a note. */
  private readonly lostKeys = new Set<string>();

  constructor(options: EnvironmentPoolOptions = {}) {
    this.idleReapMs = options.idleReapMs ?? DEFAULT_IDLE_REAP_MS;
    this.maxEnvironments = Math.max(1, options.maxEnvironments ?? 8);
    this.engines = new EngineSet(options.engines);
  }

  /**
   * True when `invokeSync(deployment)` would not run at its best yet: no engine of its own is
   * loaded for it, or its TypeScript needs esbuild. Await `ready(deployment)` first.
   */
  needsPreparation(deployment?: PoolDeployment): boolean {
    if (!this.engines.canIsolate(deployment && hashOf(deployment))) return true;
    return !!deployment && needsTranspiler(deployment.files);
  }

  /** Load what `invokeSync` needs: an engine for each deployment, and esbuild for TypeScript. */
  async ready(deployments?: PoolDeployment | PoolDeployment[]): Promise<void> {
    const list = deployments === undefined ? [] : Array.isArray(deployments) ? deployments : [deployments];
    await this.engines.ready(list.length ? list.map(hashOf) : [undefined]);
    if (list.some((d) => needsTranspiler(d.files))) await loadTranspiler();
  }

  /** Invoke, getting ready first if needed. */
  async invoke(request: PoolInvokeRequest): Promise<InvocationRecord> {
    if (this.needsPreparation(request)) await this.ready(request);
    return this.invokeSync(request);
  }

  /**
   * Invoke synchronously. Never throws; when nothing is loaded yet (or the files need esbuild that
   * is not loaded) the record says the pool was not ready.
   */
  invokeSync(request: PoolInvokeRequest): InvocationRecord {
    const requestId = request.requestId ?? newRequestId();
    const { config, key } = request;
    const envSize = environmentSizeBytes(config.environment);
    if (envSize > ENV_VARS_MAX_BYTES) {
      return failureRecord({
        requestId,
        config,
        status: 'error',
        durationMs: 0,
        ran: false,
        error: {
          errorType: 'InvalidParameterValueException',
          errorMessage: `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${JSON.stringify(config.environment)}`,
          trace: [],
        },
        notes: [`Your environment variables take ${envSize} bytes; Lambda allows ${ENV_VARS_MAX_BYTES} bytes for all of them together.`],
      });
    }
    const layersRefused = layerConfigFailure(requestId, config, request.files);
    if (layersRefused) return layersRefused;
    const tooLarge = requestTooLargeRecord(requestId, config, request.eventJson, request.invocationType);
    if (tooLarge) return tooLarge;
    const hash = request.hash ?? cachedDeploymentHash(request);
    let entry: Entry | undefined;
    try {
      const existing = this.environments.get(key);
      if (existing && (existing.hash !== hash || request.forceColdStart || existing.env.engine.broken)) this.shutdown(key);
      entry = this.environments.get(key);
      if (!entry) {
        if (!this.engines.isReady(hash) || needsTranspiler(request.files)) throw new Error('EnvironmentPool is not ready: await ready() first.');
        this.makeRoom();
        const engine = this.engines.take(hash);
        try {
          entry = { hash, env: new ExecutionEnvironment(engine, config, request.files) };
        } catch (error) {
          this.engines.release(engine, () => this.liveHeap(engine), hash);
          throw error;
        }
        this.environments.set(key, entry);
      }
      entry.env.account.attach(request.account, entry.env.clock.nowMs);
      let outcome: ReturnType<typeof runRequest>;
      try {
        outcome = runRequest(entry.env, request.eventJson, requestId, request.startAtMs);
      } finally {
        entry.env.account.detach();
      }
      const { record, reset } = outcome;
      if (reset) this.shutdown(key);
      addLayerNotes(config, record);
      if (this.lostKeys.delete(key) && record.coldStart) {
        record.logs.push({ kind: 'platform', text: "Coldstart note: Coldstart had to restart its QuickJS engine, so this function's previous environment was lost and this invoke started cold." });
      }
      return record;
    } catch (error) {
      return this.internalFailure(error, key, requestId, config, entry);
    }
  }

  private internalFailure(error: unknown, key: string, requestId: string, config: FunctionConfig, entry: Entry | undefined): InvocationRecord {
    const message = error instanceof Error ? error.message : String(error);
    if (entry && isEngineTrap(error)) {
      this.dropEngine(entry.env.engine, message, key);
      return failureRecord({
        requestId,
        config,
        status: 'crash',
        durationMs: 0,
        error: { errorType: 'Runtime.Unknown', errorMessage: `RequestId: ${requestId} Error: Coldstart's QuickJS engine failed while running this invoke`, trace: [] },
        notes: [`Coldstart's QuickJS engine stopped with an internal error (${message}). It was restarted; the next invoke is a cold start.`],
      });
    }
    this.shutdown(key);
    return failureRecord({
      requestId,
      config,
      status: 'crash',
      durationMs: 0,
      error: { errorType: 'Runtime.Unknown', errorMessage: `RequestId: ${requestId} Error: the simulator failed: ${message}`, trace: [] },
      notes: ['Coldstart could not run this invoke because of an internal error; the environment was reset.'],
    });
  }

  /**
   * The engine trapped or aborted: never call into it again, forget every environment in it (their
   * next invokes start cold, with a note) and let the engine set load a fresh one.
   */
  private dropEngine(broken: QuickJsEngine, message: string, exceptKey?: string): void {
    this.engines.breakEngine(broken, broken.broken ?? message);
    for (const [k, e] of [...this.environments]) {
      if (e.env.engine !== broken) continue;
      this.environments.delete(k);
      if (k !== exceptKey) this.lostKeys.add(k);
    }
  }

  /** Shut down the environment of `key` (the next invoke is a cold start). */
  shutdown(key: string): void {
    const entry = this.environments.get(key);
    if (!entry) return;
    this.environments.delete(key);
    const { engine } = entry.env;
    entry.env.dispose();
    this.engines.release(engine, () => this.liveHeap(engine), entry.hash);
    if (engine.broken) {
      // Freeing the runtime aborted the module (QuickJsEngine.freeRuntime turns the known leak
      // check into a leak, so this is a last resort): the engine's other environments go too.
      this.dropEngine(engine, engine.broken);
      return;
    }
    // Retired engines held alive by lingering environments: beyond the allowance, recycle them.
    for (const old of this.engines.overflow()) for (const [k, e] of [...this.environments]) if (e.env.engine === old) this.shutdown(k);
  }

  /** Shut down environments idle for longer than idleReapMs (real time). */
  reapIdle(now: number = Date.now()): void {
    for (const [key, { env }] of [...this.environments]) if (now - env.lastUsedAt > this.idleReapMs) this.shutdown(key);
  }

  /** The environments alive now, most recently used first. */
  list(now: number = Date.now()): EnvironmentInfo[] {
    return [...this.environments]
      .map(([key, { env }]) => ({
        key,
        functionName: env.config.functionName,
        state: env.initialized ? ('warm' as const) : ('cold' as const),
        createdAt: env.createdAt,
        lastUsedAt: env.lastUsedAt,
        invocations: env.invocations,
        reapInMs: Math.max(0, env.lastUsedAt + this.idleReapMs - now),
      }))
      .sort((a, b) => b.lastUsedAt - a.lastUsedAt);
  }

  get size(): number {
    return this.environments.size;
  }

  /** WebAssembly memory of the thread's engines, in bytes (what the environments cost the host). */
  engineMemoryBytes(): number {
    return this.engines.memoryBytes();
  }

  /** WebAssembly memory of the biggest engine, in bytes (how far one deployment made its engine grow). */
  largestEngineMemoryBytes(): number {
    return this.engines.largestMemoryBytes();
  }

  /** QuickJS engines loaded (one per deployment with environments, plus free ones). */
  get engineCount(): number {
    return this.engines.size;
  }

  /** Shut down every environment and let go of the engines (a later invoke loads new ones). */
  dispose(): void {
    for (const key of [...this.environments.keys()]) this.shutdown(key);
    this.engines.dropFree();
  }

  private makeRoom(): void {
    while (this.environments.size >= this.maxEnvironments) {
      let oldest: string | undefined;
      let oldestAt = Infinity;
      for (const [k, e] of this.environments) if (e.env.lastUsedAt < oldestAt) [oldest, oldestAt] = [k, e.env.lastUsedAt];
      if (oldest === undefined) return;
      this.shutdown(oldest);
    }
  }

  private liveHeap(engine: QuickJsEngine): number {
    let n = 0;
    for (const { env } of this.environments.values()) if (env.engine === engine) n += env.heapBytes();
    return n;
  }
}
