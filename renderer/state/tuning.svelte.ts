/**
 * The power-tuning panel: which memory sizes, how many warm runs each, the strategy, and the last
 * `tune.run` result for the playground's function.
 */
import type { ApiError } from '../lib/api-client.ts';
import type { TuneResult, TuningStrategy } from '../../electron/api/playground-types.ts';
import { api } from '../lib/api-client.ts';
import { playground } from './playground.svelte.ts';
import { playgroundOptions } from './playground-options.svelte.ts';

export const STRATEGIES: readonly TuningStrategy[] = ['cost', 'speed', 'balanced'];

/** "128, 256 512" -> [128, 256, 512]; anything else is kept as NaN so the backend names it. */
export function parseSizes(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map((part) => Number(part.replace(/mb$/i, '')));
}

class TuningState {
  sizesText = $state('');
  runs = $state<number | null>(null);
  strategy = $state<TuningStrategy>('cost');
  weight = $state(0.5);
  state = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  result = $state.raw<TuneResult | null>(null);
  error = $state.raw<ApiError | null>(null);
  #defaulted = false;

  /** Fills the form with the backend's defaults once they arrive (only if the learner typed nothing). */
  async init(): Promise<void> {
    const options = await playgroundOptions.load();
    if (!options || this.#defaulted) return;
    this.#defaulted = true;
    if (this.sizesText === '') this.sizesText = options.tune.memorySizes.join(', ');
    this.runs ??= options.tune.runs;
    this.weight = options.tune.balancedWeight;
  }

  async run(): Promise<void> {
    if (this.state === 'running') return;
    const source = await playground.source();
    if (!source) return;
    this.state = 'running';
    this.error = null;
    const { filename, handler, code, eventJson, config } = source;
    // The memory size is what tuning varies; everything else comes from the configuration form.
    const { memorySizeMB: _memory, ...rest } = config;
    const result = await api['tune.run']({
      filename,
      handler,
      code,
      eventJson,
      config: rest,
      memorySizes: parseSizes(this.sizesText),
      runs: this.runs as number,
      strategy: this.strategy,
      balancedWeight: this.weight,
    });
    if (result.ok) {
      this.result = result.value;
      this.state = 'done';
    } else {
      this.error = result.error;
      this.state = 'error';
    }
  }
}

export const tuning = new TuningState();
