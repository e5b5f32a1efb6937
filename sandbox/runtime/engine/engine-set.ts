/**
 * The engines of one thread. Each deployment (code + configuration) gets a QuickJS engine of its
 * own while it has environments, the nearest thing to Lambda, where every environment is its own
 * microVM: a memory bomb grows only its own function's engine, and that memory goes back to the
 * host when the bombed environment ends. WebAssembly memory never shrinks, so dropping the module
 * is the only way to return it; with one engine for the whole thread, a 128 MB function's first
 * out-of-memory kept ~80 MB for as long as any other function stayed warm. Environments of one
 * deployment share their engine, so 200 idle environments of a function cost a runtime + context
 * each, not a module each.
 *
 * Loading a module is asynchronous (~5 ms), so engines are loaded ahead: `ready(homes)` makes sure
 * a free engine waits for each deployment about to start, and taking the last free engine loads
 * another in the background. A synchronous caller that finds no free engine shares the engine
 * handed out last: correct, only less isolated.
 */
import { QuickJsEngine } from './quickjs-engine.ts';

/** Options of an EngineSet. */
export interface EngineSetOptions {
  /**
   * Retire an engine that still has environments when its linear memory exceeds their heaps by
   * more than this many bytes (memory a memory bomb left behind). Default 192 MB: below that the
   * free memory is simply reused by the deployment's other environments.
   */
  retireSlackBytes?: number;
  /**
   * An engine whose last environment ended is kept for reuse only if its memory exceeds what it
   * started with by at most this many bytes (default 16 MB); a bigger one is dropped so that its
   * memory returns to the host.
   */
  recycleSlackBytes?: number;
  /** Most engines kept without environments, ready for new deployments (default 2). */
  maxFree?: number;
  /** Most retired engines kept alive by lingering environments (default 1); see `overflow()`. */
  maxRetired?: number;
}

const usable = (engine: QuickJsEngine | undefined): engine is QuickJsEngine =>
  !!engine && !engine.broken && !engine.retired;

export class EngineSet {
  /** Every engine alive (not dropped): bound, free or retired. */
  private readonly all = new Set<QuickJsEngine>();
  /** The engine of each deployment that has environments. */
  private readonly homes = new Map<string, QuickJsEngine>();
  /** Loaded engines without environments. */
  private readonly free: QuickJsEngine[] = [];
  /** The engine handed out last: shared when a synchronous caller finds no free engine. */
  private latest: QuickJsEngine | undefined;
  private loading: Promise<void> | undefined;
  readonly retired = new Set<QuickJsEngine>();
  private readonly retireSlackBytes: number;
  private readonly recycleSlackBytes: number;
  private readonly maxFree: number;
  readonly maxRetired: number;

  constructor(options: EngineSetOptions = {}) {
    this.retireSlackBytes = options.retireSlackBytes ?? 192 * 1024 * 1024;
    this.recycleSlackBytes = options.recycleSlackBytes ?? 16 * 1024 * 1024;
    this.maxFree = Math.max(1, options.maxFree ?? 2);
    this.maxRetired = options.maxRetired ?? 1;
  }

  /** True when `take(home)` can hand out an engine synchronously (perhaps one shared with others). */
  isReady(home?: string): boolean {
    return !!this.homeOf(home) || this.free.length > 0 || !!this.fallback();
  }

  /** True when `take(home)` gives the deployment its own engine (or the one it already has). */
  canIsolate(home?: string): boolean {
    return !!this.homeOf(home) || this.cleanFree() > 0;
  }

  /**
   * Load engines until every deployment in `homes` that has none yet can get a free one
   * (`undefined` stands for a caller that does not name its deployment).
   */
  async ready(homes: (string | undefined)[] = [undefined]): Promise<void> {
    const unbound = new Set(homes.filter((home) => !this.homeOf(home)));
    while (this.cleanFree() < unbound.size) await this.loadOne();
  }

  /** The engine for a new environment of deployment `home` (check `isReady(home)` first). */
  take(home?: string): QuickJsEngine {
    let engine = this.homeOf(home);
    if (!engine) {
      engine = this.takeFree() ?? this.fallback();
      if (!engine) throw new Error('No QuickJS engine is ready: await EngineSet.ready() first.');
      if (home !== undefined) this.homes.set(home, engine);
      this.latest = engine;
    }
    engine.environments += 1;
    if (home !== undefined) engine.homes.set(home, (engine.homes.get(home) ?? 0) + 1);
    this.loadSpare();
    return engine;
  }

  /**
   * An environment of deployment `home` in `engine` ended. `liveHeapBytes` is the heap its
   * remaining environments use; with it the set decides whether the engine holds too much free
   * memory to keep.
   */
  release(engine: QuickJsEngine, liveHeapBytes: () => number, home?: string): void {
    engine.environments = Math.max(0, engine.environments - 1);
    if (home !== undefined) this.unbindOne(engine, home);
    if (engine.broken || (engine.retired && engine.environments === 0)) {
      this.drop(engine);
      return;
    }
    if (engine.retired) return;
    if (engine.environments === 0) {
      this.emptied(engine);
      return;
    }
    if (engine.leakedRuntimes > 0) {
      // A runtime could not be freed (see QuickJsEngine.freeRuntime): move on to a fresh engine as
      // soon as one is loaded, without ever making take() wait.
      if (this.cleanFree() > 0) {
        this.retire(engine);
        return;
      }
      this.loadSpare();
    }
    const slack = engine.memoryBytes() - engine.initialMemoryBytes - liveHeapBytes();
    if (slack > this.retireSlackBytes) this.retire(engine);
  }

