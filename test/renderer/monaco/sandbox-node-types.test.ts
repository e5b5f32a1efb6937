/**
 * The editor's Node.js declarations (renderer/monaco/sandbox-node-*.ts) against the sandbox itself:
 * every built-in module the sandbox provides is declared with exactly the names the guest exports,
 * every Node global and the members of its objects are what the guest has, so IntelliSense offers
 * what runs and nothing else. When the sandbox gains or loses an API, this test names it.
 * Declared names are read the way a learner meets them: IntelliSense's completions after `x.`.
 */
import { builtinModules } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_NODE_MODULE_NAMES } from '../../../renderer/monaco/sandbox-node-modules.ts';
import { PackageFiles } from '../../../sandbox/runtime/worker/module-resolver.ts';
import { run, sharedHost, success } from '../../sandbox/helpers.ts';
import { type EditorTypeChecker, loadEditorTypeChecker } from './editor-type-checker.ts';

const host = sharedHost();
let editor: EditorTypeChecker;
let esOnly: EditorTypeChecker;

beforeAll(async () => {
  editor = await loadEditorTypeChecker();
  esOnly = await loadEditorTypeChecker({ sandboxTypes: false });
});

/** Members every object or function has, and names that are not API (private, indexes, constructor). */
const NOT_API =
  /^(_.*|\d+|constructor|default|toString|valueOf|toLocaleString|hasOwnProperty|isPrototypeOf|propertyIsEnumerable|apply|call|bind|arguments|caller|length|name|prototype)$/;
const api = (names: Iterable<string>): string[] => [...new Set(names)].filter((n) => !NOT_API.test(n)).sort();

/** Own and inherited property names of each expression in the guest, minus those of its base. */
async function guestNames(prelude: string, cases: readonly Probe[]): Promise<Record<string, string[]>> {
  const lines = cases.map(
    (c, i) =>
      `{ const value = ${c.expr}; out[${i}] = names(value).filter((n) => !${c.base ? `names(${c.base})` : '[]'}.includes(n)); ${c.cleanup ?? ''} }`,
  );
  const code = `${prelude}
const STOP = [Object.prototype, Function.prototype];
function names(value) {
  const found = [];
  for (let o = value; o && !STOP.includes(o); o = Object.getPrototypeOf(o)) found.push(...Object.getOwnPropertyNames(o));
  return found;
}
export const handler = async () => {
  const out = {};
  ${lines.join('\n  ')}
  return out;
};`;
  const result = JSON.parse(success(await run(host, code)).result) as Record<string, string[]>;
  return Object.fromEntries(cases.map((c, i) => [c.expr, api(result[i] ?? [])]));
}

/** What IntelliSense offers after `expr.`, minus what it offers after `base.`. */
async function declaredNames(prelude: string, probe: Probe): Promise<string[]> {
  const offered = await editor.completions(`${prelude}\n${probe.expr}.|`);
  const inherited = probe.base ? await editor.completions(`${prelude}\n${probe.base}.|`) : [];
  return api(offered.filter((n) => !inherited.includes(n)));
}

interface Probe {
  expr: string;
  /** Leave out what this has too (e.g. Buffer's Uint8Array methods). */
  base?: string;
  /** Guest statement after reading the names. */
  cleanup?: string;
}

describe("the editor's Node.js declarations match the sandbox", () => {
  it('declares exactly the built-in modules the sandbox provides', () => {
    const files = new PackageFiles([]);
    const provided = builtinModules
      .map((name) => name.replace(/^node:/, ''))
      .filter((name) => {
        const resolution = files.resolve(`node:${name}`, '/var/task/index.mjs');
        return resolution.kind === 'builtin' && resolution.unavailable === undefined;
      });
    expect([...new Set(provided)].sort()).toEqual([...SANDBOX_NODE_MODULE_NAMES].sort());
  });

  it("declares each module's named exports, with and without node:, as the guest exports them", async () => {
    const modules = SANDBOX_NODE_MODULE_NAMES.map((name, i) => ({ name, expr: `m${i}` }));
    const prelude = modules.map((m) => `import * as ${m.expr} from 'node:${m.name}';`).join('\n');
    const guest = await guestNames(prelude, modules);
    for (const [i, m] of modules.entries()) {
      for (const specifier of [`node:${m.name}`, m.name]) {
        const declared = await declaredNames(`import * as m${i} from '${specifier}';`, m);
        expect(declared, specifier).toEqual(guest[m.expr]);
      }
    }
  });

  it('declares the Node globals the guest defines, and no others', async () => {
    const guest = (await guestNames('', [{ expr: 'globalThis' }])).globalThis ?? [];
    const es = await esOnly.completions('globalThis.|');
    const declared = api((await editor.completions('globalThis.|')).filter((n) => !es.includes(n)));
    const nodeGlobals = guest.filter((n) => !es.includes(n));
    // In the guest but not declared, on purpose: fetch exists only to fail (handlers run offline,
    // see sandbox/docs/supported.en.md), InternalError is QuickJS's own and not in Node.js.
    expect(nodeGlobals.filter((n) => !declared.includes(n))).toEqual(['fetch', 'InternalError'].sort());
    // Declared but not globals: CommonJS handlers get these as their module wrapper's arguments.
    expect(declared.filter((n) => !nodeGlobals.includes(n))).toEqual(['exports', 'module', 'require']);
  });

  it('declares the members of the objects handlers use, as the guest has them', async () => {
    const prelude = [
      "import * as fs from 'node:fs';",
      "import * as nodeCrypto from 'node:crypto';",
      "import * as util from 'node:util';",
      "import EventEmitter from 'node:events';",
      "fs.writeFileSync('/tmp/probe.txt', 'x');",
    ].join('\n');
    const probes: Probe[] = [
      { expr: 'process' },
      { expr: 'process.stdout' },
      { expr: 'console' },
      { expr: 'performance' },
      { expr: 'crypto' },
      { expr: 'Buffer', base: 'Uint8Array' },
      { expr: 'Buffer.alloc(1)', base: 'new Uint8Array(1)' },
      { expr: 'new TextEncoder()' },
      { expr: 'new TextDecoder()' },
      { expr: 'URL' },
      { expr: "new URL('https://example.com/a?b=c#d')" },
      { expr: "new URLSearchParams('a=1')" },
      { expr: 'setTimeout(() => {}, 1)', cleanup: 'clearTimeout(value);' },
      { expr: 'setImmediate(() => {})', cleanup: 'clearImmediate(value);' },
      { expr: 'new EventEmitter()' },
      { expr: 'fs.promises' },
      { expr: 'fs.constants' },
      { expr: "fs.statSync('/tmp/probe.txt')" },
      { expr: "fs.readdirSync('/tmp', { withFileTypes: true })[0]" },
      { expr: "nodeCrypto.createHash('sha256')" },
      { expr: 'util.types' },
      { expr: 'new AbortController()' },
      { expr: 'AbortSignal.abort()', base: 'new EventTarget()' },
      { expr: 'AbortSignal' },
      { expr: "new Event('x')" },
      { expr: 'new EventTarget()' },
      { expr: "new DOMException('m', 'AbortError')", base: "new Error('m')" },
    ];
    const guest = await guestNames(prelude, probes);
    for (const probe of probes) {
      expect(await declaredNames(prelude, probe), probe.expr).toEqual(guest[probe.expr]);
    }
  });
});
