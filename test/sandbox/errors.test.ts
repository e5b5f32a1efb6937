import { describe, expect, it } from 'vitest';
import { consoleLines, failure, reportText, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

describe("Lambda's own errors", () => {
  it('reports a missing handler export as Runtime.HandlerNotFound', async () => {
    const r = failure(await run(host, 'export const main = async () => 1;'));
    expect(r.error.errorType).toBe('Runtime.HandlerNotFound');
    expect(r.error.errorMessage).toBe('index.handler is undefined or not exported');
    expect(reportText(r)).toContain('Status: error\tError Type: Runtime.HandlerNotFound');
  });

  it('reports a syntax error as Runtime.UserCodeSyntaxError', async () => {
    const r = failure(await run(host, 'export const handler = async () => { return 1 +; };'));
    expect(r.error.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(r.error.errorMessage).toMatch(/^SyntaxError: /);
    expect(r.error.trace[0]).toMatch(/^Runtime\.UserCodeSyntaxError: SyntaxError: /);
  });

  it('logs a failed INIT as each runtime client does: "Init Error" on nodejs24.x, "Uncaught Exception" on nodejs22.x', async () => {
    const code = 'export const handler = async () => { return 1 +; };';
    const lineOf = (r: Awaited<ReturnType<typeof run>>) => consoleLines(r).find((l) => l.startsWith('ERROR\t'))!;
    const on24 = lineOf(failure(await run(host, code)));
    expect(on24).toMatch(/^ERROR\tInit Error \t\{"errorType":"Runtime\.UserCodeSyntaxError","errorMessage":"SyntaxError: /);
    const on22 = lineOf(failure(await run(host, code, { config: { runtime: 'nodejs22.x' } })));
    expect(on22).toMatch(/^ERROR\tUncaught Exception \t\{"errorType":"Runtime\.UserCodeSyntaxError","errorMessage":"SyntaxError: /);
  });

  it("words a missing named import as Node does, with the specifier the file wrote", async () => {
    const builtin = failure(await run(host, "import { nope } from 'node:fs';\nexport const handler = async () => nope;"));
    expect(builtin.error.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(builtin.error.errorMessage).toBe("SyntaxError: The requested module 'node:fs' does not provide an export named 'nope'");
    const files = [
      { path: 'index.mjs', code: "import { helper } from './lib/util.mjs';\nexport const handler = async () => helper();" },
      { path: 'lib/util.mjs', code: "import { missing } from '../shared.mjs';\nexport const helper = () => missing;" },
      { path: 'shared.mjs', code: 'export const other = 1;' },
    ];
    const nested = failure(await run(host, '', { files }));
    expect(nested.error.errorMessage).toBe("SyntaxError: The requested module '../shared.mjs' does not provide an export named 'missing'");
    expect(consoleLines(nested).join('\n')).toContain("does not provide an export named 'missing'");
  });

  it('reports a missing package as Runtime.ImportModuleError (require and import)', async () => {
    const cjs = failure(await run(host, 'const lodash = require("lodash");\nexports.handler = async () => 1;', { file: 'index.js' }));
    expect(cjs.error.errorType).toBe('Runtime.ImportModuleError');
    expect(cjs.error.errorMessage).toMatch(/^Error: Cannot find module 'lodash'/);
    const esm = failure(await run(host, 'import _ from "lodash";\nexport const handler = async () => 1;'));
    expect(esm.error.errorType).toBe('Runtime.ImportModuleError');
    expect(esm.error.errorMessage).toBe("Error: Cannot find package 'lodash' imported from /var/task/index.mjs");
  });

  it('reports a handler file that does not exist as Runtime.ImportModuleError', async () => {
    const r = failure(await run(host, 'export const handler = async () => 1;', { config: { handler: 'app.handler' } }));
    expect(r.error.errorType).toBe('Runtime.ImportModuleError');
    expect(r.error.errorMessage).toContain("Cannot find module 'app'");
  });

  it('keeps failing INIT on every invoke (each one is a cold start)', async () => {
    const key = 'broken-init';
    const first = await run(host, 'export const main = 1;', { key });
    const second = await run(host, 'export const main = 1;', { key });
    expect(first.coldStart && second.coldStart).toBe(true);
  });
});

describe('errors thrown by the handler', () => {
  it('returns errorType, errorMessage and trace, and logs an Invoke Error line', async () => {
    const code = 'export const handler = async () => {\n  const user = undefined;\n  return user.name;\n};';
    const r = failure(await run(host, code));
    expect(r.error.errorType).toBe('TypeError');
    expect(r.error.errorMessage).toContain('undefined');
    expect(r.error.trace[0]).toBe(`TypeError: ${r.error.errorMessage}`);
    expect(r.error.trace[1]).toMatch(/^\s+at .*index\.mjs:3/);
    const line = consoleLines(r).find((l) => l.startsWith('ERROR\tInvoke Error \t'));
    expect(line).toBeDefined();
    const logged = JSON.parse(line!.split('Invoke Error \t')[1]!) as Record<string, unknown>;
    expect(logged).toMatchObject({ errorType: 'TypeError', errorMessage: r.error.errorMessage });
    expect(r.report.status).toBe('error');
  });

  it('reports custom error classes by their name', async () => {
    const code = 'class NotFound extends Error { constructor(m) { super(m); this.name = "NotFound"; } }\nexport const handler = async () => { throw new NotFound("no such user"); };';
    const r = failure(await run(host, code));
    expect(r.error).toMatchObject({ errorType: 'NotFound', errorMessage: 'no such user' });
  });

  it('reports a thrown string with errorType "string"', async () => {
    const r = failure(await run(host, 'export const handler = async () => { throw "oops"; };'));
    expect(r.error).toEqual({ errorType: 'string', errorMessage: 'oops', trace: [] });
  });

  it('keeps the environment warm after a handler error', async () => {
    const code = 'let n = 0;\nexport const handler = async () => { n++; if (n === 1) throw new Error("first"); return n; };';
    await run(host, code, { key: 'warm-after-error' });
    const second = success(await run(host, code, { key: 'warm-after-error' }));
    expect(second.coldStart).toBe(false);
    expect(second.result).toBe('2');
  });

  it('turns deep recursion into RangeError: Maximum call stack size exceeded', async () => {
    const r = failure(await run(host, 'const f = (n) => f(n + 1) + 1;\nexport const handler = async () => f(0);'));
    expect(r.error.errorType).toBe('RangeError');
    expect(r.error.errorMessage).toBe('Maximum call stack size exceeded');
    expect(r.error.trace.length).toBeLessThanOrEqual(11);
  });

  it('reports process.exit() as Runtime.ExitError', async () => {
    const r = failure(await run(host, 'export const handler = async () => { process.exit(1); };'));
    expect(r.error.errorType).toBe('Runtime.ExitError');
    expect(r.error.errorMessage).toContain('Runtime exited with error: exit status 1');
  });
});

describe('what the offline sandbox does not have', () => {
  it('explains that fetch is not available', async () => {
    const r = failure(await run(host, 'export const handler = async () => (await fetch("https://example.com")).status;'));
    expect(r.error.errorType).toBe('TypeError');
    expect(r.error.errorMessage).toMatch(/^fetch is not available in the Coldstart sandbox: handlers run offline/);
  });

  it('explains that node:http is not available, at require time and at import time', async () => {
    const inHandler = failure(await run(host, 'exports.handler = async () => require("http");', { file: 'index.js' }));
    expect(inHandler.error.errorMessage).toContain("The 'node:http' module is not available in the Coldstart sandbox");
    const atImport = failure(await run(host, 'import https from "node:https";\nexport const handler = async () => 1;'));
    expect(atImport.error.errorType).toBe('Runtime.ImportModuleError');
    expect(atImport.error.errorMessage).toContain("'node:https' module is not available");
  });

  it('rejects environment variables over the 4 KB quota', async () => {
    const r = failure(await run(host, 'export const handler = async () => 1;', { config: { environment: { BIG: 'x'.repeat(5000) } } }));
    expect(r.error.errorType).toBe('InvalidParameterValueException');
    expect(r.error.errorMessage).toContain('exceeded the 4KB limit');
  });
});
