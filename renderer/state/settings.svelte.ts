/**
 * The learner's settings (language, theme): loaded from the backend at start-up, applied to the
 * page, and saved with settings.set so they survive restarts. Theme `system` follows
 * prefers-color-scheme live.
 */
import type { Language, ThemeSetting } from '../../electron/api/types.ts';
import { api } from '../lib/api-client.ts';
import { emitAppEvent } from '../lib/app-events.ts';
import { i18n, systemLanguage } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';

export const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

type BeforeLanguageChange = () => Promise<void>;

class SettingsStore {
  theme = $state<ThemeSetting>('system');
  #systemDark = $state(darkQuery.matches);
  /** The theme actually shown: `system` resolved against the OS preference. */
  resolvedTheme = $derived<'light' | 'dark'>(
    this.theme === 'system' ? (this.#systemDark ? 'dark' : 'light') : this.theme,
  );
  #beforeLanguageChange = new Set<BeforeLanguageChange>();

  constructor() {
    darkQuery.addEventListener('change', (e) => {
      this.#systemDark = e.matches;
    });
  }

  /** Loads saved settings; falls back to the system language and theme if the backend is down. */
  async load(): Promise<void> {
    const result = await api['settings.get']({});
    if (result.ok) {
      this.theme = result.value.theme;
      i18n.use(result.value.language ?? systemLanguage());
    } else {
      i18n.use(systemLanguage());
      notices.show(i18n.t('errors.loadSettings'), result.error);
    }
  }

  /** Registers work that must finish before the language switches (e.g. saving the draft). */
  beforeLanguageChange(hook: BeforeLanguageChange): () => void {
    this.#beforeLanguageChange.add(hook);
    return () => this.#beforeLanguageChange.delete(hook);
  }

  async setLanguage(language: Language): Promise<void> {
    if (language === i18n.language) return;
    await Promise.all([...this.#beforeLanguageChange].map((hook) => hook()));
    i18n.use(language);
    emitAppEvent('language-changed', { language });
    const result = await api['settings.set']({ language });
    if (!result.ok) notices.show(i18n.t('errors.saveSettings'), result.error);
  }

  async setTheme(theme: ThemeSetting): Promise<void> {
    this.theme = theme;
    const result = await api['settings.set']({ theme });
    if (!result.ok) notices.show(i18n.t('errors.saveSettings'), result.error);
  }
}

export const settings = new SettingsStore();
