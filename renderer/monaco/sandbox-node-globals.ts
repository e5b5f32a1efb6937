/**
 * Declarations of the Node.js globals the Coldstart sandbox gives a handler (sandbox/docs/supported.en.md,
 * "Globals"; guest code in sandbox/runtime/worker/guest/), for the code editor. They replace the
 * browser's DOM library: a handler has no `document` or `window`, and no `fetch` (the sandbox is
 * offline). Only what the guest implements is declared, so IntelliSense offers nothing that fails
 * at run time; test/renderer/monaco/sandbox-node-types.test.ts compares these names with the
 * guest's. Loaded only with the Monaco chunk.
 */
/**
 * Buffer's fixed-width number methods (guest: buffer-numbers-source.ts): readUInt8, readInt16LE,
 * writeDoubleBE, readBigUInt64LE... with Node's lower-case aliases (readUint16LE).
 */
const BUFFER_NUMBER_METHODS = (() => {
  const kinds: [name: string, width: number, type: 'number' | 'bigint'][] = [
    ['UInt8', 1, 'number'], ['Uint8', 1, 'number'], ['Int8', 1, 'number'],
    ['UInt16', 2, 'number'], ['Uint16', 2, 'number'], ['Int16', 2, 'number'],
    ['UInt32', 4, 'number'], ['Uint32', 4, 'number'], ['Int32', 4, 'number'],
    ['Float', 4, 'number'], ['Double', 8, 'number'],
    ['BigUInt64', 8, 'bigint'], ['BigUint64', 8, 'bigint'], ['BigInt64', 8, 'bigint'],
  ];
  const lines: string[] = [];
  for (const [name, width, type] of kinds) {
    for (const end of width === 1 ? [''] : ['LE', 'BE']) {
      lines.push(`  /** The ${width * 8}-bit ${type === 'bigint' ? 'BigInt' : 'number'} at offset (default 0). */`);
      lines.push(`  read${name}${end}(offset?: number): ${type};`);
      lines.push(`  /** Writes value at offset (default 0); returns the offset after it. */`);
      lines.push(`  write${name}${end}(value: ${type}, offset?: number): number;`);
    }
  }
  return lines.join('\n');
})();

