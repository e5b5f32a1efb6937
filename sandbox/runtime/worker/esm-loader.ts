/**
 * The ES module loader and normaliser handed to QuickJS. Module names are `file:///var/task/...`
 * for package files, `builtin:<spec>` for Node built-ins and `missing:<json>` for specifiers that
 * resolve to nothing. Everything QuickJS receives is JavaScript source text: built-ins, CommonJS
 * files and missing modules become tiny generated modules, so no host object crosses over.
 */
import { sdkExportNames } from './aws-sdk-modules.ts';
import type { PackageFiles } from './module-resolver.ts';

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** Export names a CommonJS file probably has (like Node's cjs-module-lexer, much simplified). */
export function cjsExportNames(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=/g)) if (m[1]) names.add(m[1]);
  const obj = /module\.exports\s*=\s*\{([^}]*)\}/.exec(code);
  if (obj?.[1]) {
    for (const part of obj[1].split(',')) {
      const key = part.split(':')[0]?.trim().replace(/^['"]|['"]$/g, '') ?? '';
      if (IDENT.test(key)) names.add(key);
    }
  }
  names.delete('default');
  return [...names];
}

function reexport(expr: string, names: string[]): string {
  const valid = names.filter((n) => IDENT.test(n) && n !== 'default');
  return `const m = ${expr};\nexport default m;\n${valid.length ? `export const { ${valid.join(', ')} } = m;\n` : ''}`;
}

/**
 * A module that cannot be loaded. QuickJS links imports before evaluating anything, so the failure
 * is returned as a load error (a generated throwing module would fail linking on its missing
 * exports first). The guest recognises these messages as Runtime.ImportModuleError.
 */
function thrower(message: string, _code: string): { error: Error } {
  return { error: new Error(message) };
}

/**
 * The normaliser QuickJS calls for `import x from spec` inside module `base`, and the specifier
 * each module name was first requested as (QuickJS's link errors name the module; Node's name the
 * specifier as the importing file wrote it).
 */
export interface Normalizer {
  normalize(base: string, requested: string): string;
  requestedAs(name: string): string;
}

export function createNormalizer(files: PackageFiles): Normalizer {
  const requested = new Map<string, string>();
  const name = (base: string, spec: string): string => {
    const from = base.startsWith('file://') ? base.slice(7) : '/var/task/index.mjs';
    const r = files.resolve(spec, from, 'import');
    if (r.kind === 'file') return `file://${r.path}`;
    if (r.kind === 'builtin') return `builtin:${spec}`;
    return `missing:${JSON.stringify({ spec, from })}`;
  };
  return {
    normalize(base, spec) {
      const n = name(base, spec);
      if (!requested.has(n)) requested.set(n, spec);
      return n;
    },
    requestedAs: (n) => requested.get(n) ?? n,
  };
}

/**
 * The names a Node built-in module exports to ES modules: as Node's own ESM facade does, the own
 * enumerable keys of the module object, read from the guest's real object (so they cannot drift).
 */
export type BuiltinExportNames = (name: string) => string[];

/** Create the loader QuickJS calls with a normalised module name; returns module source. */
export function createLoader(files: PackageFiles, builtinExports: BuiltinExportNames): (name: string) => string | { error: Error } {
  return (name) => {
    if (name.startsWith('file://')) {
      const path = name.slice(7);
      const r = files.resolve(path, '/var/task/index.mjs');
      const code = files.read(path);
      if (r.kind !== 'file' || code === undefined) return thrower(`Cannot find module '${path}'`, 'ERR_MODULE_NOT_FOUND');
      const syntaxError = files.syntaxErrors.get(path);
      if (syntaxError) return { error: Object.assign(new SyntaxError(syntaxError), { name: 'SyntaxError' }) };
      if (r.format === 'esm') return code;
      if (r.format === 'json') return reexport(`globalThis.__coldstart.requireFile(${JSON.stringify(path)}, 'json')`, []);
      return reexport(`globalThis.__coldstart.requireFile(${JSON.stringify(path)}, 'cjs')`, cjsExportNames(code));
    }
    if (name.startsWith('builtin:')) {
      const spec = name.slice(8);
      const r = files.resolve(spec, '/var/task/index.mjs');
      if (r.kind !== 'builtin') return thrower(`Cannot find package '${spec}'`, 'ERR_MODULE_NOT_FOUND');
      if (r.unavailable) return thrower(r.unavailable, 'ERR_COLDSTART_UNAVAILABLE');
      // The simulated AWS SDK's modules are made from the same list as these names (aws-sdk-modules.ts).
      const names = r.name.startsWith('@aws-sdk/') ? sdkExportNames(r.name) : builtinExports(r.name);
      return reexport(`globalThis.__coldstart.builtin(${JSON.stringify(r.name)})`, names);
    }
    if (name.startsWith('missing:')) {
      const { spec, from } = JSON.parse(name.slice(8)) as { spec: string; from: string };
      const relative = spec.startsWith('.') || spec.startsWith('/');
      const message = relative
        ? `Cannot find module '${joinSpec(from, spec)}' imported from ${from}`
        : `Cannot find package '${spec}' imported from ${from}`;
      return thrower(message, 'ERR_MODULE_NOT_FOUND');
    }
    return thrower(`Cannot find module '${name}'`, 'ERR_MODULE_NOT_FOUND');
  };
}

function joinSpec(from: string, spec: string): string {
  const parts: string[] = [];
  for (const seg of (spec.startsWith('/') ? spec : `${from.slice(0, from.lastIndexOf('/'))}/${spec}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return `/${parts.join('/')}`;
}
