/**
 * Hostile handlers: each must end in a Lambda-shaped error (or the result Lambda would give), and
 * the host must answer a normal invoke right after. Expected outcomes are what AWS's Node.js
 * runtime would report, within the limits SUPPORTED.md documents.
 */
import { describe, expect, it } from 'vitest';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';
import { run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

/** errorType expected, or `ok:<result JSON>` for handlers Lambda answers normally. */
const CASES: [name: string, code: string, expected: string][] = [
  ['sync infinite loop', 'export const handler = async () => { for (;;) {} };', 'Sandbox.Timedout'],
  ['infinite loop in a promise job', 'export const handler = async () => { await null; while (true) {} };', 'Sandbox.Timedout'],
  ['infinite loop in a timer', 'export const handler = async () => { setTimeout(() => { for (;;) {} }, 1); await new Promise((r) => setTimeout(r, 100)); };', 'Sandbox.Timedout'],
  ['endless microtask chain', 'export const handler = async () => { const spin = () => Promise.resolve().then(spin); spin(); await new Promise(() => {}); };', 'Sandbox.Timedout'],
  ['queueMicrotask flood', 'export const handler = async () => { const f = () => queueMicrotask(f); f(); await new Promise(() => {}); };', 'Sandbox.Timedout'],
  ['recursion bomb', 'const f = (n) => f(n + 1) + 1;\nexport const handler = async () => f(0);', 'RangeError'],
  ['async recursion bomb', 'const f = async (n) => (await f(n + 1)) + 1;\nexport const handler = async () => f(0);', 'RangeError'],
  ['many small objects', 'const keep = [];\nexport const handler = async () => { for (;;) keep.push({ a: 1, b: [1, 2] }); };', 'Runtime.OutOfMemory'],
  ['one huge string', 'export const handler = async () => "x".repeat(300 * 1024 * 1024).length;', 'Runtime.OutOfMemory'],
  ['doubling string (ropes: Node says Invalid string length)', 'export const handler = async () => { let s = "xxxxxxxx"; for (;;) s += s; };', 'RangeError'],
  ['huge ArrayBuffer', 'export const handler = async () => new ArrayBuffer(500 * 1024 * 1024).byteLength;', 'Runtime.OutOfMemory'],
  ['many ArrayBuffers', 'const keep = [];\nexport const handler = async () => { for (;;) keep.push(new Uint8Array(1024 * 1024)); };', 'Runtime.OutOfMemory'],
  ['giant Map', 'const m = new Map();\nexport const handler = async () => { for (let i = 0; ; i++) m.set(i, { i }); };', 'Runtime.OutOfMemory'],
  ['giant array of strings', 'const a = [];\nexport const handler = async () => { for (let i = 0; ; i++) a.push("item-" + i); };', 'Runtime.OutOfMemory'],
  ['promise flood kept alive', 'const keep = [];\nexport const handler = async () => { for (;;) keep.push(new Promise(() => {})); };', 'Runtime.OutOfMemory'],
  ['giant logs', 'export const handler = async () => { const line = "y".repeat(100000); for (;;) console.log(line); };', 'Sandbox.Timedout'],
  ['interval that never ends', 'export const handler = async () => { setInterval(() => {}, 1); await new Promise(() => {}); };', 'Sandbox.Timedout'],
  ['promise that never settles', 'export const handler = async () => new Promise(() => {});', 'Runtime.NodeJsExit'],
  ['returning a cycle', 'export const handler = async () => { const o = {}; o.self = o; return o; };', 'Runtime.JSONStringifyError'],
  ['returning a BigInt', 'export const handler = async () => ({ n: 10n });', 'Runtime.JSONStringifyError'],
  ['returning symbols and functions', 'export const handler = async () => ({ s: Symbol("x"), f() {}, ok: 1 });', 'ok:{"ok":1}'],
  ['getter that throws while serialising', 'export const handler = async () => ({ get boom() { throw new Error("nope"); } });', 'Runtime.JSONStringifyError'],
  ['toJSON that throws', 'export const handler = async () => ({ toJSON() { throw new Error("nope"); } });', 'Runtime.JSONStringifyError'],
  ['throwing a non-error that cannot be described', 'export const handler = async () => { throw { weird: true, toString() { throw new Error("x"); } }; };', 'handled'],
  ['error with a throwing name getter', 'export const handler = async () => { const e = new Error("m"); Object.defineProperty(e, "name", { get() { throw new Error("g"); } }); throw e; };', 'Runtime.UnknownError'],
  ['tampering with Object.prototype', 'Object.prototype.toJSON = () => "tampered";\nObject.defineProperty(Object.prototype, "then", { get() { return undefined; }, configurable: true });\nexport const handler = async () => ({ a: 1 });', 'ok:"tampered"'],
  ['tampering with JSON', 'JSON.stringify = () => { throw new Error("gone"); };\nJSON.parse = () => { throw new Error("gone"); };\nexport const handler = async (e) => ({ got: e.key1 });', 'ok:{"got":"value1"}'],
  ['tampering with Promise', 'globalThis.Promise = function () { throw new Error("no promises"); };\nexport const handler = async () => "still fine";', 'ok:"still fine"'],
  ['Function constructor escape', 'export const handler = async () => [typeof Function("return this")().process?.binding, typeof (() => {}).constructor.constructor("return globalThis")().require];', 'ok:["undefined","undefined"]'],
  ['eval escape', 'export const handler = async () => [typeof eval("globalThis.WebAssembly"), typeof eval("typeof require === \\"function\\" ? require : undefined")];', 'ok:["undefined","undefined"]'],
  ['globalThis scan for host objects', 'export const handler = async () => Object.getOwnPropertyNames(globalThis).filter((k) => /^(require|module|WebAssembly|Deno|Bun|__dirname|process_binding)$/.test(k));', 'ok:[]'],
  ['host bridge misuse', 'export const handler = async () => { const h = globalThis.__coldstart.host; h.log("not json"); h.log("[1,2"); return typeof h.fs("read", "/etc/passwd", "", ""); };', 'ok:"string"'],
  ['process.exit', 'export const handler = async () => { process.exit(3); };', 'Runtime.ExitError'],
  ['throw from a timer', 'export const handler = async () => { setTimeout(() => { throw new Error("late"); }, 5); await new Promise((r) => setTimeout(r, 50)); };', 'Error'],
  ['reading outside /tmp and /var/task', "import fs from 'node:fs';\nexport const handler = async () => fs.readFileSync('/etc/passwd', 'utf8');", 'Error'],
  ['stack overflow in toString during logging', 'export const handler = async () => { const o = { toString() { return String(o); } }; console.log(`${o}`); };', 'RangeError'],
];

const healthy = 'export const handler = async (e) => ({ healthy: e.key1 });';

function outcome(r: InvocationRecord): string {
  return r.ok ? `ok:${r.result}` : r.error.errorType;
}

describe('hostile handlers', () => {
  it.each(CASES)('%s ends in a Lambda-shaped outcome and the host keeps serving', async (_name, code, expected) => {
    const r = await run(host, code);
    expect(outcome(r)).toBe(expected);
    expect(r.logs.some((l) => l.kind === 'report')).toBe(true);
    if (!r.ok) {
      expect(typeof r.error.errorMessage).toBe('string');
      expect(Array.isArray(r.error.trace)).toBe(true);
    }
    expect(success(await run(host, healthy)).result).toBe('{"healthy":"value1"}');
  });

  it('gives the host its memory back after the hostile suite', { timeout: 60_000 }, async () => {
    const bombs = CASES.filter(([, , expected]) => expected === 'Runtime.OutOfMemory' || expected === 'Sandbox.Timedout');
    for (const [, code] of bombs) await run(host, code);
    const before = process.memoryUsage().rss;
    for (const [, code] of bombs) await run(host, code);
    const after = process.memoryUsage().rss;
    // Generous: the first round leaves the engine's high-water mark (WebAssembly memory never
    // shrinks); a second round of the same bombs must not add much on top of it.
    expect(after - before).toBeLessThan(100 * 1024 * 1024);
    expect(success(await run(host, healthy)).result).toBe('{"healthy":"value1"}');
  });
});
