/**
 * The documents of the "About the simulator" page (docs.get), loaded per language: what the sandbox
 * supports and how it computes time and cost. Written by the engine's authors in sandbox/docs/.
 */
import type { Language, SimulatorDoc, SimulatorDocName } from '../../electron/api/types.ts';
import { api } from '../lib/api-client.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';

export const SIMULATOR_DOCS: readonly SimulatorDocName[] = ['supported', 'time-model'];

export class SimulatorDocs {
  docs = $state.raw<Partial<Record<SimulatorDocName, SimulatorDoc>>>({});
  /** The language the shown documents were asked for; null until the first load ends. */
  loadedLanguage = $state<Language | null>(null);
  #request = 0;

  async load(language: Language): Promise<void> {
    const request = ++this.#request;
    const results = await Promise.all(SIMULATOR_DOCS.map((name) => api['docs.get']({ name, language })));
    if (request !== this.#request) return;
    const docs: Partial<Record<SimulatorDocName, SimulatorDoc>> = {};
    results.forEach((result, i) => {
      const name = SIMULATOR_DOCS[i];
      if (!name) return;
      if (result.ok) docs[name] = result.value;
      else notices.show(i18n.t('errors.loadDoc'), result.error);
    });
    this.docs = docs;
    this.loadedLanguage = language;
  }
}