  /** Mark an engine broken (it trapped): it is never called again. */
  breakEngine(engine: QuickJsEngine, reason: string): void {
    engine.broken = reason;
    this.drop(engine);
    this.loadSpare();
  }

  /** Retired engines beyond `maxRetired`, oldest first: their environments should be shut down. */
  overflow(): QuickJsEngine[] {
    const list = [...this.retired];
    return list.slice(0, Math.max(0, list.length - this.maxRetired));
  }

  /** Linear memory of every engine alive, in bytes. */
  memoryBytes(): number {
    let n = 0;
    for (const engine of this.all) n += engine.memoryBytes();
    return n;
  }

  /** Linear memory of the biggest engine alive, in bytes (how far one deployment made its engine grow). */
  largestMemoryBytes(): number {
    let n = 0;
    for (const engine of this.all) n = Math.max(n, engine.memoryBytes());
    return n;
  }

  /** Drop the free engines (call once every environment has been released). */
  dropFree(): void {
    for (const engine of [...this.free]) this.drop(engine);
  }

  /** Engines alive (bound, free and retired). */
  get size(): number {
    return this.all.size;
  }

  private homeOf(home: string | undefined): QuickJsEngine | undefined {
    if (home === undefined) return undefined;
    const engine = this.homes.get(home);
    return usable(engine) ? engine : undefined;
  }

  /** The engine a synchronous caller shares when no free engine is loaded: the latest handed out, or any other. */
  private fallback(): QuickJsEngine | undefined {
    if (usable(this.latest)) return this.latest;
    for (const engine of this.all) if (usable(engine)) return engine;
    return undefined;
  }

  /**
   * An engine not worth keeping once it has no environments: it leaked a runtime, or a memory bomb
   * grew it beyond `recycleSlackBytes`.
   */
  private spoiled(engine: QuickJsEngine): boolean {
    return engine.leakedRuntimes > 0 || engine.memoryBytes() - engine.initialMemoryBytes > this.recycleSlackBytes;
  }

  private cleanFree(): number {
    let n = 0;
    for (const engine of this.free) if (!this.spoiled(engine)) n += 1;
    return n;
  }

  /**
   * A free engine, preferring clean ones and then the biggest: its grown memory is reused instead
   * of another engine growing.
   */
  private takeFree(): QuickJsEngine | undefined {
    let best: QuickJsEngine | undefined;
    for (const e of this.free) {
      const better =
        !best ||
        (this.spoiled(best) && !this.spoiled(e)) ||
        (this.spoiled(best) === this.spoiled(e) && e.memoryBytes() > best.memoryBytes());
      if (better) best = e;
    }
    if (best) this.free.splice(this.free.indexOf(best), 1);
    return best;
  }

  /**
   * The last environment of `engine` ended: keep it for the next deployment, or let its memory go.
   * A spoiled engine is kept only while it is the one engine there is, so that a synchronous
   * caller can go on; the next clean engine loaded replaces it (see loadOne).
   */
  private emptied(engine: QuickJsEngine): void {
    const alone = ![...this.all].some((other) => other !== engine && usable(other));
    const keep = this.spoiled(engine) ? alone : this.free.length < this.maxFree;
    if (keep) this.free.push(engine);
    else this.drop(engine);
    this.loadSpare();
  }

  private unbindOne(engine: QuickJsEngine, home: string): void {
    const left = (engine.homes.get(home) ?? 1) - 1;
    if (left > 0) {
      engine.homes.set(home, left);
      return;
    }
    engine.homes.delete(home);
    if (this.homes.get(home) === engine) this.homes.delete(home);
  }

  /** Forget an engine entirely: once no environment refers to it, V8 frees its memory. */
  private drop(engine: QuickJsEngine): void {
    this.all.delete(engine);
    this.retired.delete(engine);
    const i = this.free.indexOf(engine);
    if (i >= 0) this.free.splice(i, 1);
    for (const home of engine.homes.keys()) if (this.homes.get(home) === engine) this.homes.delete(home);
    if (this.latest === engine) this.latest = undefined;
  }

  private retire(engine: QuickJsEngine): void {
    engine.retired = true;
    for (const home of engine.homes.keys()) if (this.homes.get(home) === engine) this.homes.delete(home);
    if (this.latest === engine) this.latest = undefined;
    if (engine.environments > 0) this.retired.add(engine);
    else this.drop(engine);
    this.loadSpare();
  }

  private loadOne(): Promise<void> {
    this.loading ??= QuickJsEngine.load().then(
      (engine) => {
        this.loading = undefined;
        this.all.add(engine);
        this.free.push(engine);
        // A clean engine is here: spoiled free engines are no longer needed.
        for (const old of [...this.free]) if (this.spoiled(old)) this.drop(old);
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** Load a free engine in the background when none is waiting. */
  private loadSpare(): void {
    if (this.cleanFree() === 0 && !this.loading) this.loadOne().catch(() => undefined);
  }
}
