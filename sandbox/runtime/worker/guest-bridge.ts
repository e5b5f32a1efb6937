/**
 * The host functions the guest runtime may call (`__coldstart.host.*`). Every argument and result
 * is a string or a number, so no host object ever becomes reachable from handler code.
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { intlCall } from './intl-bridge.ts';
import type { PackageFiles } from './module-resolver.ts';
import type { TmpFilesystem } from './tmp-filesystem.ts';

/** What the bridge calls back into on the environment. */
export interface BridgeTarget {
  files: PackageFiles;
  tmp: TmpFilesystem;
  /** A batch of console lines (see core-source.ts, cs.line). */
  logBatch(batch: string): void;
  heapBytes(): number;
  runtimeInfoJson(): string;
  /** The specifier a module name was first imported as (see esm-loader.ts). */
  moduleSpecifier(name: string): string;
  exit(code: number): void;
  /** One AWS SDK call to the attached simulated account; the reply as JSON (see account-link.ts). */
  awsCall(service: string, operation: string, inputJson: string, guestNowMs: number): string;
  /** Evaluate a lazily loaded part of the guest runtime (see environment.ts). */
  loadPart(name: string): QuickJSHandle | { error: QuickJSHandle } | undefined;
}

const HASHES = new Set(['md5', 'sha1', 'sha256', 'sha384', 'sha512']);

/** Bytes <-> the NUL-free latin1 strings the guest sends (NUL travels as U+0100). */
export function bytesFromGuest(s: string): Buffer {
  const b = Buffer.allocUnsafe(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 255;
  return b;
}

export function bytesToGuest(b: Buffer): string {
  return b.toString('latin1').replace(/\0/g, '\u0100');
}

/** Digest for the guest's crypto.createHash/createHmac: latin1 in, latin1 out ('!' + message on error). */
function digest(alg: string, data: string, key: string, mode: string): string {
  if (!HASHES.has(alg)) return '!Digest method not supported';
  const h = mode === 'hmac' ? createHmac(alg, bytesFromGuest(key)) : createHash(alg);
  return bytesToGuest(h.update(bytesFromGuest(data)).digest());
}

/** Install `globalThis.__coldstart = { host: {...} }` in a fresh context. */
export function installBridge(ctx: QuickJSContext, target: BridgeTarget): void {
  const cs = ctx.newObject();
  const host = ctx.newObject();
  const str = (h: QuickJSHandle | undefined): string => (h === undefined ? '' : ctx.getString(h));
  const fns: Record<string, (...args: QuickJSHandle[]) => QuickJSHandle | { error: QuickJSHandle } | undefined> = {
    log: (batch) => {
      target.logBatch(str(batch));
      return undefined;
    },
    load: (name) => target.loadPart(str(name)),
    uuid: () => ctx.newString(randomUUID()),
    runtimeInfo: () => ctx.newString(target.runtimeInfoJson()),
    specifier: (name) => ctx.newString(target.moduleSpecifier(str(name))),
    memoryBytes: () => ctx.newNumber(target.heapBytes()),
    exit: (code) => {
      target.exit(code === undefined ? 0 : ctx.getNumber(code));
      return undefined;
    },
    resolve: (spec, from) => ctx.newString(JSON.stringify(target.files.resolve(str(spec), str(from)))),
    readFile: (path) => {
      const code = target.files.read(str(path));
      return code === undefined ? ctx.undefined : ctx.newString(code);
    },
    compileCjs: (pathHandle) => {
      const path = str(pathHandle);
      const code = target.files.read(path) ?? '';
      // One line for the wrapper head keeps line numbers in stack traces equal to the file's.
      const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
      const r = ctx.evalCode(wrapped, path, { type: 'global', strict: false });
      if (r.error) return { error: r.error };
      return r.value;
    },
    fs: (op, path, a, b) => {
      // File contents travel as ArrayBuffers (copied in one go), everything else as strings.
      let data: string | Buffer;
      if (a !== undefined && ctx.typeof(a) === 'object') {
        const view = ctx.getArrayBuffer(a);
        data = Buffer.from(view.value);
        view.dispose();
      } else data = str(a);
      const reply = target.tmp.call(str(op), str(path), data, str(b), target.files);
      if (reply.value instanceof Uint8Array) return ctx.newArrayBuffer(reply.value.buffer.slice(reply.value.byteOffset, reply.value.byteOffset + reply.value.byteLength) as ArrayBuffer);
      return ctx.newString(JSON.stringify(reply));
    },
    aws: (service, op, input, now) => ctx.newString(target.awsCall(str(service), str(op), str(input), now === undefined ? 0 : ctx.getNumber(now))),
    intl: (request) => ctx.newString(intlCall(str(request))),
    hash: (alg, data, key, mode) => ctx.newString(digest(str(alg), str(data), str(key), str(mode))),
    promiseState: (p) => {
      if (p === undefined) return ctx.newString('pending');
      const s = ctx.getPromiseState(p);
      if (s.type === 'fulfilled') s.value.dispose();
      else if (s.type === 'rejected') s.error.dispose();
      return ctx.newString(s.type);
    },
    promiseValue: (p) => {
      if (p === undefined) return ctx.undefined;
      const s = ctx.getPromiseState(p);
      if (s.type === 'fulfilled') return s.value;
      return s.type === 'rejected' ? s.error : ctx.undefined;
    },
  };
  for (const [name, fn] of Object.entries(fns)) {
    const handle = ctx.newFunction(name, (...args) => fn(...args));
    ctx.setProp(host, name, handle);
    handle.dispose();
  }
  ctx.setProp(cs, 'host', host);
  ctx.defineProp(ctx.global, '__coldstart', { value: cs, enumerable: false, configurable: false });
  host.dispose();
  cs.dispose();
}
