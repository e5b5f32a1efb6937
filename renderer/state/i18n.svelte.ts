/**
 * UI strings through i18next, made reactive with a rune: `i18n.t(key)` reads `i18n.language`,
 * so every template that calls it re-renders the moment the language changes.
 */
import i18next, { type TOptions } from 'i18next';
import type { Language } from '../../electron/api/types.ts';
import en from '../i18n/en.json';
import ko from '../i18n/ko.json';

// Both languages are first class: svelte-check fails if either file lacks a key of the other.
ko satisfies typeof en;
en satisfies typeof ko;

/** Every message key, e.g. `run.button`, derived from en.json so a typo fails the type check. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof en>;

export const LANGUAGES: readonly Language[] = ['ko', 'en'];

const engine = i18next.createInstance();
// Resources are bundled (two small JSON files), so initialisation is synchronous.
void engine.init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // Svelte escapes text itself; escaping here too would show &amp; to the learner.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The system language when the learner never picked one: Korean for ko-*, else English. */
export function systemLanguage(): Language {
  const preferred = navigator.languages?.[0] ?? navigator.language ?? 'en';
  return preferred.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

class I18n {
  language = $state<Language>('en');

  /** Switches the UI language (callers persist it; see settings.svelte.ts). */
  use(language: Language): void {
    void engine.changeLanguage(language);
    document.documentElement.lang = language;
    this.language = language;
  }

  /** Translates `key`; reading `this.language` makes the caller reactive to language switches. */
  t = (key: MessageKey, options?: TOptions): string => {
    return engine.t(key, { ...options, lng: this.language }) as string;
  };

  /** Locale-aware number formatting for the current language. */
  number = (value: number, options?: Intl.NumberFormatOptions): string =>
    new Intl.NumberFormat(this.language === 'ko' ? 'ko-KR' : 'en-US', options).format(value);
}

export const i18n = new I18n();
