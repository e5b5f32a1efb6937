import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvokeMessage } from '../../sandbox/runtime/protocol.ts';
import { buildElectron, ROOT } from '../../scripts/build.ts';

// Inside the repository, so the bundles resolve their external packages from its node_modules
// exactly as dist/electron does.
let outDir = '';
beforeAll(async () => {
  // A fresh clone has no dist/ yet.
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  outDir = mkdtempSync(join(ROOT, 'dist', '.test-electron-'));
  await buildElectron({ outDir, quiet: true });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('desktop bundles', () => {
  it('preload needs nothing but electron (sandboxed preloads cannot require files)', () => {
    const preload = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("coldstart"');
  });

  it('main leaves electron, SQLite and QuickJS to require at run time', () => {
    const main = readFileSync(join(outDir, 'main.cjs'), 'utf8');
    expect(main).toContain('require("electron")');
    expect(main).toContain('require("better-sqlite3")');
    expect(main).not.toMatch(/emscripten-module\.wasm/);
  });

  it('the bundled sandbox worker runs a handler in QuickJS from its .cjs file', async () => {
    const worker = new Worker(join(outDir, 'sandbox-worker.cjs'), { workerData: { idleReapMs: 60_000 } });
    try {
      const reply = await new Promise<{ type: string; record: { ok: boolean; result?: string; coldStart: boolean } }>(
        (resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage({
            type: 'invoke',
            id: 1,
            key: 'bundle-test',
            hash: 'h1',
            forceColdStart: false,
            config: {
              functionName: 'bundle-test',
              handler: 'index.handler',
              runtime: 'nodejs24.x',
              architecture: 'x86_64',
              memorySizeMB: 128,
              timeoutSeconds: 3,
              environment: {},
            },
            files: [{ path: 'index.mjs', code: 'export const handler = async (event) => ({ doubled: event.n * 2 });' }],
            eventJson: '{"n":21}',
            requestId: '6f1c2b7e-3a94-4d2b-9e51-0b8a7d4c2f13',
          } satisfies InvokeMessage);
        },
      );
      expect(reply.type).toBe('result');
      expect(reply.record.ok).toBe(true);
      expect(reply.record.coldStart).toBe(true);
      expect(JSON.parse(reply.record.result ?? 'null')).toEqual({ doubled: 42 });
    } finally {
      await worker.terminate();
    }
  });
});
