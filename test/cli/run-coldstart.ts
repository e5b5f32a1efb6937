/**
 * Runs the real `coldstart` command (bin/coldstart.mjs) in a child process, as a learner's shell
 * would, and collects what they would see: standard output, standard error and the exit code.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(REPO_ROOT, 'bin', 'coldstart.mjs');
/** The project's Node 24 (the `node` npm package). */
export const PROJECT_NODE = join(REPO_ROOT, 'node_modules', '.bin', 'node');

/** What the command printed and how it exited. */
export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Options of runColdstart. */
export interface RunOptions {
  /** Text piped to standard input (default: none, stdin closed). */
  input?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Working directory (default: the repository root). */
  cwd?: string;
  /** Node binary to start bin/coldstart.mjs with (default: the project's Node 24). */
  node?: string;
  /** Script to run instead of bin/coldstart.mjs (for a copied bin). */
  script?: string;
}

/** The environment without colour switches, so output is plain unless a test asks otherwise. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'NO_COLOR' && k !== 'FORCE_COLOR' && k !== 'COLDSTART_REEXECUTED') env[k] = v;
  }
  return env;
}

/** Run `coldstart <args>` and wait for it to exit. */
export function runColdstart(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.node ?? PROJECT_NODE, [options.script ?? BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...baseEnv(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(options.input ?? '');
  });
}

/** Write `files` (name -> source) into `dir`; returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): string {
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
  return dir;
}

function nodeVersion(binary: string): string | undefined {
  try {
    return execFileSync(binary, ['-p', 'process.versions.node'], { encoding: 'utf8', env: baseEnv() }).trim();
  } catch {
    return undefined;
  }
}

/**
 * A Node binary older than 22.18 (cannot strip types) from outside the project: the machine's
 * own Node (v20 here), found on PATH without node_modules/.bin, or in the usual places.
 */
export function findOldNode(): { path: string; version: string } | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '' && !d.includes('node_modules'));
  const candidates = [...dirs.map((d) => join(d, 'node')), '/usr/local/bin/node', '/usr/bin/node'];
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const version = nodeVersion(path);
    if (!version) continue;
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 18)) return { path, version };
  }
  return undefined;
}
