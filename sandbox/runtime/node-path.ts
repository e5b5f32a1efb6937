/**
 * Where Lambda's Node.js runtime finds a package named by a bare specifier (`require('x')`,
 * `import 'x'`): the node_modules folders from the importing file's folder up to the root, as
 * Node.js searches them, then the folders of NODE_PATH, which the runtime sets to
 *
 *   /opt/nodejs/node24/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task
 *
 * (node22 for nodejs22.x). The /opt folders are where layers put packages
 * (https://docs.aws.amazon.com/lambda/latest/dg/packaging-layers.html#packaging-layers-paths).
 *
 * Plain Node.js ignores NODE_PATH for ES module imports (https://nodejs.org/api/esm.html#no-node_path),
 * but Lambda's runtimes since nodejs18.x search NODE_PATH for `import` too, so ES modules can import
 * packages from layers: "The Node.js 18.x runtime for Lambda searches the folders listed in NODE_PATH
 * when loading ES modules" (https://aws.amazon.com/blogs/compute/node-js-18-x-runtime-now-available-in-aws-lambda/;
 * https://repost.aws/knowledge-center/lambda-import-module-error-nodejs: "Lambda supports JavaScript
 * ES module dependencies for Node.js 18"). Coldstart simulates nodejs22.x and nodejs24.x, so both
 * `require` and `import` search NODE_PATH here; only package.json `exports` conditions differ.
 */
import type { RuntimeId } from '../invocation/record.ts';

/** `require` or `import`: picks the `exports` condition of a package.json. */
export type ResolveMode = 'require' | 'import';

/** NODE_PATH's folders for a runtime, in search order. */
export function nodePathDirs(runtime: RuntimeId): string[] {
  const major = /^nodejs(\d+)\.x$/.exec(runtime)?.[1] ?? '24';
  return [
    `/opt/nodejs/node${major}/node_modules`,
    '/opt/nodejs/node_modules',
    '/var/runtime/node_modules',
    '/var/runtime',
    '/var/task',
  ];
}

/** NODE_PATH as the runtime sets it in process.env. */
export function nodePathValue(runtime: RuntimeId): string {
  return nodePathDirs(runtime).join(':');
}

/** node_modules folders from the file's folder up to the root, nearest first (Node's NODE_MODULES_PATHS). */
export function ancestorNodeModules(fromFile: string): string[] {
  const parts = fromFile.split('/').filter(Boolean);
  parts.pop();
  const out: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i] === 'node_modules') continue;
    out.push(`/${parts.slice(0, i + 1).join('/')}/node_modules`);
  }
  out.push('/node_modules');
  return out;
}

/** `@scope/pkg/sub/x` -> name `@scope/pkg`, subpath `sub/x`; `pkg` -> name `pkg`, subpath ``. */
function splitSpecifier(spec: string): { name: string; subpath: string } {
  const parts = spec.split('/');
  const take = spec.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, take).join('/'), subpath: parts.slice(take).join('/') };
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return `/${out.join('/')}`;
}

type Read = (path: string) => string | undefined;

const FILE_EXTENSIONS = ['', '.js', '.mjs', '.cjs', '.json', '.ts'];
const INDEX_FILES = ['/index.js', '/index.mjs', '/index.cjs', '/index.json', '/index.ts'];

/** A file at `base` or `base` + an extension, then a folder's index file. */
function fileOrIndex(base: string, read: Read): string | undefined {
  for (const ext of FILE_EXTENSIONS) if (read(base + ext) !== undefined) return base + ext;
  for (const index of INDEX_FILES) if (read(base + index) !== undefined) return base + index;
  return undefined;
}

/** A conditional `exports` value resolved for `mode` (object keys in order, as Node.js does). */
function conditional(target: unknown, mode: ResolveMode): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const hit = conditional(t, mode);
      if (hit) return hit;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (condition === mode || condition === 'node' || condition === 'default') {
        const hit = conditional(value, mode);
        if (hit) return hit;
      }
    }
  }
  return undefined;
}

/** The file `exports` maps `subpath` to, relative to the package folder. */
function exportsTarget(exportsField: unknown, subpath: string, mode: ResolveMode): string | undefined {
  const key = subpath ? `./${subpath}` : '.';
  const isMap =
    !!exportsField &&
    typeof exportsField === 'object' &&
    !Array.isArray(exportsField) &&
    Object.keys(exportsField).some((k) => k.startsWith('.'));
  if (!isMap) return key === '.' ? conditional(exportsField, mode) : undefined;
  return conditional((exportsField as Record<string, unknown>)[key], mode);
}

function packageJson(path: string, read: Read): Record<string, unknown> | undefined {
  const text = read(path);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `spec` inside one search folder: package.json exports, then main, then files and index files. */
function resolveIn(dir: string, spec: string, mode: ResolveMode, read: Read): string | undefined {
  const { name, subpath } = splitSpecifier(spec);
  const pkgDir = `${dir}/${name}`;
  const pkg = packageJson(`${pkgDir}/package.json`, read);
  if (pkg && pkg.exports !== undefined) {
    const target = exportsTarget(pkg.exports, subpath, mode);
    const path = target === undefined ? undefined : normalize(`${pkgDir}/${target}`);
    return path !== undefined && read(path) !== undefined ? path : undefined;
  }
  if (pkg && !subpath && typeof pkg.main === 'string') {
    const main = fileOrIndex(normalize(`${pkgDir}/${pkg.main}`), read);
    if (main) return main;
  }
  return fileOrIndex(`${dir}/${spec}`, read);
}

/**
 * The absolute path a bare specifier resolves to from `fromFile`, or undefined when no search folder
 * has it. `read` returns a file's text (undefined when there is no such file).
 */
export function resolveBareSpecifier(
  spec: string,
  fromFile: string,
  runtime: RuntimeId,
  mode: ResolveMode,
  read: Read,
): string | undefined {
  for (const dir of [...ancestorNodeModules(fromFile), ...nodePathDirs(runtime)]) {
    const hit = resolveIn(dir, spec, mode, read);
    if (hit) return hit;
  }
  return undefined;
}
