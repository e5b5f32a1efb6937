/**
 * The one door to Monaco: a dynamic import, so Vite puts Monaco (several MB) in its own chunk that
 * is fetched only when a lesson page opens an editor. Concurrent callers share one load.
 */
import type { Monaco } from './monaco.ts';

export type { Monaco };

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco.ts').then((module) => module.monaco);
  // A failed load (e.g. the backend stopped mid-download) may be retried on the next editor mount.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
