/**
 * Browser mode: the same backend and renderer as the desktop app, served over HTTP on 127.0.0.1.
 * `node electron/browser-mode.ts [--port N]` (port default: COLDSTART_PORT, else any free port).
 * Prints exactly one line on success: `Coldstart is running in browser mode: <url>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from './backend/create-backend.ts';
import { resolveDataDir } from './data-dir.ts';
import { startHttpServer } from './http/start-http-server.ts';
import { DatabaseTooNewError } from './store/open-database.ts';

/** The repository (or unpacked app) folder: package.json, lessons/ and dist/ live here. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The line the app prints; end-to-end tests and people both read it. */
export const urlLine = (url: string): string => `Coldstart is running in browser mode: ${url}`;

export interface BrowserModeOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Default: resolveDataDir(). */
  dataDir?: string;
}

export interface RunningBrowserMode {
  url: string;
  /** Stops the server, ends workers and closes the database. */
  stop(): Promise<void>;
}

/** The app version from package.json. */
export function appVersion(root = REPO_ROOT): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** Starts the backend and the server; prints nothing (callers print {@link urlLine}). */
export async function runBrowserMode(options: BrowserModeOptions): Promise<RunningBrowserMode> {
  const staticDir = join(REPO_ROOT, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error('[coldstart] The renderer is not built (dist/renderer/index.html is missing): run `npm run build`.');
  }
  const backend = createBackend({
    dataDir: options.dataDir ?? resolveDataDir(),
    lessonsDir: join(REPO_ROOT, 'lessons'),
    mode: 'browser',
    version: appVersion(),
  });
  let server;
  try {
    server = await startHttpServer({ handlers: backend.handlers, staticDir, port: options.port, host: '127.0.0.1' });
  } catch (error) {
    await backend.close();
    throw error;
  }
  const running = server;
  return {
    url: running.url,
    stop: async () => {
      await running.close();
      await backend.close();
    },
  };
}

/** `--port N` from the command line, else COLDSTART_PORT, else 0. */
export function portFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const index = argv.indexOf('--port');
  const raw = index >= 0 ? argv[index + 1] : env['COLDSTART_PORT'];
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`The port must be a whole number from 0 to 65535 (got "${raw}").`);
  }
  return port;
}

/** Stops cleanly on Ctrl+C or a service manager's TERM, so the database is closed properly. */
export function stopOnSignals(app: RunningBrowserMode): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[coldstart] Error while stopping after ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  try {
    const app = await runBrowserMode({ port: portFromArgs(process.argv.slice(2)) });
    stopOnSignals(app);
    console.log(urlLine(app.url));
  } catch (error) {
    // Known start-up failures are explained in one plain sentence, without a stack trace.
    const known =
      error instanceof DatabaseTooNewError || (error instanceof Error && /port|EADDRINUSE|EACCES/.test(error.message));
    console.error(known && error instanceof Error ? `Coldstart could not start: ${error.message}` : error);
    process.exit(1);
  }
}

if (import.meta.main) void main();
