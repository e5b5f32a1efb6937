import { describe, expect, it } from 'vitest';
import { consoleLines, failure, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

describe('handler styles', () => {
  it('runs an ES module async handler and returns its value as JSON', async () => {
    const r = success(await run(host, 'export const handler = async (event) => ({ statusCode: 200, got: event.key1 });'));
    expect(JSON.parse(r.result)).toEqual({ statusCode: 200, got: 'value1' });
  });

  it('returns null when an async handler returns undefined', async () => {
    const r = success(await run(host, 'export const handler = async () => {};'));
    expect(r.result).toBe('null');
  });

  it('runs CommonJS handlers: exports.handler and module.exports = { handler }', async () => {
    const a = success(await run(host, 'exports.handler = async () => "from exports";', { file: 'index.js' }));
    expect(a.result).toBe('"from exports"');
    const b = success(await run(host, 'const handler = async () => 42;\nmodule.exports = { handler };', { file: 'index.cjs' }));
    expect(b.result).toBe('42');
  });

  it('treats a .js file with export syntax as an ES module', async () => {
    const r = success(await run(host, 'export async function handler() { return "esm in js"; }', { file: 'index.js' }));
    expect(r.result).toBe('"esm in js"');
  });

  it('picks the file and export named by the handler setting, including folders', async () => {
    const files = [
      { path: 'src/app.mjs', code: 'import { greet } from "./lib/greet.mjs";\nexport const main = async (e) => greet(e.name);' },
      { path: 'src/lib/greet.mjs', code: 'export const greet = (n) => `hello ${n}`;' },
    ];
    const r = success(await run(host, '', { files, config: { handler: 'src/app.main' }, event: { name: 'ana' } }));
    expect(r.result).toBe('"hello ana"');
  });

  it('lets CommonJS require sibling files and JSON, and ESM import CommonJS', async () => {
    const files = [
      { path: 'index.mjs', code: 'import lib, { twice } from "./lib.cjs";\nimport data from "./data.json";\nexport const handler = async () => [twice(2), lib.name, data.n];' },
      { path: 'lib.cjs', code: 'exports.twice = (x) => x * 2;\nexports.name = "lib";' },
      { path: 'data.json', code: '{"n": 7}' },
    ];
    expect(success(await run(host, '', { files })).result).toBe('[4,"lib",7]');
    const cjs = [
      { path: 'index.js', code: 'const { twice } = require("./lib");\nconst data = require("./data.json");\nexports.handler = async () => twice(data.n);' },
      { path: 'lib.js', code: 'module.exports.twice = (x) => x * 2;' },
      { path: 'data.json', code: '{"n": 21}' },
    ];
    expect(success(await run(host, '', { files: cjs })).result).toBe('42');
  });

  it('supports callback handlers on nodejs22.x', async () => {
    const code = 'exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { ok: true }), 50); };';
    const r = success(await run(host, code, { file: 'index.js', config: { runtime: 'nodejs22.x' } }));
    expect(r.result).toBe('{"ok":true}');
    expect(r.report.durationMs).toBeGreaterThanOrEqual(50);
  });

  it('reports callback(error) on nodejs22.x as a function error', async () => {
    const code = 'exports.handler = (event, context, callback) => callback(new TypeError("bad input"));';
    const r = failure(await run(host, code, { file: 'index.js', config: { runtime: 'nodejs22.x' } }));
    expect(r.error.errorType).toBe('TypeError');
    expect(r.error.errorMessage).toBe('bad input');
  });

  it('waits for the event loop to empty after a callback on nodejs22.x (callbackWaitsForEmptyEventLoop)', async () => {
    const code = `exports.handler = (event, context, callback) => {
      setTimeout(() => console.log('late timer ran'), 500);
      callback(null, 'done');
    };`;
    const r = success(await run(host, code, { file: 'index.js', config: { runtime: 'nodejs22.x' } }));
    expect(consoleLines(r)).toContain('INFO\tlate timer ran');
    expect(r.report.durationMs).toBeGreaterThanOrEqual(500);
  });

  it('rejects callback handlers on nodejs24.x, saying callbacks were removed', async () => {
    const code = 'exports.handler = (event, context, callback) => callback(null, "hi");';
    const r = failure(await run(host, code, { file: 'index.js', config: { runtime: 'nodejs24.x' } }));
    expect(r.error.errorType).toBe('Runtime.CallbackHandlerDeprecated');
    expect(r.error.errorMessage).toContain('removed support for callback-based function handlers starting with Node.js 24');
  });

  it('answers null for a non-async nodejs22.x handler that returns without calling back', async () => {
    const r = success(await run(host, 'exports.handler = (event) => 42;', { file: 'index.js', config: { runtime: 'nodejs22.x' } }));
    expect(r.result).toBe('null');
  });

  it('answers null again on warm invokes of a handler that never calls back (not exit status 13)', async () => {
    const options = { file: 'index.js', key: 'never-calls-back', config: { runtime: 'nodejs22.x' as const } };
    for (const cold of [true, false, false]) {
      const r = success(await run(host, 'exports.handler = function (event, context, callback) {};', options));
      expect(r.coldStart).toBe(cold);
      expect(r.result).toBe('null');
    }
  });

  it('fails with Runtime.NodeJsExit when an async handler awaits a promise that never settles', async () => {
    const r = failure(await run(host, 'export const handler = async () => { await new Promise(() => {}); };'));
    expect(r.error.errorType).toBe('Runtime.NodeJsExit');
    expect(r.error.errorMessage).toContain('Promise that was never settled');
  });

  it('supports top-level await in ES modules during INIT', async () => {
    const code = 'const config = await new Promise((r) => setTimeout(() => r({ table: "users" }), 20));\nexport const handler = async () => config.table;';
    expect(success(await run(host, code)).result).toBe('"users"');
  });
});
