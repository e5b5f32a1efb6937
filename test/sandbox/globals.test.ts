import { describe, expect, it } from 'vitest';
import { evaluate as evaluateIn, run, sharedHost, success } from './helpers.ts';

const host = sharedHost();

const evaluate = (body: string, prelude = ''): Promise<unknown> => evaluateIn(host, body, prelude);

describe('Node globals in the sandbox', () => {
  it('has AbortController and AbortSignal as Node does, with AbortSignal.timeout on the virtual clock', async () => {
    // The expected values are what Node 24 prints for the same code.
    const result = await evaluate(`const out = [];
const c = new AbortController();
c.signal.addEventListener('abort', (e) => out.push('listener ' + e.type + ' ' + (e.target === c.signal)));
c.signal.onabort = () => out.push('onabort');
out.push(c.signal.aborted);
c.abort();
const r = c.signal.reason;
out.push(c.signal.aborted, r.name, r.message, r.code, r instanceof DOMException, r instanceof Error, String(r.stack).split('\\n')[0]);
try { c.signal.throwIfAborted(); } catch (e) { out.push('thrown ' + e.name); }
const t = AbortSignal.timeout(50);
const started = Date.now();
await new Promise((resolve) => t.addEventListener('abort', resolve));
out.push('timeout after ' + (Date.now() - started) + ' ' + t.reason.name);
try { new AbortSignal(); } catch (e) { out.push(e.name + ': ' + e.message); }
out.push(AbortSignal.abort('why').reason, AbortSignal.any([AbortSignal.abort(1)]).reason, Object.keys(c.signal).length);
return out;`);
    expect(result).toEqual([
      false, 'listener abort true', 'onabort', true, 'AbortError', 'This operation was aborted', 20, true, true,
      'AbortError: This operation was aborted', 'thrown AbortError', 'timeout after 50 TimeoutError',
      'TypeError: Illegal constructor', 'why', 1, 0,
    ]);
  });

  it("has Buffer's fixed-width number methods, with Node's aliases and range errors", async () => {
    const result = await evaluate(`const b = Buffer.alloc(8);
const errors = [];
for (const bad of [() => b.writeUInt8(256), () => b.readInt32LE(6), () => b.writeBigInt64LE(5)]) {
  try { bad(); } catch (e) { errors.push(e.name + ' ' + e.code + ': ' + e.message); }
}
return [
  b.writeUInt32BE(0xdeadbeef, 0), b.readUInt32BE(0).toString(16), b.readUint16LE(0), b.readInt8(0),
  b.writeDoubleLE(1.5), b.readDoubleLE(0), b.writeBigUInt64BE(2n ** 63n), String(b.readBigUInt64BE()),
  errors,
];`);
    expect(result).toEqual([
      4, 'deadbeef', 0xadde, -34, 8, 1.5, 8, '9223372036854775808',
      [
        'RangeError ERR_OUT_OF_RANGE: The value of "value" is out of range. It must be >= 0 and <= 255. Received 256',
        'RangeError ERR_OUT_OF_RANGE: The value of "offset" is out of range. It must be >= 0 and <= 4. Received 6',
        'TypeError undefined: Cannot mix BigInt and other types, use explicit conversions',
      ],
    ]);
  });

  it('has Buffer with utf8, base64 and hex', async () => {
    expect(await evaluate(`const b = Buffer.from('héllo');
      return [b.length, b.toString('base64'), Buffer.from('aGk=', 'base64').toString(), Buffer.from('6869', 'hex').toString(), Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString(), Buffer.isBuffer(b)];`)).toEqual([6, 'aMOpbGxv', 'hi', 'hi', 'ab', true]);
  });

  it('has TextEncoder/TextDecoder, atob/btoa', async () => {
    expect(await evaluate(`return [Array.from(new TextEncoder().encode('€')), new TextDecoder().decode(new Uint8Array([226, 130, 172])), btoa('hi'), atob('aGk=')];`)).toEqual([[226, 130, 172], '€', 'aGk=', 'hi']);
  });

  it('has URL and URLSearchParams', async () => {
    expect(await evaluate(`const u = new URL('https://user@example.com:8443/a/../b?x=1&y=two#top');
      u.searchParams.append('z', 'a b');
      return [u.hostname, u.port, u.pathname, u.searchParams.get('y'), u.href, new URLSearchParams({ q: 'lambda fn' }).toString()];`)).toEqual([
      'example.com',
      '8443',
      '/b',
      'two',
      'https://user@example.com:8443/b?x=1&y=two&z=a+b#top',
      'q=lambda+fn',
    ]);
  });

  it('has crypto.randomUUID and structuredClone', async () => {
    const [uuid, cloned] = (await evaluate(`const o = { d: new Date(0), m: new Map([[1, 2]]) }; const c = structuredClone(o);
      return [crypto.randomUUID(), [c !== o, c.d.getTime(), c.m.get(1)]];`)) as [string, unknown];
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cloned).toEqual([true, 0, 2]);
  });

  it('moves Date.now and performance.now with virtual time', async () => {
    const [dateDiff, perfDiff] = (await evaluate(`const d = Date.now(), p = performance.now();
      await new Promise((r) => setTimeout(r, 1500));
      return [Date.now() - d, performance.now() - p];`)) as [number, number];
    expect(dateDiff).toBeGreaterThanOrEqual(1500);
    expect(perfDiff).toBeGreaterThanOrEqual(1500);
  });

  it('runs setImmediate, queueMicrotask, setInterval/clearInterval and timers/promises', async () => {
    expect(await evaluate(`const order = [];
      setTimeout(() => order.push('timeout'), 0);
      setImmediate(() => order.push('immediate'));
      queueMicrotask(() => order.push('microtask'));
      let ticks = 0;
      await new Promise((r) => { const id = setInterval(() => { ticks++; if (ticks === 3) { clearInterval(id); r(); } }, 100); });
      const { setTimeout: sleep } = await import('node:timers/promises');
      const v = await sleep(10, 'slept');
      return [order[0], order.length, ticks, v];`)).toEqual(['microtask', 3, 3, 'slept']);
  });

  it('provides node:util, node:path, node:events and process basics', async () => {
    expect(await evaluate(`const util = await import('node:util');
      const path = await import('node:path');
      const { EventEmitter } = await import('node:events');
      const e = new EventEmitter(); let got; e.on('x', (v) => { got = v; }); e.emit('x', 5);
      return [util.format('%s=%d', 'a', 1), path.join('/var/task', 'lib', '../x.js'), got, process.version.startsWith('v24'), process.platform, process.env.AWS_REGION];`)).toEqual([
      'a=1',
      '/var/task/x.js',
      5,
      true,
      'linux',
      'us-east-1',
    ]);
  });

  it('gives ES modules every name a built-in module object has, as Node does, and only those', async () => {
    const code = `import { copyFile, access, mkdtemp, lstat, rmdir, readFileSync } from 'node:fs';
import { pid, env, stdout } from 'node:process';
import * as processModule from 'node:process';
import * as fs from 'fs';
import { promisify } from 'node:util';
export const handler = async () => {
  const dir = await promisify(mkdtemp)('/tmp/x-');
  await promisify(copyFile)('/var/task/index.mjs', dir + '/copy.mjs');
  await promisify(access)(dir + '/copy.mjs');
  const size = (await promisify(lstat)(dir + '/copy.mjs')).size;
  return [typeof rmdir, size === readFileSync('/var/task/index.mjs').length, typeof pid, env.AWS_REGION, typeof stdout.write,
    Object.keys(fs).filter((k) => k !== 'default').every((k) => fs[k] === fs.default[k]),
    Object.keys(processModule).filter((k) => k !== 'default').sort().join() === Object.keys(processModule.default).sort().join()];
};`;
    expect(JSON.parse(success(await run(host, code)).result)).toEqual(['function', true, 'number', 'us-east-1', 'function', true, true]);
  });

  it('waits for an emit with events.once, rejecting on an error event or an aborted signal', async () => {
    const r = success(
      await run(
        host,
        `import { once, EventEmitter } from 'node:events';
export const handler = async () => {
  const e = new EventEmitter();
  setTimeout(() => e.emit('ready', 1, 2), 10);
  const args = await once(e, 'ready');
  setTimeout(() => e.emit('error', new Error('broken')), 10);
  const failed = await once(e, 'ready').catch((err) => err.message);
  const aborted = await once(e, 'ready', { signal: AbortSignal.timeout(5) }).catch((err) => err.name + ' ' + err.code + ' ' + err.cause.name);
  const target = new EventTarget();
  setTimeout(() => target.dispatchEvent(new Event('go')), 1);
  const [event] = await once(target, 'go');
  return { args, failed, aborted, listeners: e.listenerCount('ready') + e.listenerCount('error'), event: event.type };
};`,
      ),
    );
    expect(JSON.parse(r.result)).toEqual({ args: [1, 2], failed: 'broken', aborted: 'AbortError ABORT_ERR TimeoutError', listeners: 0, event: 'go' });
  });

  it("refuses a named import the module object does not have, as Node does (process's EventEmitter methods are inherited)", async () => {
    const r = await run(host, "import { on } from 'node:process';\nexport const handler = async () => typeof on;");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.errorMessage).toContain("'on'");
  });
});
