/**
 * Which pieces of the guest runtime are compiled when an environment starts (the core: the clock's
 * mirror, console logging and the stubs of the rest; the runtime client) and which on first use
 * (timers; process, EventEmitter and require; the tracking Promise; Date and performance; the
 * other console methods; describing errors; inspect, the Node globals, the other built-in
 * modules; V8-style error stacks; Intl; AbortController and its kin; see core-source.ts). Compiling happens in every new environment and is most of a cold
 * start's real cost: QuickJS takes roughly 10 us per function it compiles, so the core holds as
 * few functions as it can (together about 0.7 ms).
 */
import { ABORT_SOURCE } from './abort-source.ts';
import { AWS_SDK_SOURCE } from './aws-sdk-source.ts';
import { BUFFER_NUMBERS_SOURCE } from './buffer-numbers-source.ts';
import { CLOCK_SOURCE } from './clock-source.ts';
import { CONSOLE_EXTRAS_SOURCE } from './console-extras-source.ts';
import { CORE_SOURCE } from './core-source.ts';
import { ERRORS_SOURCE } from './errors-source.ts';
import { FS_CRYPTO_SOURCE } from './fs-crypto-source.ts';
import { INSPECT_LAYOUT_SOURCE } from './inspect-layout-source.ts';
import { INSPECT_SOURCE } from './inspect-source.ts';
import { INTL_SOURCE } from './intl-source.ts';
import { LAZY_MODULES_SOURCE } from './lazy-modules-source.ts';
import { MODULES_SOURCE } from './modules-source.ts';
import { NODE_GLOBALS_SOURCE } from './node-globals-source.ts';
import { TRACKED_PROMISE_SOURCE } from './promise-source.ts';
import { REJECTIONS_SOURCE } from './rejections-source.ts';
import { STACKS_SOURCE } from './stacks-source.ts';
import { RUNTIME_SOURCE } from './runtime-source.ts';
import { TIMERS_SOURCE } from './timers-source.ts';

/** Evaluated in order in every new environment. */
export const CORE_PARTS: readonly (readonly [string, string])[] = [
  ['core', CORE_SOURCE],
  ['runtime', RUNTIME_SOURCE],
];

/** A part evaluated on first use: the file name its stack frames show, and its code. */
export interface LazyPart {
  file: string;
  source: string;
}

/** Evaluated when the guest first needs them (`cs.load(name)`). */
export const LAZY_PARTS: ReadonlyMap<string, LazyPart> = new Map([
  ['timers', { file: 'timers', source: TIMERS_SOURCE }],
  ['process', { file: 'modules', source: MODULES_SOURCE }],
  ['inspect', { file: 'inspect', source: INSPECT_LAYOUT_SOURCE + INSPECT_SOURCE }],
  ['globals', { file: 'globals', source: NODE_GLOBALS_SOURCE + BUFFER_NUMBERS_SOURCE }],
  ['modules', { file: 'modules', source: LAZY_MODULES_SOURCE + FS_CRYPTO_SOURCE }],
  ['aws-sdk', { file: 'aws-sdk', source: AWS_SDK_SOURCE }],
  ['rejections', { file: 'rejections', source: REJECTIONS_SOURCE }],
  ['errors', { file: 'errors', source: ERRORS_SOURCE }],
  ['promise', { file: 'promise', source: TRACKED_PROMISE_SOURCE }],
  ['clock', { file: 'clock', source: CLOCK_SOURCE }],
  ['console', { file: 'console', source: CONSOLE_EXTRAS_SOURCE }],
  ['stacks', { file: 'stacks', source: STACKS_SOURCE }],
  ['intl', { file: 'intl', source: INTL_SOURCE }],
  ['abort', { file: 'abort', source: ABORT_SOURCE }],
]);

const encoded = new Map<string, Uint8Array>();

/** A part's source as UTF-8, encoded once per thread (the parts never change). */
export function partBytes(source: string): Uint8Array {
  let bytes = encoded.get(source);
  if (!bytes) {
    bytes = new TextEncoder().encode(source);
    encoded.set(source, bytes);
  }
  return bytes;
}
