/**
 * Serves the built renderer (dist/renderer) on `app://coldstart/` with the same security headers
 * as browser mode. A custom privileged scheme, rather than file://, gives the page a real origin
 * that CSP `'self'`, module workers and the IPC sender check can rely on.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { lookupStatic } from '../http/static-files.ts';
import { SECURITY_HEADERS } from '../security-headers.ts';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

/** Must run before the app's `ready` event: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and an origin; secure: treated like https; corsEnabled + supportFetchAPI:
      // Monaco's module workers and fetch() of the app's own assets.
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

const textResponse = (status: number, text: string): Response =>
  new Response(`${text}\n`, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Installs the handler (after `ready`). Only GET of app://coldstart/... is answered. */
export function serveAppProtocol(staticDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return textResponse(404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed.');
    const found = lookupStatic(staticDir, url.pathname);
    if (found.kind === 'bad-path') return textResponse(400, 'Bad path.');
    if (found.kind === 'not-found') return textResponse(404, 'Not found.');
    if (found.kind === 'not-built') return textResponse(503, 'The app is not built yet: run `npm run build`.');
    const body = await readFile(found.path);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': found.contentType },
    });
  });
}
