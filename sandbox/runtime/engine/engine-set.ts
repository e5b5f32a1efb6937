/**
 * The engines of one thread: the current QuickJS module that new environments go to, and retired
 * ones that stay until their last environment ends. Loading a module is asynchronous (a few ms), so
 * `ready()` must be awaited when `isReady` is false; everything else is synchronous.
 */
import { QuickJsEngine } from './quickjs-engine.ts';

/** Options of an EngineSet. */
export interface EngineSetOptions {
  /**
   * Retire the current engine when its linear memory exceeds the heaps of its live environments by
   * more than this many bytes (memory a memory bomb left behind; WebAssembly memory never shrinks).
   * Default 192 MB: below that the free memory is simply reused by later environments (a 128 MB
   * function's bomb leaves about 64 MB), so only bombs of big memory sizes cause a new engine.
   */
  retireSlackBytes?: number;
  /** Most retired engines kept alive by lingering environments (default 1); see `overflow()`. */
  maxRetired?: number;
}

export class EngineSet {
  private current: QuickJsEngine | undefined;
  /** A loaded engine waiting to replace the current one synchronously when it retires or breaks. */
  private spare: QuickJsEngine | undefined;
  private loadingSpare = false;
  private loading: Promise<void> | undefined;
  readonly retired = new Set<QuickJsEngine>();
  private readonly retireSlackBytes: number;
  readonly maxRetired: number;

  constructor(options: EngineSetOptions = {}) {
    this.retireSlackBytes = options.retireSlackBytes ?? 192 * 1024 * 1024;
    this.maxRetired = options.maxRetired ?? 1;
  }

  /** True when `take()` can hand out an engine synchronously. */
  get isReady(): boolean {
    if (this.current && !this.current.broken && !this.current.retired) return true;
    if (this.spare) {
      this.current = this.spare;
      this.spare = undefined;
      this.loadSpare();
      return true;
    }
    return false;
  }

  /** Load a spare engine in the background (after the first retirement or break). */
  private loadSpare(): void {
    if (this.spare || this.loadingSpare) return;
    this.loadingSpare = true;
    QuickJsEngine.load().then(
      (engine) => {
        this.loadingSpare = false;
        this.spare = engine;
      },
      () => {
        this.loadingSpare = false;
      },
    );
  }

  /** Load a fresh engine if the current one is missing, broken or retired. */
  ready(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    this.loading ??= QuickJsEngine.load().then(
      (engine) => {
        this.loading = undefined;
        if (this.current) this.retire(this.current);
        this.current = engine;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** The engine for a new environment (call `ready()` first when `isReady` is false). */
  take(): QuickJsEngine {
    void this.isReady;
    const engine = this.current;
    if (!engine || engine.broken || engine.retired) throw new Error('No QuickJS engine is ready: await EngineSet.ready() first.');
    engine.environments += 1;
    return engine;
  }

  /**
   * An environment in `engine` ended. `liveHeapBytes` is the heap its remaining environments use;
   * with it the set decides whether the engine holds too much free memory and should retire.
   */
  release(engine: QuickJsEngine, liveHeapBytes: () => number): void {
    engine.environments = Math.max(0, engine.environments - 1);
    if (engine.broken) {
      if (engine === this.current) this.current = undefined;
      this.retired.delete(engine);
      return;
    }
    if (engine.retired) {
      if (engine.environments === 0) this.retired.delete(engine);
      return;
    }
    if (engine.leakedRuntimes > 0) {
      // A runtime could not be freed (see QuickJsEngine.freeRuntime): move on to a fresh engine as
      // soon as one is loaded, without ever making take() wait.
      if (this.spare) {
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
    this.retired.delete(engine);
    if (engine === this.current) this.current = undefined;
    this.loadSpare();
  }

  /** Retired engines beyond `maxRetired`, oldest first: their environments should be shut down. */
  overflow(): QuickJsEngine[] {
    const list = [...this.retired];
    return list.slice(0, Math.max(0, list.length - this.maxRetired));
  }

  /** Linear memory of every engine alive, in bytes. */
  memoryBytes(): number {
    let n = (this.current?.memoryBytes() ?? 0) + (this.spare?.memoryBytes() ?? 0);
    for (const e of this.retired) n += e.memoryBytes();
    return n;
  }

  private retire(engine: QuickJsEngine): void {
    engine.retired = true;
    if (engine === this.current) this.current = undefined;
    if (engine.environments > 0) this.retired.add(engine);
    this.loadSpare();
  }
}
