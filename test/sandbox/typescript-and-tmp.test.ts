import { describe, expect, it } from 'vitest';
import { consoleLines, failure, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

describe('TypeScript handlers', () => {
  it('runs index.ts with type annotations and type-only imports from aws-lambda', async () => {
    const code = `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
interface Greeting { text: string }
enum Mood { Happy = 'happy' }
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const g: Greeting = { text: 'hello ' + (event.path as string) };
  return { statusCode: 200, body: JSON.stringify({ g, mood: Mood.Happy }) };
};`;
    const r = success(await run(host, code, { file: 'index.ts', event: { path: '/ts' } }));
    expect(JSON.parse(JSON.parse(r.result).body)).toEqual({ g: { text: 'hello /ts' }, mood: 'happy' });
  });

  it('imports another .ts file the way tsc output does (./util.js)', async () => {
    const r = success(await run(host, '', {
      files: [
        { path: 'index.ts', code: "import { double } from './util.js';\nexport const handler = async (e: { n: number }) => double(e.n);" },
        { path: 'util.ts', code: 'export const double = (n: number): number => n * 2;' },
      ],
      event: { n: 21 },
    }));
    expect(r.result).toBe('42');
  });

  it("points stack traces at the learner's .ts lines and columns, not the compiled JavaScript", async () => {
    const code = `import type { Context } from 'aws-lambda';

interface Order {
  id: string;
  total: number;
}

type Checked = Order & { ok: boolean };

function check(order: Order): Checked {
  if (order.total < 0) throw new RangeError(\`negative total in \${order.id}\`);
  return { ...order, ok: true };
}

export const handler = async (event: Order, _context: Context): Promise<Checked> => {
  try {
    return check(event);
  } catch (err) {
    console.error(err);
    throw err;
  }
};`;
    const r = failure(await run(host, code, { file: 'index.ts', event: { id: 'o-1', total: -5 } }));
    // Line 11 throws (col 44: QuickJS points at the call's parenthesis); line 17 calls check().
    expect(r.error.trace.slice(0, 3)).toEqual(['RangeError: negative total in o-1', '    at check (file:///var/task/index.ts:11:44)', '    at handler (file:///var/task/index.ts:17:17)']);
    const invokeError = consoleLines(r).find((l) => l.startsWith('ERROR\tInvoke Error \t'))!;
    expect(invokeError).toContain('"    at check (file:///var/task/index.ts:11:44)"');
    expect(consoleLines(r)[0]).toContain('at check (file:///var/task/index.ts:11:44)');
  });

  it('reports a type-annotation syntax error as Runtime.UserCodeSyntaxError with the line', async () => {
    const code = 'export const handler = async (event: ) => {\n  return 1;\n};';
    const r = failure(await run(host, code, { file: 'index.ts' }));
    expect(r.error.errorType).toBe('Runtime.UserCodeSyntaxError');
    expect(r.error.errorMessage).toMatch(/index\.ts:1:\d+/);
  });
});

describe('/tmp and the read-only file system', () => {
  const fsCode = `import fs from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
export const handler = async (event) => {
  if (event.write) {
    fs.mkdirSync('/tmp/cache/deep', { recursive: true });
    fs.writeFileSync('/tmp/cache/deep/a.txt', 'hello');
    fs.appendFileSync('/tmp/cache/deep/a.txt', ' world');
    await writeFile('/tmp/b.json', JSON.stringify({ ok: true }));
  }
  return {
    exists: fs.existsSync('/tmp/cache/deep/a.txt'),
    text: fs.existsSync('/tmp/cache/deep/a.txt') ? fs.readFileSync('/tmp/cache/deep/a.txt', 'utf8') : null,
    json: fs.existsSync('/tmp/b.json') ? JSON.parse(await readFile('/tmp/b.json', 'utf8')) : null,
    list: fs.readdirSync('/tmp').sort(),
    size: fs.existsSync('/tmp/cache/deep/a.txt') ? fs.statSync('/tmp/cache/deep/a.txt').size : 0,
  };
};`;

  it('keeps /tmp across warm invokes and clears it in a new environment', async () => {
    const first = JSON.parse(success(await run(host, fsCode, { key: 'tmp', event: { write: true } })).result);
    expect(first).toEqual({ exists: true, text: 'hello world', json: { ok: true }, list: ['b.json', 'cache'], size: 11 });
    const warm = JSON.parse(success(await run(host, fsCode, { key: 'tmp', event: {} })).result);
    expect(warm.text).toBe('hello world');
    const cold = JSON.parse(success(await run(host, fsCode, { key: 'tmp', event: {}, forceColdStart: true })).result);
    expect(cold).toEqual({ exists: false, text: null, json: null, list: [], size: 0 });
  });

  it('refuses writes outside /tmp with EROFS, and reads its own files under /var/task', async () => {
    const code = `const fs = require('fs');
exports.handler = async () => {
  let erofs;
  try { fs.writeFileSync('/var/task/new.txt', 'x'); } catch (e) { erofs = [e.code, e.message]; }
  let enoent;
  try { fs.readFileSync('/tmp/missing.txt'); } catch (e) { enoent = e.code; }
  return { erofs, enoent, own: fs.readFileSync(__filename, 'utf8').length > 0, relative: fs.existsSync('./index.js') };
};`;
    const r = JSON.parse(success(await run(host, code, { file: 'index.js' })).result);
    expect(r.erofs).toEqual(['EROFS', "EROFS: read-only file system, open '/var/task/new.txt'"]);
    expect(r.enoent).toBe('ENOENT');
    expect(r.own).toBe(true);
    expect(r.relative).toBe(true);
  });

  it('fails with ENOSPC when /tmp is full (ephemeralStorageMB), without holding that much memory', async () => {
    const code = `import fs from 'node:fs';
export const handler = async () => {
  const chunk = Buffer.alloc(8 * 1024 * 1024, 1);
  let written = 0;
  try { for (;;) { fs.appendFileSync('/tmp/big.bin', chunk); written += 8; } } catch (e) { return [written, e.code, e.message]; }
};`;
    const r = JSON.parse(success(await run(host, code, { config: { ephemeralStorageMB: 600 } })).result) as [number, string, string];
    expect(r).toEqual([600, 'ENOSPC', 'ENOSPC: no space left on device, write']);
  });
});

describe('Node API coverage', () => {
  it('hashes with crypto.createHash and createHmac like Node', async () => {
    const code = `import { createHash, createHmac } from 'node:crypto';
export const handler = async () => [createHash('sha256').update('abc').digest('hex'), createHash('md5').update('abc').digest('base64'), createHmac('sha256', 'key').update('msg').digest('hex')];`;
    const { createHash, createHmac } = await import('node:crypto');
    expect(JSON.parse(success(await run(host, code)).result)).toEqual([
      createHash('sha256').update('abc').digest('hex'),
      createHash('md5').update('abc').digest('base64'),
      createHmac('sha256', 'key').update('msg').digest('hex'),
    ]);
  });

  it('has Buffer slice/subarray/equals/JSON, path and util.inspect', async () => {
    const code = `import path from 'node:path';
import util from 'node:util';
export const handler = async () => {
  const b = Buffer.from('hello world');
  return [b.slice(0, 5).toString(), b.subarray(6).toString('hex'), b.equals(Buffer.from('hello world')), JSON.stringify(Buffer.from('hi')), Buffer.byteLength('héllo'), path.extname('/a/b.txt'), path.relative('/var/task/a', '/var/task/b/c'), util.inspect({ a: [1, { b: 2 }] })];
};`;
    expect(JSON.parse(success(await run(host, code)).result)).toEqual(['hello', '776f726c64', true, '{"type":"Buffer","data":[104,105]}', 6, '.txt', '../b/c', '{ a: [ 1, { b: 2 } ] }']);
  });

  it('names what is missing and points to the supported list for fetch and network modules', async () => {
    const r = failure(await run(host, "export const handler = async () => fetch('https://example.com');"));
    expect(r.error.errorMessage).toContain('fetch is not available in the Coldstart sandbox');
    expect(r.error.errorMessage).toContain('supported');
    const http = failure(await run(host, "const http = require('node:http');\nexports.handler = async () => 1;", { file: 'index.js' }));
    expect(http.error.errorType).toBe('Runtime.ImportModuleError');
    expect(http.error.errorMessage).toContain("'node:http' module is not available");
    expect(http.error.errorMessage).toContain('supported');
  });

  it('prints objects in console lines once inspect is needed', async () => {
    const r = success(await run(host, "export const handler = async () => { console.log('n', 1, true); console.log({ a: 1 }); return 1; };"));
    expect(consoleLines(r)).toEqual(['INFO\tn 1 true', 'INFO\t{ a: 1 }']);
  });
});
