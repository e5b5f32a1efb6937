/**
 * The host functions the guest runtime may call (`__coldstart.host.*`). Every argument and result
 * is a string or a number, so no host object ever becomes reachable from handler code.
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';
import { randomUUID } from 'node:crypto';
import type { PackageFiles } from './module-resolver.ts';

/** What the bridge calls back into on the environment. */
export interface BridgeTarget {
  files: PackageFiles;
  log(level: string, text: string): void;
  nowMs(): number;
  wallNowMs(): number;
  heapBytes(): number;
  runtimeInfoJson(): string;
  exit(code: number): void;
}

/** Install `globalThis.__coldstart = { host: {...} }` in a fresh context. */
export function installBridge(ctx: QuickJSContext, target: BridgeTarget): void {
  const cs = ctx.newObject();
  const host = ctx.newObject();
  const str = (h: QuickJSHandle | undefined): string => (h === undefined ? '' : ctx.getString(h));
  const fns: Record<string, (...args: QuickJSHandle[]) => QuickJSHandle | { error: QuickJSHandle } | undefined> = {
    log: (level, text) => {
      target.log(str(level), str(text));
      return undefined;
    },
    now: () => ctx.newNumber(target.nowMs()),
    wallNow: () => ctx.newNumber(target.wallNowMs()),
    uuid: () => ctx.newString(randomUUID()),
    runtimeInfo: () => ctx.newString(target.runtimeInfoJson()),
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
