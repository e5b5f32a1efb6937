/**
 * The event picker's form: the chosen template's parameters as text by name, rebuilt into the
 * event editor ~300 ms after a field changes. A value buildEvent refuses is shown beside its field
 * and leaves the editor as it was. The learner's own edits to the JSON are never overwritten
 * unless they act: only a field change rebuilds, and a rebuild that finds the editor changed since
 * that field change (typed into meanwhile) is dropped. `editedByHand` says when the two differ.
 */
import type { EventTemplateDefinitionView, Language } from '../../electron/api/types.ts';
import { api } from '../lib/api-client.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';

/** What the form reads and writes of the lesson's workspace. */
export interface EventTarget {
  readonly eventJson: string | undefined;
  setEventJson(json: string): void;
}

export const REBUILD_DELAY_MS = 300;

export class EventParametersState {
  /** The chosen template with its parameters (labels in the UI language); null before a choice. */
  definition = $state.raw<EventTemplateDefinitionView | null>(null);
  /** Each parameter's text as the learner typed it. */
  values = $state<Record<string, string>>({});
  /** buildEvent's message by parameter name, for the field it is about. */
  errors = $state<Record<string, string>>({});
  /** A message that names none of the fields (e.g. a problem of the template itself). */
  formError = $state<string | null>(null);
  /** The JSON the fields last put into the editor; null until they put one. */
  lastBuilt = $state<string | null>(null);
  /** A field changed and its rebuild has not come back yet. */
  pending = $state(false);

  readonly #target: EventTarget;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request = 0;
  /** The editor's text when the pending field change was made. */
  #snapshot: string | undefined;

  constructor(target: EventTarget) {
    this.#target = target;
  }

  /** The editor no longer holds what the fields last built: the learner edited it by hand. */
  get editedByHand(): boolean {
    return this.definition !== null && this.lastBuilt !== null && this.#target.eventJson !== this.lastBuilt;
  }

  /** Picks a template: its parameters at their defaults, and its default event in the editor. */
  async choose(name: string, language: Language): Promise<void> {
    this.#cancel();
    const request = ++this.#request;
    const [definition, built] = await Promise.all([
      api['events.definition']({ name, language }),
      api['events.build']({ name, params: {}, language }),
    ]);
    if (request !== this.#request) return;
    if (!definition.ok) {
      notices.show(i18n.t('errors.loadTemplate'), definition.error);
      return;
    }
    this.definition = definition.value;
    this.values = Object.fromEntries(definition.value.parameters.map((p) => [p.name, p.defaultText]));
    this.errors = {};
    this.formError = null;
    if (built.ok && built.value.ok) {
      this.#target.setEventJson(built.value.json);
      this.lastBuilt = built.value.json;
    } else {
      this.lastBuilt = null;
      if (built.ok && !built.value.ok) this.formError = built.value.message;
      else if (!built.ok) notices.show(i18n.t('errors.loadTemplate'), built.error);
    }
  }

  /** Reloads the labels and help in another language; the values stay as they are. */
  async relabel(language: Language): Promise<void> {
    const current = this.definition;
    if (!current) return;
    const definition = await api['events.definition']({ name: current.name, language });
    if (definition.ok && this.definition?.name === current.name) this.definition = definition.value;
  }

  /** A field changed: remember it and rebuild the event after a short pause in typing. */
  setValue(name: string, text: string): void {
    if (!this.definition) return;
    this.values[name] = text;
    // The editor as it is now is what the learner chose to replace by changing a field.
    this.#snapshot ??= this.#target.eventJson;
    this.pending = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.rebuild(), REBUILD_DELAY_MS);
  }

  /** Builds the event from the fields now (the debounce calls this). */
  async rebuild(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const definition = this.definition;
    if (!definition) return;
    const request = ++this.#request;
    const snapshot = this.#snapshot;
    const result = await api['events.build']({
      name: definition.name,
      params: { ...this.values },
      language: i18n.language,
    });
    // A newer change or choice is on its way: that one decides.
    if (request !== this.#request) return;
    this.pending = false;
    this.#snapshot = undefined;
    if (!result.ok) {
      this.formError = result.error.message;
      return;
    }
    const built = result.value;
    if (!built.ok) {
      // The editor keeps what it had: a half-typed value must not cost the learner their event.
      this.errors = built.parameter ? { [built.parameter]: built.message } : {};
      this.formError = built.parameter ? null : built.message;
      return;
    }
    this.errors = {};
    this.formError = null;
    // Typed into the editor after changing the field: their typing wins; the hint says they differ.
    if (snapshot !== undefined && this.#target.eventJson !== snapshot) return;
    this.#target.setEventJson(built.json);
    this.lastBuilt = built.json;
  }

  /** Closes the form; the editor keeps its event. */
  close(): void {
    this.#cancel();
    this.#request++;
    this.definition = null;
    this.values = {};
    this.errors = {};
    this.formError = null;
    this.lastBuilt = null;
  }

  dispose(): void {
    this.#cancel();
    this.#request++;
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#snapshot = undefined;
    this.pending = false;
  }
}
