/**
 * The desktop app's own origin, `app://coldstart/`: the renderer is served from it, and only
 * pages from it may navigate the window or call the backend over IPC.
 */

/** Custom scheme registered as privileged (standard + secure) in app-protocol.ts. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'coldstart';
/** The page the window opens. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The one IPC channel the API travels on (see ipc-api.ts and preload.ts). */
export const API_CHANNEL = 'coldstart:api';

/**
 * True when `url` is a page of the app. Compares scheme and host rather than `URL.origin`, which
 * is "null" for custom schemes in Node's URL implementation.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
