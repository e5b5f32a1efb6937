/**
 * The function configuration of one lesson: the form's values, and what `config.validate` said
 * about them. The rules live in the backend (the sandbox's schema); this only keeps the form,
 * asks for a verdict after each change and hands `invoke.run` the configuration the backend approved.
 * Kept per lesson for the whole app session (a later issue persists it).
 */
import type {
  ConfigField,
  ConfigFieldError,
  ConfigOptions,
  ConfigValidation,
  ConfigWarning,
  Language,
  LayerVersionView,
} from '../../electron/api/types.ts';
import { api } from '../lib/api-client.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';

/** The playground's form (its function has no lesson, so no layers to attach). */
const PLAYGROUND = 'playground';

/** Wait this long after the last keystroke before asking the backend (ms). */
const VALIDATE_DELAY_MS = 120;

/** One environment variable row; `id` keeps Svelte's keyed list stable while rows are removed. */
export interface EnvRow {
  id: number;
  key: string;
  value: string;
}

export type ScalarValues = { [F in ConfigField]: F extends 'runtime' | 'architecture' ? string : number | null };

let optionsRequest: Promise<ConfigOptions | null> | undefined;

/** The form's choices and bounds, fetched once per app session. */
function loadOptions(): Promise<ConfigOptions | null> {
  optionsRequest ??= api['config.options']({}).then((result) => {
    if (result.ok) return result.value;
    notices.show(i18n.t('errors.loadConfig'), result.error);
    optionsRequest = undefined;
    return null;
  });
  return optionsRequest;
}

export class FunctionConfigForm {
  options = $state.raw<ConfigOptions | null>(null);
  values = $state<ScalarValues>({
    memorySizeMB: null,
    timeoutSeconds: null,
    runtime: '',
    architecture: '',
    ephemeralStorageMB: null,
  });
  env = $state<EnvRow[]>([]);
  /** Layer version ARNs attached, in the order Lambda extracts them into /opt. */
  layers = $state<string[]>([]);
  /** The layer versions the learner may attach (the lesson's; every lesson's in the playground). */
  availableLayers = $state.raw<LayerVersionView[]>([]);
  /** The backend's last verdict on the form as it is now (null while none has arrived). */
  validation = $state.raw<ConfigValidation | null>(null);
  /** `checking` from a change until its verdict arrives. */
  state = $state<'loading' | 'checking' | 'valid' | 'invalid'>('loading');
  #nextRowId = 1;
  #request = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: Promise<void> | undefined;
  #loaded: Promise<void>;
  #lessonId: string;
  #layersLanguage: Language | null = null;

  constructor(lessonId: string) {
    this.#lessonId = lessonId;
    this.#loaded = loadOptions().then((options) => {
      if (!options) return;
      this.options = options;
      this.values = { ...options.defaults };
      return this.#validateNow();
    });
  }

  /** True when the last verdict refused the form: Run is disabled and says why. */
  get invalid(): boolean {
    return this.validation !== null && !this.validation.ok;
  }

  /** The first reason the form is refused, for the note beside the Run button. */
  get firstError(): ConfigFieldError | undefined {
    return this.validation?.errors[0];
  }

  errorFor(field: ConfigFieldError['field']): ConfigFieldError | undefined {
    return this.validation?.errors.find((e) => e.field === field);
  }

  /** What Lambda accepts about attached layer `index` but the learner should know. */
  warningsFor(index: number): ConfigWarning[] {
    return this.validation?.warnings?.filter((w) => w.field === `layers.${index}`) ?? [];
  }

  /**
   * Loads the layer versions the learner may attach, in `language` (again when it changes). The
   * playground has none: its load tests and tuning run the function without layers.
   */
  async loadLayers(language: Language): Promise<void> {
    if (this.#layersLanguage === language || this.#lessonId === PLAYGROUND) return;
    this.#layersLanguage = language;
    const result = await api['layers.list']({ lessonId: this.#lessonId, language });
    if (result.ok) this.availableLayers = result.value;
    else {
      this.#layersLanguage = null;
      notices.show(i18n.t('errors.loadLayers'), result.error);
    }
  }

  attachLayer(arn: string): void {
    if (this.layers.includes(arn)) return;
    this.layers.push(arn);
    this.#changed();
  }

  detachLayer(index: number): void {
    this.layers.splice(index, 1);
    this.#changed();
  }

  /** Moves attached layer `index` by `delta` places (earlier layers are extracted first). */
  moveLayer(index: number, delta: -1 | 1): void {
    const to = index + delta;
    const arn = this.layers[index];
    if (arn === undefined || to < 0 || to >= this.layers.length) return;
    this.layers.splice(index, 1);
    this.layers.splice(to, 0, arn);
    this.#changed();
  }

  set<F extends ConfigField>(field: F, value: ScalarValues[F]): void {
    this.values[field] = value;
    this.#changed();
  }

  addEnv(): void {
    this.env.push({ id: this.#nextRowId++, key: '', value: '' });
    this.#changed();
  }

  removeEnv(index: number): void {
    this.env.splice(index, 1);
    this.#changed();
  }

  setEnv(index: number, part: 'key' | 'value', text: string): void {
    const row = this.env[index];
    if (!row) return;
    row[part] = text;
    this.#changed();
  }

  /** Back to Lambda's defaults, no variables, no layers. */
  reset(): void {
    if (this.options) this.values = { ...this.options.defaults };
    this.env = [];
    this.layers = [];
    this.#changed();
  }

  /**
   * The configuration to run with, after any verdict still on its way; `undefined` when the form
   * is refused (the caller does not run), `{}` (Lambda's defaults) when the form never loaded.
   */
  async forRun(): Promise<ConfigValidation['config'] | undefined> {
    await this.#loaded;
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#pending = this.#validateNow();
    }
    await this.#pending;
    if (!this.validation) return {};
    return this.validation.ok ? this.validation.config : undefined;
  }

  #changed(): void {
    this.state = 'checking';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pending = this.#validateNow();
    }, VALIDATE_DELAY_MS);
  }

  async #validateNow(): Promise<void> {
    const request = ++this.#request;
    const env = this.env.map(({ key, value }) => ({ key, value }));
    const result = await api['config.validate']({
      config: { ...this.values, environment: env, layers: [...this.layers] },
    });
    // A newer change was made meanwhile: its own verdict is on the way.
    if (request !== this.#request) return;
    if (!result.ok) {
      notices.show(i18n.t('errors.validateConfig'), result.error);
      this.validation = null;
      this.state = 'valid';
      return;
    }
    this.validation = result.value;
    this.state = result.value.ok ? 'valid' : 'invalid';
  }
}

// A plain cache: each form is reactive itself, nothing renders from the map.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const forms = new Map<string, FunctionConfigForm>();

/** The configuration form of a lesson, the same one each time the lesson is opened this session. */
export function configFormFor(lessonId: string): FunctionConfigForm {
  let form = forms.get(lessonId);
  if (!form) {
    form = new FunctionConfigForm(lessonId);
    forms.set(lessonId, form);
  }
  return form;
}
