/**
 * Declarations of the Node.js built-in modules the Coldstart sandbox implements (sandbox/docs/
 * supported.en.md, "Built-in modules"), for the code editor: `node:fs` on /tmp, parts of
 * `node:crypto`, `node:util`, `node:path`, `node:events`... Each module declares exactly the named
 * exports the guest gives, which are its module object's own enumerable keys as in Node
 * (`import { existsSync } from 'node:fs'` type-checks, `createReadStream` does not), so
 * IntelliSense offers only what runs. Modules that are missing (http, os, stream...)
 * are not declared: importing them is underlined, as running them fails.
 * test/renderer/monaco/sandbox-node-types.test.ts compares these with the guest's real exports.
 */

/** Built-ins whose declarations below use `export =` (a value whose properties are the exports). */
const EXPORT_ASSIGNED = ['events', 'path', 'path/posix'];
/** Built-ins with a default export besides their named ones (`export *` leaves it out). */
const DEFAULT_EXPORTED = ['process'];

/** Every module declared below, without its `node:` prefix. */
export const SANDBOX_NODE_MODULE_NAMES = [
  'buffer',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'path',
  'path/posix',
  'process',
  'timers',
  'timers/promises',
  'url',
  'util',
];

const DECLARATIONS = String.raw`
declare module 'node:fs' {
  type PathLike = string | Buffer | URL;
  type Data = string | ArrayBuffer | ArrayBufferView;
  type WriteOptions = BufferEncoding | { encoding?: BufferEncoding; flag?: string };
  type Done = (error: Error | null) => void;
  type Got<T> = (error: Error | null, value: T) => void;
  interface Stats {
    size: number;
    mode: number;
    uid: number;
    gid: number;
    nlink: number;
    blksize: number;
    blocks: number;
    atimeMs: number;
    mtimeMs: number;
    ctimeMs: number;
    birthtimeMs: number;
    atime: Date;
    mtime: Date;
    ctime: Date;
    birthtime: Date;
    isFile(): boolean;
    isDirectory(): boolean;
    isSymbolicLink(): boolean;
  }
  interface Dirent {
    name: string;
    isFile(): boolean;
    isDirectory(): boolean;
  }
  /** The whole file as bytes, or as text when an encoding is given. Only /tmp is writable. */
  export function readFileSync(path: PathLike, options?: { encoding?: null; flag?: string } | null): Buffer;
  export function readFileSync(path: PathLike, options: BufferEncoding | { encoding: BufferEncoding; flag?: string }): string;
  /** Writes under /tmp (its size is the function's ephemeral storage); elsewhere fails with EROFS. */
  export function writeFileSync(path: PathLike, data: Data, options?: WriteOptions): void;
  export function appendFileSync(path: PathLike, data: Data, options?: WriteOptions): void;
  export function existsSync(path: PathLike): boolean;
  export function mkdirSync(path: PathLike, options?: { recursive?: boolean }): string | undefined;
  export function readdirSync(path: PathLike, options?: { withFileTypes?: false }): string[];
  export function readdirSync(path: PathLike, options: { withFileTypes: true }): Dirent[];
  export function statSync(path: PathLike, options?: { throwIfNoEntry?: true }): Stats;
  export function statSync(path: PathLike, options: { throwIfNoEntry: false }): Stats | undefined;
  export function lstatSync(path: PathLike, options?: { throwIfNoEntry?: true }): Stats;
  export function unlinkSync(path: PathLike): void;
  export function rmSync(path: PathLike, options?: { recursive?: boolean; force?: boolean }): void;
  export function rmdirSync(path: PathLike, options?: { recursive?: boolean }): void;
  export function renameSync(from: PathLike, to: PathLike): void;
  export function copyFileSync(from: PathLike, to: PathLike): void;
  export function accessSync(path: PathLike, mode?: number): void;
  export function mkdtempSync(prefix: string): string;
  export function readFile(path: PathLike, callback: Got<Buffer>): void;
  export function readFile(path: PathLike, options: BufferEncoding | { encoding: BufferEncoding }, callback: Got<string>): void;
  export function writeFile(path: PathLike, data: Data, callback: Done): void;
  export function writeFile(path: PathLike, data: Data, options: WriteOptions, callback: Done): void;
  export function appendFile(path: PathLike, data: Data, callback: Done): void;
  export function appendFile(path: PathLike, data: Data, options: WriteOptions, callback: Done): void;
  export function exists(path: PathLike, callback: (exists: boolean) => void): void;
  export function mkdir(path: PathLike, callback: Done): void;
  export function mkdir(path: PathLike, options: { recursive?: boolean }, callback: Got<string | undefined>): void;
  export function readdir(path: PathLike, callback: Got<string[]>): void;
  export function readdir(path: PathLike, options: { withFileTypes: true }, callback: Got<Dirent[]>): void;
  export function stat(path: PathLike, callback: Got<Stats>): void;
  export function lstat(path: PathLike, callback: Got<Stats>): void;
  export function unlink(path: PathLike, callback: Done): void;
  export function rm(path: PathLike, callback: Done): void;
  export function rm(path: PathLike, options: { recursive?: boolean; force?: boolean }, callback: Done): void;
  export function rmdir(path: PathLike, callback: Done): void;
  export function rmdir(path: PathLike, options: { recursive?: boolean }, callback: Done): void;
  export function rename(from: PathLike, to: PathLike, callback: Done): void;
  export function copyFile(from: PathLike, to: PathLike, callback: Done): void;
  export function access(path: PathLike, callback: Done): void;
  export function access(path: PathLike, mode: number, callback: Done): void;
  export function mkdtemp(prefix: string, callback: Got<string>): void;
  export const constants: { readonly F_OK: 0; readonly R_OK: 4; readonly W_OK: 2; readonly X_OK: 1 };
  export const promises: typeof import('node:fs/promises');
}

declare module 'node:fs/promises' {
  import type { Dirent, Stats } from 'node:fs';
  type PathLike = string | Buffer | URL;
  type Data = string | ArrayBuffer | ArrayBufferView;
  type WriteOptions = BufferEncoding | { encoding?: BufferEncoding; flag?: string };
  export function readFile(path: PathLike, options?: { encoding?: null } | null): Promise<Buffer>;
  export function readFile(path: PathLike, options: BufferEncoding | { encoding: BufferEncoding }): Promise<string>;
  export function writeFile(path: PathLike, data: Data, options?: WriteOptions): Promise<void>;
  export function appendFile(path: PathLike, data: Data, options?: WriteOptions): Promise<void>;
  export function mkdir(path: PathLike, options?: { recursive?: boolean }): Promise<string | undefined>;
  export function readdir(path: PathLike, options?: { withFileTypes?: false }): Promise<string[]>;
  export function readdir(path: PathLike, options: { withFileTypes: true }): Promise<Dirent[]>;
  export function stat(path: PathLike): Promise<Stats>;
  export function lstat(path: PathLike): Promise<Stats>;
  export function unlink(path: PathLike): Promise<void>;
  export function rm(path: PathLike, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
  export function rmdir(path: PathLike, options?: { recursive?: boolean }): Promise<void>;
  export function rename(from: PathLike, to: PathLike): Promise<void>;
  export function copyFile(from: PathLike, to: PathLike): Promise<void>;
  export function access(path: PathLike, mode?: number): Promise<void>;
  export function mkdtemp(prefix: string): Promise<string>;
}

declare module 'node:crypto' {
  type HashAlgorithm = 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512';
  type BinaryLike = string | ArrayBuffer | ArrayBufferView;
  interface Hash {
    update(data: BinaryLike, inputEncoding?: BufferEncoding): Hash;
    digest(): Buffer;
    digest(encoding: BufferEncoding): string;
  }
  export function randomUUID(): string;
  export function getRandomValues<T extends ArrayBufferView>(array: T): T;
  export function randomBytes(size: number): Buffer;
  export function randomBytes(size: number, callback: (error: Error | null, bytes: Buffer) => void): void;
  export function randomInt(max: number): number;
  export function randomInt(min: number, max: number): number;
  export function createHash(algorithm: HashAlgorithm | Uppercase<HashAlgorithm>): Hash;
  export function createHmac(algorithm: HashAlgorithm | Uppercase<HashAlgorithm>, key: BinaryLike): Hash;
  export function getHashes(): HashAlgorithm[];
  export function timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean;
  export const webcrypto: Crypto;
}

declare module 'node:util' {
  /** Formats a value as console.log prints it (options are accepted and ignored). */
  export function inspect(value: unknown, options?: object): string;
  export function format(format?: any, ...values: any[]): string;
  export function promisify(fn: (...args: any[]) => void): (...args: any[]) => Promise<any>;
  export function callbackify(fn: (...args: any[]) => Promise<any>): (...args: any[]) => void;
  export function inherits(constructor: unknown, superConstructor: unknown): void;
  export function deprecate<T extends (...args: any[]) => any>(fn: T, message?: string, code?: string): T;
  export function isDeepStrictEqual(a: unknown, b: unknown): boolean;
  export const types: {
    isPromise(value: unknown): value is Promise<unknown>;
    isDate(value: unknown): value is Date;
    isRegExp(value: unknown): value is RegExp;
    isMap(value: unknown): value is Map<unknown, unknown>;
    isSet(value: unknown): value is Set<unknown>;
    isTypedArray(value: unknown): boolean;
    isUint8Array(value: unknown): value is Uint8Array;
    isNativeError(value: unknown): value is Error;
  };
  export const TextEncoder: typeof globalThis.TextEncoder;
  export const TextDecoder: typeof globalThis.TextDecoder;
}

declare module 'node:events' {
  import self = require('node:events');
  interface EventEmitter extends NodeJS.EventEmitter {}
  class EventEmitter {}
  // The class is the module, and also its named export: import { EventEmitter } from 'node:events'.
  namespace EventEmitter {
    export { self as EventEmitter };
    /** A promise of the arguments of the next emit of name (rejected by an 'error' event or an aborted signal). */
    export function once(emitter: NodeJS.EventEmitter | EventTarget, name: string, options?: { signal?: AbortSignal }): Promise<any[]>;
  }
  export = EventEmitter;
}

declare module 'node:path' {
  namespace path {
    interface ParsedPath {
      root: string;
      dir: string;
      base: string;
      ext: string;
      name: string;
    }
    interface PosixPath {
      readonly sep: '/';
      readonly delimiter: ':';
      normalize(path: string): string;
      join(...paths: string[]): string;
      /** Relative paths resolve against /var/task, the function's code. */
      resolve(...paths: string[]): string;
      isAbsolute(path: string): boolean;
      dirname(path: string): string;
      basename(path: string, suffix?: string): string;
      extname(path: string): string;
      relative(from: string, to: string): string;
      parse(path: string): ParsedPath;
      format(pathObject: Partial<ParsedPath>): string;
      readonly posix: PosixPath;
    }
  }
  const path: path.PosixPath;
  export = path;
}

declare module 'node:path/posix' {
  import path = require('node:path');
  const posix: path.PosixPath;
  export = posix;
}

declare module 'node:process' {
  export const env: NodeJS.ProcessEnv;
  export const argv: string[];
  export const version: string;
  export const versions: NodeJS.Process['versions'];
  export const platform: NodeJS.Process['platform'];
  export const arch: NodeJS.Process['arch'];
  export const execPath: string;
  export const pid: number;
  export const title: string;
  export const stdout: NodeJS.Process['stdout'];
  export const stderr: NodeJS.Process['stderr'];
  export const exit: NodeJS.Process['exit'];
  export const nextTick: NodeJS.Process['nextTick'];
  export const hrtime: NodeJS.HRTime;
  export const memoryUsage: NodeJS.Process['memoryUsage'];
  export const cwd: NodeJS.Process['cwd'];
  export const uptime: NodeJS.Process['uptime'];
  const process: NodeJS.Process;
  export default process;
}

declare module 'node:buffer' {
  export const Buffer: BufferConstructor;
}

declare module 'node:url' {
  export const URL: typeof globalThis.URL;
  export const URLSearchParams: typeof globalThis.URLSearchParams;
}

declare module 'node:timers' {
  export const setTimeout: typeof globalThis.setTimeout;
  export const setInterval: typeof globalThis.setInterval;
  export const setImmediate: typeof globalThis.setImmediate;
  export const clearTimeout: typeof globalThis.clearTimeout;
  export const clearInterval: typeof globalThis.clearInterval;
  export const clearImmediate: typeof globalThis.clearImmediate;
}

declare module 'node:timers/promises' {
  /** Resolves with value after delay ms on the simulated clock. */
  export function setTimeout<T = void>(delay?: number, value?: T): Promise<T>;
  export function setImmediate<T = void>(value?: T): Promise<T>;
}
`;

/** The same module without `node:`, as Node also accepts it: `import fs from 'fs'`. */
function bareAlias(name: string): string {
  return EXPORT_ASSIGNED.includes(name)
    ? `declare module '${name}' {\n  import m = require('node:${name}');\n  export = m;\n}\n`
    : `declare module '${name}' {\n  export * from 'node:${name}';\n${
        DEFAULT_EXPORTED.includes(name) ? `  export { default } from 'node:${name}';\n` : ''
      }}\n`;
}

/** Every module's declarations, `node:` names first, then the bare aliases. */
export const SANDBOX_NODE_MODULES = DECLARATIONS + SANDBOX_NODE_MODULE_NAMES.map(bareAlias).join('');
