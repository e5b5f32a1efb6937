import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/create-backend.ts';
import { MAX_BODY_BYTES, startHttpServer, type RunningHttpServer } from '../../../electron/http/start-http-server.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security-headers.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const FIXTURE_LESSONS = fileURLToPath(new URL('../../fixtures/lessons', import.meta.url));
const tempDir = useTempDirs();

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can set Host and Origin as an attacker's page or tool would. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let backend: Backend | undefined;
let server: RunningHttpServer | undefined;

afterEach(async () => {
  await server?.close();
  await backend?.close();
  server = undefined;
  backend = undefined;
});

async function start(): Promise<RunningHttpServer> {
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>Coldstart</title><script type="module" src="./assets/app-1a2b.js"></script>',
  );
  writeFileSync(join(staticDir, 'assets', 'app-1a2b.js'), 'console.log("app");');
  writeFileSync(join(staticDir, 'assets', 'font.woff2'), 'wOF2');
  writeFileSync(join(staticDir, 'assets', 'quickjs.wasm'), '\0asm');
  backend = createBackend({ dataDir: tempDir(), lessonsDir: FIXTURE_LESSONS, mode: 'browser', version: '9.9.9' });
  server = await startHttpServer({ handlers: backend.handlers, staticDir, port: 0, host: '127.0.0.1' });
  return server;
}

const api = (s: RunningHttpServer, method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(s.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('browser mode HTTP server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a 64-hex-digit token', async () => {
    const s = await start();
    expect(s.token).toMatch(/^[0-9a-f]{64}$/);
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=${s.token}`);
  });

  it('answers a valid API call with the ApiResult from dispatch', async () => {
    const s = await start();
    const reply = await api(s, 'app.info', {});
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { name: 'Coldstart', version: '9.9.9', mode: 'browser' },
    });
  });

  it('accepts localhost on its port and a same-origin Origin', async () => {
    const s = await start();
    const reply = await api(
      s,
      'settings.get',
      {},
      { Host: `localhost:${s.port}`, Origin: `http://localhost:${s.port}` },
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { language: null, theme: 'system' } });
  });

  it('returns argument errors as ok:false with status 200', async () => {
    const s = await start();
    const reply = await api(s, 'lessons.get', { id: 'valid-lesson' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { name: 'InvalidArguments' } });
  });

  it('refuses a call without a token with 401', async () => {
    const s = await start();
    const reply = await send(s.port, { method: 'POST', path: '/api/app.info', body: '{}' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { name: 'Unauthorized' } });
  });

  it('refuses a wrong token with 401', async () => {
    const s = await start();
    const wrong = s.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await api(s, 'app.info', {}, { Authorization: `Bearer ${wrong}` })).status).toBe(401);
    expect((await api(s, 'app.info', {}, { Authorization: s.token })).status).toBe(401);
    expect((await api(s, 'app.info', {}, { Authorization: 'Bearer ' })).status).toBe(401);
  });

  it('refuses a foreign Host with 403, API and static files alike (DNS rebinding)', async () => {
    const s = await start();
    const apiReply = await api(s, 'app.info', {}, { Host: `evil.example:${s.port}` });
    expect(apiReply.status).toBe(403);
    expect(JSON.parse(apiReply.body)).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
    expect((await send(s.port, { path: '/', headers: { Host: `127.0.0.1:${s.port + 1}` } })).status).toBe(403);
    expect((await send(s.port, { path: '/', headers: { Host: 'localhost' } })).status).toBe(403);
  });

  it('refuses a foreign or null Origin with 403, even with the right token', async () => {
    const s = await start();
    expect((await api(s, 'app.info', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await api(s, 'app.info', {}, { Origin: `http://localhost:${s.port}` })).status).toBe(403);
    expect((await api(s, 'app.info', {}, { Origin: 'null' })).status).toBe(403);
  });

  it('answers GET on /api with 405', async () => {
    const s = await start();
    const reply = await send(s.port, { path: '/api/app.info', headers: { Authorization: `Bearer ${s.token}` } });
    expect(reply.status).toBe(405);
    expect(reply.headers['allow']).toBe('POST');
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { name: 'MethodNotAllowed' } });
  });

  it('refuses a body over MAX_BODY_BYTES with 413', async () => {
    const s = await start();
    const code = 'x'.repeat(MAX_BODY_BYTES + 1);
    const reply = await api(s, 'drafts.save', { lessonId: 'valid-lesson', code, eventJson: '{}' });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { name: 'PayloadTooLarge' } });
  });

  it('refuses a body that is not JSON with 400', async () => {
    const s = await start();
    const reply = await send(s.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { Authorization: `Bearer ${s.token}` },
      body: '{nope',
    });
    expect(reply.status).toBe(400);
  });

  it('serves index.html with the strict CSP and other security headers', async () => {
    const s = await start();
    const reply = await send(s.port, { path: '/?token=abc' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.body).toContain('<title>Coldstart</title>');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content types, falls back to index.html for app routes, 404s missing assets', async () => {
    const s = await start();
    const js = await send(s.port, { path: '/assets/app-1a2b.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await send(s.port, { path: '/assets/font.woff2' })).headers['content-type']).toBe('font/woff2');
    expect((await send(s.port, { path: '/assets/quickjs.wasm' })).headers['content-type']).toBe('application/wasm');
    const route = await send(s.port, { path: '/lessons/first-function' });
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Coldstart</title>');
    expect((await send(s.port, { path: '/assets/missing-123.js' })).status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    const s = await start();
    const reply = await send(s.port, { path: '/..%2f..%2fpackage.json' });
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('"name"');
    const climb = await send(s.port, { path: '/%2e%2e/%2e%2e/etc/passwd' });
    expect(climb.body).not.toContain('root:');
    expect((await send(s.port, { path: '/%E0%A4%A' })).status).toBe(400);
    expect((await send(s.port, { path: '/a%00.js' })).status).toBe(400);
  });
});
