/**
 * Builds a function's deployment package from the learner's disk: the handler file plus the
 * source files beside it (so `import './lib.mjs'` works as it would in a Lambda ZIP), bounded so
 * that pointing the command at a file in a big folder cannot read the whole disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import type { SourceFile } from '../invocation/record.ts';
import { UsageError } from './args.ts';

/** Extensions of files that can be a handler. */
export const HANDLER_EXTENSIONS = ['.mjs', '.cjs', '.js', '.ts'] as const;
/** Extensions of files packaged beside the handler (sources plus JSON data and config). */
const PACKAGED_EXTENSIONS = new Set<string>([...HANDLER_EXTENSIONS, '.mts', '.cts', '.json']);
/** Folders never packaged: dependencies are not simulated from disk, VCS and tool folders never ship. */
const SKIPPED_DIRS = new Set(['node_modules', 'coverage', 'dist']);

/** Bounds on what is read besides the handler file itself. */
export const PACKAGE_BOUNDS = {
  /** Subfolder depth below the handler's folder (0 = that folder only). */
  maxDepth: 3,
  /** Files in all, handler included. */
  maxFiles: 200,
  /** Largest single file, in bytes (1 MB). */
  maxFileBytes: 1024 * 1024,
  /** All files together, in bytes (5 MB). */
  maxTotalBytes: 5 * 1024 * 1024,
} as const;

/** What loadFunctionFiles found. */
export interface FunctionPackage {
  /** Files with paths relative to the package root (`index.mjs`, `lib/db.mjs`); the handler first. */
  files: SourceFile[];
  /** Handler setting matching the file: `<name without extension>.handler`. */
  defaultHandler: string;
  /** A valid Lambda function name from the file or folder name. */
  functionName: string;
  /** Absolute path of the package root (the handler's folder). */
  root: string;
  /** Files that were left out because of PACKAGE_BOUNDS, for a note on stderr. */
  skipped: string[];
}

/** Names listed in the note about skipped files; a folder like /tmp can skip thousands. */
const SKIPPED_NAMES_SHOWN = 10;

/** The stderr note about files left out of the package ('' when none were). */
export function skippedFilesNote(skipped: string[]): string {
  if (skipped.length === 0) return '';
  const shown = skipped.slice(0, SKIPPED_NAMES_SHOWN).join(', ');
  const more = skipped.length > SKIPPED_NAMES_SHOWN ? ` and ${skipped.length - SKIPPED_NAMES_SHOWN} more` : '';
  return `coldstart: left out of the package (over ${PACKAGE_BOUNDS.maxFiles} files, 1 MB a file or 5 MB in all): ${shown}${more}. Put the handler in a folder of its own to package only its files.\n`;
}

/** Lambda function names: letters, digits, `-` and `_`, at most 64 characters. */
function functionNameFrom(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return cleaned === '' ? 'my-function' : cleaned;
}

/** Package-relative path with forward slashes, as Lambda's /var/task layout uses. */
function packagePath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** The other files in the folder, breadth-first, within PACKAGE_BOUNDS. */
function collectSiblings(root: string, handlerFile: string, budget: { files: number; bytes: number }, skipped: string[]): SourceFile[] {
  const out: SourceFile[] = [];
  let level = [root];
  for (let depth = 0; depth <= PACKAGE_BOUNDS.maxDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
      } catch {
        continue; // an unreadable folder is simply not part of the package
      }
      for (const entry of entries) {
        // Hidden entries (.git, .env) never belong in a package; symlinks could loop.
        if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) next.push(full);
          continue;
        }
        if (!entry.isFile() || full === handlerFile || !PACKAGED_EXTENSIONS.has(extname(entry.name))) continue;
        const size = statSync(full).size;
        if (budget.files >= PACKAGE_BOUNDS.maxFiles || size > PACKAGE_BOUNDS.maxFileBytes || budget.bytes + size > PACKAGE_BOUNDS.maxTotalBytes) {
          skipped.push(packagePath(root, full));
          continue;
        }
        budget.files++;
        budget.bytes += size;
        out.push({ path: packagePath(root, full), code: readFileSync(full, 'utf8') });
      }
    }
    level = next;
  }
  return out;
}

/**
 * Read the handler file `target` (relative to `cwd`) and the source files beside it. A folder is
 * accepted too; its default handler is then `index.handler`, as in the Lambda console.
 * @throws UsageError when the path is missing, unreadable, too big or not a Node.js source file.
 */
export function loadFunctionFiles(target: string, cwd: string): FunctionPackage {
  const full = resolve(cwd, target);
  let stats;
  try {
    stats = statSync(full);
  } catch {
    throw new UsageError(`handler file not found: ${target}`);
  }
  const skipped: string[] = [];
  const budget = { files: 0, bytes: 0 };
  if (stats.isDirectory()) {
    const files = collectSiblings(full, '', budget, skipped);
    if (files.length === 0) throw new UsageError(`no .js, .mjs, .cjs or .ts files in the folder ${target}`);
    return { files, defaultHandler: 'index.handler', functionName: functionNameFrom(basename(full)), root: full, skipped };
  }
  const ext = extname(full);
  if (!(HANDLER_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new UsageError(`${target} is not a Node.js handler file: use a .js, .mjs, .cjs or .ts file`);
  }
  if (stats.size > PACKAGE_BOUNDS.maxFileBytes) {
    throw new UsageError(`${target} is ${Math.ceil(stats.size / 1024)} KB; Coldstart runs handler files up to ${PACKAGE_BOUNDS.maxFileBytes / 1024} KB`);
  }
  const root = resolve(full, '..');
  const name = basename(full, ext);
  budget.files = 1;
  budget.bytes = stats.size;
  const handler: SourceFile = { path: packagePath(root, full), code: readFileSync(full, 'utf8') };
  const files = [handler, ...collectSiblings(root, full, budget, skipped)];
  return { files, defaultHandler: `${name}.handler`, functionName: functionNameFrom(name), root, skipped };
}
