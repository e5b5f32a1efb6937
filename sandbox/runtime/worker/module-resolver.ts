/**
 * Resolves the handler setting and `import`/`require` specifiers against the deployment package,
 * the way Lambda's Node.js runtime does: files live under /var/task; `index.handler` tries
 * index.js, index.mjs, index.cjs in that order; `.js` is an ES module when it uses import/export
 * syntax (Node's syntax detection) and CommonJS otherwise.
 */
import type { RuntimeId, SourceFile } from '../../invocation/record.ts';
import { extractLayers } from '../../layers/extract-layers.ts';
import type { LayerVersion } from '../../layers/layer-version.ts';
import { resolveBareSpecifier, type ResolveMode } from '../node-path.ts';
import { SDK_MODULES } from './aws-sdk-modules.ts';
import { mapStackText, SourceMap } from './source-map.ts';
import { isTypeScript, transpileTs } from './transpile.ts';

export const TASK_ROOT = '/var/task';

/** How a file is evaluated. */
export type ModuleFormat = 'esm' | 'cjs' | 'json';

/** Result of resolving a specifier, sent to the guest as JSON. */
export type Resolution =
  | { kind: 'file'; path: string; format: ModuleFormat }
  | { kind: 'builtin'; name: string; unavailable?: string }
  | { kind: 'missing' };

/** The handler's module and export, ready for INIT. */
export interface HandlerEntry {
  path: string;
  format: ModuleFormat;
  /** Module specifier for dynamic import (ESM), `file:///var/task/...`. */
  specifier: string;
  /** Property path inside the module, e.g. `handler` or `nested.handler`. */
  handlerPath: string;
  handlerString: string;
}

/** Built-ins the guest implements (see guest/modules-source.ts). */
const PROVIDED = new Set(['util', 'buffer', 'events', 'path', 'path/posix', 'process', 'url', 'crypto', 'timers', 'timers/promises', 'fs', 'fs/promises']);
/** Built-ins that need the network, files or processes, which the offline sandbox has none of. */
const OFFLINE = new Set(['http', 'https', 'http2', 'net', 'tls', 'dns', 'dns/promises', 'dgram', 'child_process', 'cluster', 'worker_threads', 'os', 'inspector']);
/** Every other Node.js core module name (so they fail with a clear word, not "cannot find"). */
const OTHER_CORE = new Set(['assert', 'assert/strict', 'async_hooks', 'console', 'constants', 'diagnostics_channel', 'domain', 'module', 'perf_hooks', 'punycode', 'querystring', 'readline', 'repl', 'stream', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'test', 'tty', 'v8', 'vm', 'wasi', 'zlib', 'sqlite', 'util/types', 'readline/promises']);

/** Where a learner finds what exists (the app renders this page; see sandbox/docs/). */
export const SUPPORTED_PAGE = 'sandbox/docs/supported.en.md';

