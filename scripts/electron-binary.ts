/**
 * Whether the desktop shell can run here: Electron's binary (fetched on first use since Electron 45,
 * and impossible to fetch offline) and a display to show its window on.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How long the one download attempt may take, in milliseconds. */
export const DOWNLOAD_TIMEOUT_MS = 120_000;

/** The Electron executable when it is installed, else undefined. Mirrors node_modules/electron/index.js. */
export function electronBinary(root: string): string | undefined {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** Why no window can be shown, or undefined when one can. Only Linux/BSD can lack a display server. */
export function missingDisplayReason(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (platform === 'darwin' || platform === 'win32') return undefined;
  if (env['DISPLAY'] || env['WAYLAND_DISPLAY']) return undefined;
  return 'There is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset), so Coldstart opens in browser mode instead.';
}

/**
 * Runs Electron's own installer once, quietly (its output is kept, not shown), with a time limit.
 * @returns true when the binary is there afterwards.
 */
export function tryDownloadElectron(
  root: string,
  nodePath: string = process.execPath,
): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(nodePath, [join(root, 'node_modules', 'electron', 'install.js')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: DOWNLOAD_TIMEOUT_MS,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => resolve({ ok: false, output: `${output}${error.message}` }));
    child.once('exit', (code) => resolve({ ok: code === 0 && electronBinary(root) !== undefined, output }));
  });
}
