/**
 * Finding the built renderer's files (dist/renderer) for a URL path: content types, a guard against
 * paths that climb out of the folder, and the single-page-app fallback to index.html.
 */
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, isAbsolute, sep } from 'node:path';

/** Content types by extension; anything else is sent as bytes (and nosniff keeps it that way). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name. */
export const contentTypeFor = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** What a URL path resolves to. */
export type StaticLookup =
  | { kind: 'file'; path: string; contentType: string; fallback: boolean }
  | { kind: 'not-found' }
  | { kind: 'bad-path' }
  | { kind: 'not-built' };

const isFile = (path: string): boolean => existsSync(path) && statSync(path).isFile();

/**
 * Resolves `urlPath` (the path part of the request URL, still percent-encoded) inside `staticDir`.
 * Paths without an extension that match no file get index.html, so the app's own routes survive a
 * reload; a missing asset (`/assets/x.js`) is a plain 404, never HTML posing as script.
 */
export function lookupStatic(staticDir: string, urlPath: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-path' };
  }
  if (decoded.includes('\0')) return { kind: 'bad-path' };

  const index = join(staticDir, 'index.html');
  const relativePath = normalize(decoded).replace(/^[/\\]+/, '');
  const candidate = join(staticDir, relativePath === '' ? 'index.html' : relativePath);
  const rel = relative(staticDir, candidate);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { kind: 'bad-path' };

  if (isFile(candidate))
    return { kind: 'file', path: candidate, contentType: contentTypeFor(candidate), fallback: false };
  if (extname(decoded) !== '' && extname(decoded) !== '.html') return { kind: 'not-found' };
  if (!isFile(index)) return { kind: 'not-built' };
  return { kind: 'file', path: index, contentType: CONTENT_TYPES['.html'] ?? 'text/html', fallback: true };
}
