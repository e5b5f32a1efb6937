/**
 * `--layer <dir>`: a folder whose contents are a layer's root (what the .zip would hold, e.g.
 * `nodejs/node_modules/price-utils/index.js`), published in Coldstart's simulated account as
 * `<folder name>:1`. Text files are read; other files (native libraries, models) count with their
 * size toward the 250 MB quota without being held in memory. Bounded like the function's package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { makeLayerVersion, type LayerFile, type LayerVersion } from '../layers/layer-version.ts';
import { UsageError } from './args.ts';

/** Files whose text Coldstart keeps (the guest can require or read them). */
const TEXT_EXTENSIONS = new Set([
  '.js',
  '.mjs',
  '.cjs',
  '.json',
  '.ts',
  '.txt',
  '.md',
  '.yaml',
  '.yml',
  '.csv',
  '.html',
  '.css',
  '.xml',
  '.env',
  '',
]);

/** Bounds on what one layer folder may hold. */
export const LAYER_DIR_BOUNDS = {
  /** Subfolder depth below the layer's root (nodejs/node_modules/@scope/pkg/lib/... needs some). */
  maxDepth: 8,
  /** Files in all. */
  maxFiles: 2_000,
  /** Text kept in memory, all files together (16 MB); larger text files are refused. */
  maxTextBytes: 16 * 1024 * 1024,
} as const;

/** A layer name from a folder name: letters, digits, `-` and `_`. */
function layerNameFrom(folder: string): string {
  const cleaned = folder
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 140);
  return cleaned === '' ? 'layer' : cleaned;
}

/**
 * The layer version in folder `target` (relative to `cwd`).
 * @throws UsageError when the folder is missing, empty or over LAYER_DIR_BOUNDS.
 */
export function loadLayerDir(target: string, cwd: string): LayerVersion {
  const root = resolve(cwd, target);
  let isDir: boolean;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`--layer ${target}: no such folder`);
  }
  if (!isDir)
    throw new UsageError(
      `--layer ${target}: give a folder whose contents are the layer's root (e.g. nodejs/node_modules/...)`,
    );
  const files: LayerFile[] = [];
  let textBytes = 0;
  const walk = (dir: string, depth: number): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      // Symlinks could loop; .git and other hidden folders never belong in a .zip.
      if (entry.isSymbolicLink() || (entry.isDirectory() && entry.name.startsWith('.'))) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < LAYER_DIR_BOUNDS.maxDepth) walk(full, depth + 1);
        continue;
      }
      if (!entry.isFile()) continue;
      if (files.length >= LAYER_DIR_BOUNDS.maxFiles)
        throw new UsageError(
          `--layer ${target}: more than ${LAYER_DIR_BOUNDS.maxFiles} files; Coldstart loads smaller layers`,
        );
      const path = relative(root, full).split(sep).join('/');
      const size = statSync(full).size;
      if (!TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        files.push({ path, code: '', sizeBytes: size });
        continue;
      }
      textBytes += size;
      if (textBytes > LAYER_DIR_BOUNDS.maxTextBytes)
        throw new UsageError(
          `--layer ${target}: more than ${LAYER_DIR_BOUNDS.maxTextBytes / 1024 / 1024} MB of source files; Coldstart loads smaller layers`,
        );
      files.push({ path, code: readFileSync(full, 'utf8') });
    }
  };
  walk(root, 0);
  if (files.length === 0) throw new UsageError(`--layer ${target}: the folder is empty`);
  return makeLayerVersion({ name: layerNameFrom(basename(root)), version: 1, files });
}

/**
 * The layers of repeated `--layer` options, in order. A second folder with the same name is
 * published as the next version of that layer (so Lambda's rule against two versions of one layer
 * applies, as it would to two uploads).
 */
export function loadLayerDirs(targets: readonly string[], cwd: string): LayerVersion[] {
  const versions = new Map<string, number>();
  return targets.map((target) => {
    const layer = loadLayerDir(target, cwd);
    const version = (versions.get(layer.name) ?? 0) + 1;
    versions.set(layer.name, version);
    return version === 1 ? layer : makeLayerVersion({ ...layer, version });
  });
}
