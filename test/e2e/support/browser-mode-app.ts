/**
 * Starts Coldstart's browser mode exactly as `npm start` falls back to it (electron/browser-mode.ts),
 * with its own data folder, and hands back the URL it prints. Stopping it is a real process exit,
 * so "restart the app" in a test is a real restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/;

export interface RunningApp {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startBrowserMode(dataDir: string): Promise<RunningApp> {
  const child = spawn(process.execPath, ['electron/browser-mode.ts', '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, COLDSTART_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolve({ url: match[1], process: child, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`browser mode exited (code ${code}) before printing its URL:\n${output}`)),
    );
  });
}
