import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_EXTERNALS, newestMtime } from '../../scripts/build.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('newestMtime', () => {
  it('finds the newest file in nested folders, skipping node_modules and dot folders', () => {
    const root = tempDir();
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    mkdirSync(join(root, '.cache'), { recursive: true });
    const old = new Date('2020-01-01T00:00:00Z');
    const newer = new Date('2024-01-01T00:00:00Z');
    const newest = new Date('2030-01-01T00:00:00Z');
    for (const [file, time] of [
      ['x.ts', old],
      ['a/b/y.svelte', newer],
      ['node_modules/z.js', newest],
      ['.cache/w', newest],
    ] as const) {
      writeFileSync(join(root, file), '');
      utimesSync(join(root, file), time, time);
    }
    expect(newestMtime(root)).toBe(newer.getTime());
  });

  it('is 0 for a missing folder', () => {
    expect(newestMtime(join(tempDir(), 'nope'))).toBe(0);
  });
});

describe('desktop bundle externals', () => {
  it('keeps native SQLite, Electron and QuickJS (whose wasm must resolve) out of the bundle', () => {
    expect(ELECTRON_EXTERNALS).toEqual(
      expect.arrayContaining(['electron', 'better-sqlite3', 'quickjs-emscripten', '@jitl/*']),
    );
  });
});
