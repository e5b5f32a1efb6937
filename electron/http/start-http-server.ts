/**
 * Browser mode's server: the built renderer and the API (`POST /api/<method>`), on 127.0.0.1 only.
 * The API replies with the same ApiResult JSON that Electron's IPC returns, from the same `dispatch`.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type ApiHandlers } from '../api/dispatch.ts';
import { fail } from '../api/result.ts';
import { SECURITY_HEADERS } from '../security-headers.ts';
import { hasValidToken, isAllowedHost, isAllowedOrigin, newToken } from './request-guards.ts';
import { lookupStatic } from './static-files.ts';

// Largest API request body. Room for the largest valid call (a 5 MB handler plus a 6 MB event, JSON-escaped), so that
// payload limits are reported by the simulator as Lambda would, the same as over Electron's IPC.
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface HttpServerOptions {
  handlers: ApiHandlers;
  /** The built renderer, normally dist/renderer. */
  staticDir: string;
  /** TCP port; 0 (default) lets the system pick a free one. */
  port?: number;
  /** Always the loopback address: the server must never be reachable from the network. */
  host?: '127.0.0.1';
}

export interface RunningHttpServer {
  /** What the learner opens: `http://127.0.0.1:PORT/?token=...`. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(text);
}

/** Reads the body up to `limit` bytes; resolves `undefined` when it is larger. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  options: { handlers: ApiHandlers; token: string },
) {
  if (request.method !== 'POST') {
    sendJson(response, 405, fail('MethodNotAllowed', 'API calls are POST requests.'), { Allow: 'POST' });
    return;
  }
  if (!hasValidToken(request, options.token)) {
    sendJson(
      response,
      401,
      fail('Unauthorized', 'Missing or wrong session token. Open the URL Coldstart printed when it started.'),
    );
    return;
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  const body = declared > MAX_BODY_BYTES ? undefined : await readBody(request, MAX_BODY_BYTES);
  if (body === undefined) {
    // Close the connection rather than read megabytes nobody will use.
    sendJson(response, 413, fail('PayloadTooLarge', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`), {
      Connection: 'close',
    });
    return;
  }
  let args: unknown;
  try {
    args = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    sendJson(response, 400, fail('InvalidRequest', 'The request body is not valid JSON.'));
    return;
  }
  sendJson(response, 200, await dispatch(options.handlers, method, args));
}

function handleStatic(request: IncomingMessage, response: ServerResponse, staticDir: string, pathname: string): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Method not allowed.\n');
    return;
  }
  const found = lookupStatic(staticDir, pathname);
  if (found.kind !== 'file') {
    const [status, text] =
      found.kind === 'bad-path'
        ? [400, 'Bad path.']
        : found.kind === 'not-built'
          ? [503, 'The app is not built yet: run `npm run build`, then reload.']
          : [404, 'Not found.'];
    response.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    response.end(`${text}\n`);
    return;
  }
  // Vite's hashed file names never change content; index.html must be re-read to pick up a rebuild.
  const immutable = !found.fallback && /\/assets\//.test(pathname);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': found.contentType,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(found.path)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** Starts the server and resolves once it listens. */
export function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = newToken();
  const host = options.host ?? '127.0.0.1';
  let port = 0;

  const server = createServer((request, response) => {
    const forbidden = (message: string) => sendJson(response, 403, fail('Forbidden', message));
    if (!isAllowedHost(request, port))
      return forbidden('This server only answers requests addressed to 127.0.0.1 or localhost on its port.');
    if (!isAllowedOrigin(request)) return forbidden('Requests from other web pages are refused.');

    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      handleApi(request, response, pathname.slice('/api/'.length), { handlers: options.handlers, token }).catch(
        (error: unknown) => {
          console.error('[coldstart] API request failed:', error);
          if (!response.headersSent)
            sendJson(response, 500, fail('InternalError', 'The request could not be handled.'));
          else response.destroy();
        },
      );
      return;
    }
    handleStatic(request, response, options.staticDir, pathname);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would otherwise hold close() open until they time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}
