/**
 * Events the app emits for end-to-end tests and the start-up benchmark, so they can wait on what
 * happened instead of sleeping. Each is a `CustomEvent` on `window` named `coldstart:<name>`;
 * the latest one is also mirrored as a data attribute on <html> where a test needs a stable flag.
 */
export interface AppEventMap {
  /** The first screen (course map or lesson page) has its data and is interactive. */
  'app-ready': {
    screen: 'course-map' | 'lesson' | 'simulator' | 'review' | 'progress' | 'playground' | 'cost' | 'account';
  };
  /** A lesson's text, draft and quiz answers are loaded (in `language`). */
  'lesson-loaded': { lessonId: string; language: string };
  /** Monaco finished loading for an editor (`code` or `event`). */
  'editor-ready': { editor: 'code' | 'event' };
  /** A draft save finished. */
  'draft-saved': { lessonId: string; ok: boolean };
  /** An invoke finished (ok = the API call succeeded, not necessarily the handler). */
  'run-finished': { lessonId: string; ok: boolean; requestId?: string };
  /** A quiz answer was stored. */
  'quiz-answered': { lessonId: string; questionId: string; correct: boolean };
  /** An exercise's checks finished (ok = the API call succeeded; passed = every task passed). */
  'exercise-checked': { lessonId: string; ok: boolean; passed: boolean };
  /** A review was rated. */
  'review-recorded': { lessonId: string; questionId: string; rating: string };
  /** Progress changed wholesale (import, reset, restore): screens reload what they show. */
  'progress-changed': { reason: 'import' | 'reset' | 'restore' };
  /** The UI language changed. */
  'language-changed': { language: string };
}

export function emitAppEvent<K extends keyof AppEventMap>(name: K, detail: AppEventMap[K]): void {
  window.dispatchEvent(new CustomEvent(`coldstart:${name}`, { detail }));
}

/** Marks the app interactive once; tests and `npm run bench` wait for `data-app-ready="true"`. */
export function markAppReady(screen: AppEventMap['app-ready']['screen']): void {
  const root = document.documentElement;
  if (root.dataset.appReady === 'true') return;
  root.dataset.appReady = 'true';
  emitAppEvent('app-ready', { screen });
}
