/**
 * Autosave of the learner's code and event: `drafts.save` about 500 ms after the last keystroke,
 * and at once when the page is hidden, the lesson is left or the language switches, so a restart
 * never loses work. `status` drives the draft indicator.
 */
import { api } from '../lib/api-client.ts';
import { emitAppEvent } from '../lib/app-events.ts';
import { recordSave } from '../lib/pending-saves.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';

/** Quiet time after the last edit before saving, in ms. */
export const AUTOSAVE_DELAY_MS = 500;

export type DraftStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export class DraftAutosave {
  status = $state<DraftStatus>('idle');
  #lessonId: string;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The latest unsaved contents, or undefined when everything is saved. */
  #pending: { code: string; eventJson: string } | undefined;
  #inFlight: Promise<void> = Promise.resolve();

  constructor(lessonId: string) {
    this.#lessonId = lessonId;
  }

  /** Records an edit; the save happens after AUTOSAVE_DELAY_MS without further edits. */
  schedule(code: string, eventJson: string): void {
    this.#pending = { code, eventJson };
    this.status = 'pending';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything is unsaved. `keepalive` lets the request finish while the page unloads. */
  flush(keepalive = false): Promise<void> {
    clearTimeout(this.#timer);
    const draft = this.#pending;
    if (!draft) return this.#inFlight;
    this.#pending = undefined;
    // Saves run one after another so an older draft can never overwrite a newer one.
    this.#inFlight = this.#inFlight.then(() => this.#save(draft, keepalive));
    recordSave(this.#lessonId, this.#inFlight);
    return this.#inFlight;
  }

  async #save(draft: { code: string; eventJson: string }, keepalive: boolean): Promise<void> {
    this.status = 'saving';
    const result = await api['drafts.save']({ lessonId: this.#lessonId, ...draft }, { keepalive });
    if (result.ok) {
      // A newer edit may have arrived while saving; keep showing that it is not saved yet.
      if (!this.#pending) this.status = 'saved';
    } else {
      this.status = 'error';
      // Keep the unsaved text so the next edit or flush retries it.
      this.#pending ??= draft;
      notices.show(i18n.t('errors.saveDraft'), result.error);
    }
    emitAppEvent('draft-saved', { lessonId: this.#lessonId, ok: result.ok });
  }
}