export const SANDBOX_NODE_GLOBALS = String.raw`
type BufferEncoding = 'utf8' | 'utf-8' | 'base64' | 'base64url' | 'hex' | 'latin1' | 'binary' | 'ascii';

declare namespace NodeJS {
  interface ProcessEnv {
    [name: string]: string | undefined;
  }
  interface MemoryUsage {
    rss: number;
    heapTotal: number;
    heapUsed: number;
    external: number;
    arrayBuffers: number;
  }
  interface HRTime {
    /** [seconds, nanoseconds] on the virtual clock, or the time since an earlier reading. */
    (time?: [number, number]): [number, number];
    bigint(): bigint;
  }
  interface WriteStream {
    /** Written to the function's log as it is. */
    write(text: string): boolean;
  }
  interface EventEmitter {
    on(eventName: string | symbol, listener: (...args: any[]) => void): this;
    addListener(eventName: string | symbol, listener: (...args: any[]) => void): this;
    once(eventName: string | symbol, listener: (...args: any[]) => void): this;
    off(eventName: string | symbol, listener: (...args: any[]) => void): this;
    removeListener(eventName: string | symbol, listener: (...args: any[]) => void): this;
    removeAllListeners(eventName?: string | symbol): this;
    emit(eventName: string | symbol, ...args: any[]): boolean;
    listenerCount(eventName: string | symbol): number;
  }
  interface Process extends EventEmitter {
    /** The function's variables and Lambda's reserved ones (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME...). */
    env: ProcessEnv;
    version: string;
    versions: { node: string; [name: string]: string };
    platform: 'linux';
    arch: 'x64' | 'arm64';
    argv: string[];
    execPath: string;
    pid: number;
    title: string;
    cwd(): string;
    /** Seconds since the environment started, on the virtual clock. */
    uptime(): number;
    nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
    memoryUsage: { (): MemoryUsage; rss(): number };
    /** Ends the environment: the invoke fails with Runtime.ExitError. */
    exit(code?: number): never;
    hrtime: HRTime;
    stdout: WriteStream;
    stderr: WriteStream;
  }
  /** What setTimeout and setInterval return. */
  interface Timeout {
    ref(): this;
    unref(): this;
    hasRef(): boolean;
    refresh(): this;
    [Symbol.toPrimitive](): number;
  }
  /** What setImmediate returns. */
  interface Immediate {
    ref(): this;
    unref(): this;
    hasRef(): boolean;
  }
}

interface ErrorConstructor {
  /** Sets target.stack to the current stack, leaving out the frames from constructorOpt up. */
  captureStackTrace(target: object, constructorOpt?: Function): void;
  /** Frames kept in a stack (default 10). */
  stackTraceLimit: number;
}

declare var process: NodeJS.Process;
declare var global: typeof globalThis;

interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
  trace(...data: any[]): void;
  dir(item?: any, options?: object): void;
  table(tabularData?: any, properties?: string[]): void;
  assert(condition?: boolean, ...data: any[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
  timeLog(label?: string, ...data: any[]): void;
  group(...label: any[]): void;
  groupCollapsed(...label: any[]): void;
  groupEnd(): void;
}
declare var console: Console;

/** Timers run on the simulated clock: a 300 ms timeout adds 300 ms to the invoke's Duration. */
declare function setTimeout(callback: (...args: any[]) => void, ms?: number, ...args: any[]): NodeJS.Timeout;
declare function setInterval(callback: (...args: any[]) => void, ms?: number, ...args: any[]): NodeJS.Timeout;
declare function setImmediate(callback: (...args: any[]) => void, ...args: any[]): NodeJS.Immediate;
declare function clearTimeout(timeout: NodeJS.Timeout | string | number | undefined): void;
declare function clearInterval(interval: NodeJS.Timeout | string | number | undefined): void;
declare function clearImmediate(immediate: NodeJS.Immediate | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;

interface EventInit {
  bubbles?: boolean;
  cancelable?: boolean;
}
interface Event {
  readonly type: string;
  readonly target: EventTarget | null;
  readonly currentTarget: EventTarget | null;
  readonly srcElement: EventTarget | null;
  readonly cancelable: boolean;
  readonly bubbles: boolean;
  readonly defaultPrevented: boolean;
  readonly timeStamp: number;
  readonly isTrusted: boolean;
  readonly eventPhase: number;
  preventDefault(): void;
  stopPropagation(): void;
  stopImmediatePropagation(): void;
  composedPath(): EventTarget[];
}
declare var Event: { readonly prototype: Event; new (type: string, init?: EventInit): Event };
type EventListenerOrObject = ((event: Event) => void) | { handleEvent(event: Event): void };
interface EventTarget {
  addEventListener(type: string, listener: EventListenerOrObject | null, options?: { once?: boolean; signal?: AbortSignal }): void;
  removeEventListener(type: string, listener: EventListenerOrObject | null): void;
  dispatchEvent(event: Event): boolean;
}
declare var EventTarget: { readonly prototype: EventTarget; new (): EventTarget };
/** An error named by the web platform: AbortError and TimeoutError are the reasons of aborted signals. */
interface DOMException extends Error {
  readonly code: number;
}
declare var DOMException: { readonly prototype: DOMException; new (message?: string, name?: string): DOMException };
/** Tells work to stop: aborted by its AbortController, AbortSignal.abort() or AbortSignal.timeout(ms) (virtual time). */
interface AbortSignal extends EventTarget {
  readonly aborted: boolean;
  readonly reason: any;
  onabort: ((event: Event) => void) | null;
  throwIfAborted(): void;
}
declare var AbortSignal: {
  readonly prototype: AbortSignal;
  abort(reason?: any): AbortSignal;
  timeout(milliseconds: number): AbortSignal;
  any(signals: Iterable<AbortSignal>): AbortSignal;
};
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: any): void;
}
declare var AbortController: { readonly prototype: AbortController; new (): AbortController };
declare function atob(data: string): string;
declare function btoa(data: string): string;

interface Performance {
  /** Milliseconds on the simulated clock. */
  now(): number;
  readonly timeOrigin: number;
  mark(name: string): void;
  measure(name: string): void;
}
declare var performance: Performance;

interface Crypto {
  randomUUID(): string;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
}
declare var crypto: Crypto;

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: { readonly prototype: TextEncoder; new (): TextEncoder };
interface TextDecoder {
  readonly encoding: string;
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}
declare var TextDecoder: { readonly prototype: TextDecoder; new (label?: string): TextDecoder };

interface URLSearchParams {
  readonly size: number;
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
  sort(): void;
  forEach(callback: (value: string, name: string, params: URLSearchParams) => void, thisArg?: any): void;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  entries(): IterableIterator<[string, string]>;
  [Symbol.iterator](): IterableIterator<[string, string]>;
  toString(): string;
}
declare var URLSearchParams: {
  readonly prototype: URLSearchParams;
  new (init?: string | Record<string, string> | Iterable<[string, string]>): URLSearchParams;
};
interface URL {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
  readonly host: string;
  readonly origin: string;
  pathname: string;
  search: string;
  hash: string;
  readonly searchParams: URLSearchParams;
  readonly href: string;
  toString(): string;
  toJSON(): string;
}
declare var URL: {
  readonly prototype: URL;
  new (input: string | URL, base?: string | URL): URL;
  canParse(input: string | URL, base?: string | URL): boolean;
};

/** Bytes: a Uint8Array with Node's everyday Buffer methods. */
interface Buffer extends Uint8Array<ArrayBuffer> {
${BUFFER_NUMBER_METHODS}
  toString(encoding?: BufferEncoding, start?: number, end?: number): string;
  toJSON(): { type: 'Buffer'; data: number[] };
  slice(start?: number, end?: number): Buffer;
  subarray(start?: number, end?: number): Buffer;
  equals(other: Uint8Array): boolean;
  /** Writes the string as UTF-8 at offset; returns how many bytes fitted. */
  write(text: string, offset?: number): number;
}
interface BufferConstructor {
  readonly prototype: Buffer;
  from(text: string, encoding?: BufferEncoding): Buffer;
  from(bytes: ArrayBuffer, byteOffset?: number, length?: number): Buffer;
  from(values: ArrayLike<number> | { type: 'Buffer'; data: number[] }): Buffer;
  alloc(size: number, fill?: number | string): Buffer;
  allocUnsafe(size: number): Buffer;
  isBuffer(value: unknown): value is Buffer;
  byteLength(value: string | ArrayBuffer | ArrayBufferView, encoding?: BufferEncoding): number;
  concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
  compare(a: Uint8Array, b: Uint8Array): -1 | 0 | 1;
}
declare var Buffer: BufferConstructor;

// CommonJS handlers (.cjs, or .js without import/export) get these as module wrapper arguments.
declare var require: { (id: string): any; resolve(id: string): string; cache: Record<string, unknown> };
declare var module: { exports: any; id: string; filename: string; loaded: boolean; paths: string[] };
declare var exports: any;
declare var __filename: string;
declare var __dirname: string;
`;
