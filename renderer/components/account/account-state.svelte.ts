/**
 * The account page's state: the example scenarios, the one in the editor (as loaded and as the
 * learner edited it), and the latest run. Module-level so a run survives leaving the page.
 */
import type { ApiError } from '../../../electron/api/result.ts';
import type { ScenarioExample, ScenarioResult } from '../../../electron/api/scenario-types.ts';
import type { Language } from '../../../electron/api/types.ts';
import { api } from '../../lib/api-client.ts';

export type AccountState = 'loading' | 'idle' | 'running' | 'done' | 'error';

class AccountScenarios {
  examples = $state<ScenarioExample[]>([]);
  selected = $state('');
  text = $state('');
  /** The example's text as served; Run sends the name while the text is unchanged. */
  original = $state('');
  state = $state<AccountState>('loading');
  result = $state.raw<ScenarioResult | null>(null);
  error = $state<ApiError | null>(null);
  /** Which of `result.steps` the explorer shows (the last one, the final account, after a run). */
  step = $state(0);
  /** Finished runs, so a test can wait for the next one. */
  runs = $state(0);

  edited = $derived(this.text !== this.original);

  /** Loads the examples (titles in `language`) and, the first time, the first example's text. */
  async loadList(language: Language): Promise<void> {
    const listed = await api['scenario.list']({ language });
    if (!listed.ok) {
      this.error = listed.error;
      this.state = 'error';
      return;
    }
    this.examples = listed.value;
    if (!this.selected && listed.value[0]) await this.select(listed.value[0].name);
    else if (this.state === 'loading') this.state = 'idle';
  }

  /** Puts an example in the editor; the previous run's result no longer matches it, so it goes. */
  async select(name: string): Promise<void> {
    this.selected = name;
    this.state = 'loading';
    const source = await api['scenario.get']({ name });
    if (this.selected !== name) return; // Another example was picked meanwhile.
    if (!source.ok) {
      this.error = source.error;
      this.state = 'error';
      return;
    }
    this.text = source.value.text;
    this.original = source.value.text;
    this.result = null;
    this.error = null;
    this.state = 'idle';
  }

  restore(): void {
    this.text = this.original;
  }

  async run(): Promise<void> {
    if (this.state === 'running') return;
    this.state = 'running';
    this.error = null;
    const outcome = await api['scenario.run'](this.edited ? { text: this.text } : { name: this.selected });
    if (outcome.ok) {
      this.result = outcome.value;
      this.step = Math.max(0, outcome.value.steps.length - 1);
      this.state = 'done';
    } else {
      // A refused scenario keeps no stale result beside its explanation.
      this.result = null;
      this.error = outcome.error;
      this.state = 'error';
    }
    this.runs += 1;
  }
}

export const account = new AccountScenarios();
