/**
 * Browser mode's per-launch secret. The backend prints a URL with `?token=...`; we read it once,
 * keep it in sessionStorage (so a reload of this tab still works) and drop it from the address bar
 * so it is not left in history, bookmarks or screenshots.
 */
const STORAGE_KEY = 'coldstart.token';

let token: string | null = null;

/** Reads the token from the URL (first load) or sessionStorage (reload). Call once at start-up. */
export function captureSessionToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    token = fromUrl;
    try {
      sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token still works for this page's lifetime.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return token;
  }
  try {
    token = sessionStorage.getItem(STORAGE_KEY);
  } catch {
    token = null;
  }
  return token;
}

/** The token for the Authorization header, or null when none was given. */
export function sessionToken(): string | null {
  return token;
}
