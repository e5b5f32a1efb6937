import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { portFromArgs } from '../../electron/browser-mode.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const URL_LINE = /^Coldstart is running in browser mode: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64}))$/m;
const tempDir = useTempDirs();

/** Starts `node electron/browser-mode.ts` as `npm start` would fall back to it, and waits for its URL line. */
function launch(dataDir: string): Promise<{ child: ChildProcess; port: number; token: string; stdout: () => string }> {
  const child = spawn(process.execPath, ['electron/browser-mode.ts', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, COLDSTART_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = URL_LINE.exec(stdout);
      if (match) resolve({ child, port: Number(match[2]), token: match[3] ?? '', stdout: () => stdout });
    });
    child.once('exit', (code) =>
      reject(new Error(`browser mode exited with ${code} before printing its URL:\n${stdout}${stderr}`)),
    );
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('browser mode entry', () => {
  it('prints one URL line, serves the API, and exits cleanly on SIGTERM keeping the data', async () => {
    const dataDir = tempDir();
    const first = await launch(dataDir);
    expect(first.stdout().trim().split('\n')).toHaveLength(1);
    const call = (port: number, token: string, method: string, args: unknown) =>
      fetch(`http://127.0.0.1:${port}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      }).then((r) => r.json() as Promise<{ ok: boolean; value?: unknown }>);

    expect(await call(first.port, first.token, 'settings.set', { theme: 'dark' })).toEqual({
      ok: true,
      value: { language: null, theme: 'dark' },
    });
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);

    // A real restart: a new process, a new token, the same database.
    const second = await launch(dataDir);
    expect(second.token).not.toBe(first.token);
    expect(await call(second.port, second.token, 'settings.get', {})).toEqual({
      ok: true,
      value: { language: null, theme: 'dark' },
    });
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
  });
});

describe('portFromArgs', () => {
  it('takes --port, else COLDSTART_PORT, else 0', () => {
    expect(portFromArgs(['--port', '4321'], {})).toBe(4321);
    expect(portFromArgs([], { COLDSTART_PORT: '5000' })).toBe(5000);
    expect(portFromArgs([], {})).toBe(0);
    expect(() => portFromArgs(['--port', 'abc'], {})).toThrow(/whole number from 0 to 65535/);
  });
});
