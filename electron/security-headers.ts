/**
 * The headers every page and file of the app is served with, in Electron (app://coldstart/) and in
 * browser mode (http://127.0.0.1:PORT/) alike, so both run under the same rules.
 */

/**
 * Only the app's own files may run or load. `style-src 'unsafe-inline'`: Svelte and Monaco set
 * inline styles; `worker-src blob:`: Monaco may start workers from blob URLs; `data:` images and
 * fonts: Monaco's codicons and small inline icons.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers added to every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
