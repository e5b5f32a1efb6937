/**
 * Drafts survive SIGKILL at any moment: a child process saves drafts in a tight loop to a real
 * database file and is killed mid-write, several times; the file must open, pass integrity_check,
 * and hold a draft saved at most about a second before the kill.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openProgressStore } from '../../../electron/store/progress-store.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const WRITER = fileURLToPath(new URL('./support/draft-writer.ts', import.meta.url));
const PROJECT_NODE = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));
/** Node 24 from the project (it runs .ts directly); the test runner's own Node otherwise. */
const NODE = existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;

/** Starts the writer, lets it write for `writeMs`, kills it with SIGKILL; resolves with the kill time. */
function writeThenKill(path: string, writeMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [WRITER, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let killedAt = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (killedAt === 0 && chunk.toString().includes('ready')) {
        setTimeout(() => {
          killedAt = Date.now();
          child.kill('SIGKILL');
        }, writeMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL' && killedAt > 0) resolve(killedAt);
      else reject(new Error(`the writer exited on its own (signal ${String(signal)}): ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(
    'keeps the file healthy and loses at most the last second of drafts when killed mid-write',
    { timeout: 60_000 },
    async () => {
      const path = join(tempDir(), 'coldstart.db');
      // Different write durations, so the kills land at different points of the write cycle.
      for (const writeMs of [150, 40, 300, 90, 220]) {
        const killedAt = await writeThenKill(path, writeMs);

        const raw = new Database(path);
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        raw.close();

        const store = openProgressStore(path);
        expect(store.notices).toEqual([]);
        const draft = store.getDraft('crash-lesson');
        expect(draft).not.toBeNull();
        const savedAt = Date.parse(draft?.savedAt ?? '');
        expect(killedAt - savedAt).toBeLessThanOrEqual(1_000);
        // The code is whole: header line and body written together.
        expect(draft?.code).toMatch(/^\/\/ draft \d+ at \d+\nx{8000}$/);
        store.close();
      }
    },
  );
});
