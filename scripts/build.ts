/**
 * Builds what the app runs from dist/:
 *   node scripts/build.ts [--renderer] [--electron] [--force]   (no target flag = both)
 * - renderer: Vite (renderer/vite.config.ts) -> dist/renderer. Skipped while dist/renderer/index.html
 *   is newer than every file under renderer/ (lessons are read at run time, so they never count).
 * - electron: esbuild -> dist/electron/{main,preload,sandbox-worker,fleet-worker,scenario-worker}.cjs for the desktop shell.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RENDERER_OUT = join(ROOT, 'dist', 'renderer', 'index.html');
const ELECTRON_OUT = join(ROOT, 'dist', 'electron');

/**
 * The simulator's worker thread entry. Electron cannot run .ts files, so it is bundled as its own
 * file and its path handed to the LambdaHost (see electron/main/lambda-host-factory.ts).
 */
export const SANDBOX_WORKER_ENTRY = join(ROOT, 'sandbox', 'runtime', 'worker', 'entry.ts');

/**
 * Left to Node's require at run time: Electron itself, the native SQLite module, QuickJS (whose
 * loader finds its .wasm file next to its own package files) and esbuild (the .ts handler
 * transpiler, which runs its own native binary).
 */
export const ELECTRON_EXTERNALS = [
  'electron',
  'esbuild',
  'better-sqlite3',
  'quickjs-emscripten',
  'quickjs-emscripten-core',
  '@jitl/*',
];

/** Newest modification time of any file under `dir` (0 when there is none). */
export function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const mtime = (file: string): number => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** True when dist/renderer is missing or older than any renderer source or the installed packages. */
export function isRendererStale(): boolean {
  const built = mtime(RENDERER_OUT);
  if (built === 0) return true;
  return Math.max(newestMtime(join(ROOT, 'renderer')), mtime(join(ROOT, 'package-lock.json'))) > built;
}

/** True when a desktop bundle is missing or older than the code it is built from. */
export function isElectronStale(): boolean {
  const outputs = ['main.cjs', 'preload.cjs'].map((file) => mtime(join(ELECTRON_OUT, file)));
  const built = Math.min(...outputs);
  if (built === 0) return true;
  return (
    Math.max(
      newestMtime(join(ROOT, 'electron')),
      newestMtime(join(ROOT, 'sandbox')),
      mtime(join(ROOT, 'package-lock.json')),
    ) > built
  );
}

export interface BuildOptions {
  /** Build even when the output looks up to date. */
  force?: boolean;
  /** Only warnings and errors (used by `npm start`, which prints its own one-line status). */
  quiet?: boolean;
}

/** Builds the renderer with Vite's JS API. @returns whether a build ran. */
export async function buildRenderer(options: BuildOptions = {}): Promise<boolean> {
  if (!options.force && !isRendererStale()) return false;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: options.quiet ? 'warn' : 'info' });
  return true;
}

/** Bundles Electron's main process, preload and the workers. @returns whether a build ran. */
export async function buildElectron(options: BuildOptions & { outDir?: string } = {}): Promise<boolean> {
  // A custom outDir (tests) is always built: staleness is judged for dist/electron only.
  if (!options.force && options.outDir === undefined && !isElectronStale()) return false;
  const esbuild = await import('esbuild');
  const entryPoints: Record<string, string> = {
    main: join(ROOT, 'electron', 'main', 'main.ts'),
    preload: join(ROOT, 'electron', 'main', 'preload.ts'),
    // The playground's fleet simulations run in their own worker so the backend stays responsive.
    'fleet-worker': join(ROOT, 'electron', 'backend', 'fleet-worker.ts'),
    'scenario-worker': join(ROOT, 'electron', 'backend', 'scenario-worker.ts'),
  };
  if (existsSync(SANDBOX_WORKER_ENTRY)) entryPoints['sandbox-worker'] = SANDBOX_WORKER_ENTRY;
  else
    console.warn(`[build] ${relative(ROOT, SANDBOX_WORKER_ENTRY)} not found: the desktop app's Run button needs it.`);
  await esbuild.build({
    entryPoints,
    outdir: options.outDir ?? ELECTRON_OUT,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 45 embeds Node 22.
    target: 'node22',
    external: ELECTRON_EXTERNALS,
    sourcemap: true,
    logLevel: options.quiet ? 'warning' : 'info',
  });
  return true;
}

async function main(argv: readonly string[]): Promise<void> {
  const force = argv.includes('--force');
  const renderer = argv.includes('--renderer');
  const electron = argv.includes('--electron');
  const both = !renderer && !electron;
  if (renderer || both) {
    if (!(await buildRenderer({ force })))
      console.log('[build] renderer is up to date (dist/renderer); --force rebuilds it.');
  }
  if (electron || both) {
    if (!(await buildElectron({ force })))
      console.log('[build] desktop bundles are up to date (dist/electron); --force rebuilds them.');
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
