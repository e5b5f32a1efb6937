/**
 * The playground's defaults and bounds (`playground.options`): the default server price with its
 * source and date, the tuning ladder. Fetched once per app session, shared by every form.
 */
import type { PlaygroundOptions } from '../../electron/api/playground-types.ts';
import { api } from '../lib/api-client.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';

class PlaygroundOptionsState {
  value = $state.raw<PlaygroundOptions | null>(null);
  #request: Promise<PlaygroundOptions | null> | undefined;

  /** The options, loaded on the first call. */
  load(): Promise<PlaygroundOptions | null> {
    this.#request ??= api['playground.options']({}).then((result) => {
      if (result.ok) {
        this.value = result.value;
        return result.value;
      }
      notices.show(i18n.t('playground.errors.options'), result.error);
      this.#request = undefined;
      return null;
    });
    return this.#request;
  }
}

export const playgroundOptions = new PlaygroundOptionsState();
