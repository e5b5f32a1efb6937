/**
 * The one door to Monaco: a dynamic import, so Vite puts Monaco (several MB) in its own chunk that
 * is fetched only when a lesson page opens an editor. Concurrent callers share one load.
 */
import type * as MonacoChunk from './monaco.ts';

/** The lazy chunk's exports: Monaco's API and `openEditor`. */
export type MonacoModule = typeof MonacoChunk;

let loading: Promise<MonacoModule> | undefined;

export function loadMonaco(): Promise<MonacoModule> {
  loading ??= import('./monaco.ts');
  // A failed load (e.g. the backend stopped mid-download) may be retried on the next editor mount.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