const ESM_SYNTAX = /(^|[\n;])\s*(import\s*[\w{*'"]|export\s+(const|let|var|function|async|class|default|\{|\*))/;

/** Decide how a file is evaluated from its extension and (for .js) its syntax. */
export function moduleFormat(path: string, code: string): ModuleFormat {
  if (path.endsWith('.mjs') || path.endsWith('.mts')) return 'esm';
  if (path.endsWith('.cjs') || path.endsWith('.cts')) return 'cjs';
  if (path.endsWith('.json')) return 'json';
  return ESM_SYNTAX.test(code) ? 'esm' : 'cjs';
}

/** Normalise a path inside the package to an absolute /var/task path. */
export function taskPath(p: string): string {
  const parts: string[] = [];
  for (const seg of `${TASK_ROOT}/${p.replace(/^\/+/, '').replace(/^var\/task\//, '')}`.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** Directory-relative join in POSIX terms. */
function joinFrom(fromFile: string, spec: string): string {
  const dir = fromFile.slice(0, fromFile.lastIndexOf('/'));
  const parts: string[] = [];
  for (const seg of (spec.startsWith('/') ? spec : `${dir}/${spec}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** Lookup of the package's files by absolute path. */
export class PackageFiles {
  readonly byPath: Map<string, string>;
  /** TypeScript files that failed to transpile: path -> message with line and column. */
  readonly syntaxErrors = new Map<string, string>();
  /** Source maps of the transpiled TypeScript files, by path. */
  readonly sourceMaps = new Map<string, SourceMap>();
  private readonly sourceBytes: number;

  private readonly runtime: RuntimeId;

  /**
   * TypeScript files are transpiled here (call loadTranspiler() first when there are any). The
   * layers' files are extracted under /opt, in order (see ../../layers/extract-layers.ts).
   */
  constructor(files: SourceFile[], options: { layers?: readonly LayerVersion[]; runtime?: RuntimeId } = {}) {
    this.byPath = new Map();
    this.runtime = options.runtime ?? 'nodejs24.x';
    for (const f of extractLayers(options.layers).values()) this.byPath.set(f.path, f.code);
    let bytes = 0;
    for (const f of files) {
      const path = taskPath(f.path);
      bytes += f.code.length;
      if (!isTypeScript(path)) {
        this.byPath.set(path, f.code);
        continue;
      }
      const out = transpileTs(path, f.code);
      if ('error' in out) {
        this.syntaxErrors.set(path, out.error);
        this.byPath.set(path, '');
      } else {
        this.byPath.set(path, out.code);
        this.sourceMaps.set(path, new SourceMap(out.map));
      }
    }
    this.sourceBytes = bytes;
  }

  /** `text` with stack positions in transpiled TypeScript moved back to the .ts lines and columns. */
  mapStack(text: string): string {
    return this.sourceMaps.size === 0 ? text : mapStackText(text, this.sourceMaps);
  }

  read(path: string): string | undefined {
    return this.byPath.get(path);
  }

  /** Size of the package's source text (before any transpiling). */
  totalBytes(): number {
    return this.sourceBytes;
  }

  private fileResolution(path: string): Resolution | undefined {
    const code = this.byPath.get(path);
    return code === undefined ? undefined : { kind: 'file', path, format: moduleFormat(path, code) };
  }

  /** Resolve `require(spec)` / `import spec` made from `fromFile`. */
  resolve(rawSpec: string, fromFile: string, mode: ResolveMode = 'require'): Resolution {
    const spec = rawSpec.startsWith('file://') ? rawSpec.slice(7) : rawSpec;
    const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
    if (PROVIDED.has(bare)) return { kind: 'builtin', name: bare };
    if (OFFLINE.has(bare)) {
      return { kind: 'builtin', name: bare, unavailable: `The 'node:${bare}' module is not available in the Coldstart sandbox: handlers run offline, without network, other processes or threads. See what the sandbox supports: ${SUPPORTED_PAGE}` };
    }
    if (OTHER_CORE.has(bare) || spec.startsWith('node:')) {
      return { kind: 'builtin', name: bare, unavailable: `The 'node:${bare}' module is not simulated by Coldstart yet. See what the sandbox supports: ${SUPPORTED_PAGE}` };
    }
    if (SDK_MODULES[spec]) return { kind: 'builtin', name: spec };
    if (spec === 'aws-sdk') {
      return { kind: 'builtin', name: spec, unavailable: `The AWS SDK for JavaScript v2 ('aws-sdk') is not included in the Node.js 18 and later runtimes; use the v3 clients (@aws-sdk/client-s3, ...), which Coldstart simulates. See what the sandbox supports: ${SUPPORTED_PAGE}` };
    }
    if (spec.startsWith('@aws-sdk/')) {
      return { kind: 'builtin', name: spec, unavailable: `The AWS SDK module '${spec}' is not simulated by Coldstart yet: handlers run offline against a simulated account with S3, DynamoDB, SQS, SNS and EventBridge. See what the sandbox supports: ${SUPPORTED_PAGE}` };
    }
    if (!spec.startsWith('.') && !spec.startsWith('/')) {
      // A package: node_modules folders up from the file, then NODE_PATH (layers live there).
      const path = resolveBareSpecifier(spec, fromFile, this.runtime, mode, (p) => this.byPath.get(p));
      return (path && this.fileResolution(path)) || { kind: 'missing' };
    }
    const target = joinFrom(fromFile, spec);
    // TypeScript sources import each other as './x.js' (tsc's convention) or without extension.
    const stem = /\.(js|mjs|cjs)$/.test(target) ? target.replace(/\.(js|mjs|cjs)$/, '') : undefined;
    for (const ext of ['', '.js', '.mjs', '.cjs', '.json', '.ts', '.mts', '.cts', '/index.js', '/index.mjs', '/index.cjs', '/index.ts']) {
      const r = this.fileResolution(target + ext);
      if (r) return r;
    }
    if (stem) {
      for (const ext of ['.ts', '.mts', '.cts']) {
        const r = this.fileResolution(stem + ext);
        if (r) return r;
      }
    }
    return { kind: 'missing' };
  }

  /**
   * Split the handler setting (`dir/file.export.path`) and find its file; undefined when no file
   * matches (Lambda then reports Runtime.ImportModuleError).
   */
  handlerEntry(handler: string): HandlerEntry | { missingModule: string } | { malformed: string } | { syntaxError: string } {
    if (handler.includes('..')) return { malformed: `'${handler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.` };
    const slash = handler.lastIndexOf('/');
    const dir = slash >= 0 ? handler.slice(0, slash + 1) : '';
    const rest = handler.slice(slash + 1);
    const dot = rest.indexOf('.');
    if (dot <= 0 || dot === rest.length - 1) return { malformed: 'Bad handler' };
    const moduleName = rest.slice(0, dot);
    const base = taskPath(dir + moduleName);
    for (const ext of ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']) {
      const path = base + ext;
      const code = this.byPath.get(path);
      if (code === undefined) continue;
      const syntaxError = this.syntaxErrors.get(path);
      if (syntaxError) return { syntaxError };
      return { path, format: moduleFormat(path, code), specifier: `file://${path}`, handlerPath: rest.slice(dot + 1), handlerString: handler };
    }
    return { missingModule: dir + moduleName };
  }
}
