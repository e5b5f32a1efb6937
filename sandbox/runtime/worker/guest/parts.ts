/**
 * Which pieces of the guest runtime are compiled when an environment starts (the core: console,
 * clock, timers, process, require, the runtime client) and which on first use (inspect, the Node
 * globals, the other built-in modules). Compiling the whole runtime costs about 4 ms per
 * environment; the core about 1 ms.
 */
import { AWS_SDK_SOURCE } from './aws-sdk-source.ts';
import { CONSOLE_TIMERS_SOURCE } from './console-timers-source.ts';
import { FS_CRYPTO_SOURCE } from './fs-crypto-source.ts';
import { INSPECT_LAYOUT_SOURCE } from './inspect-layout-source.ts';
import { INSPECT_SOURCE } from './inspect-source.ts';
import { LAZY_MODULES_SOURCE } from './lazy-modules-source.ts';
import { MODULES_SOURCE } from './modules-source.ts';
import { NODE_GLOBALS_SOURCE } from './node-globals-source.ts';
import { REJECTIONS_SOURCE } from './rejections-source.ts';
import { RUNTIME_SOURCE } from './runtime-source.ts';

/** Evaluated in order in every new environment. */
export const CORE_PARTS: readonly (readonly [string, string])[] = [
  ['console-timers', CONSOLE_TIMERS_SOURCE],
  ['modules', MODULES_SOURCE],
  ['runtime', RUNTIME_SOURCE],
];

/** Evaluated when the guest first needs them (`cs.load(name)`). */
export const LAZY_PARTS: ReadonlyMap<string, string> = new Map([
  ['inspect', INSPECT_LAYOUT_SOURCE + INSPECT_SOURCE],
  ['globals', NODE_GLOBALS_SOURCE],
  ['modules', LAZY_MODULES_SOURCE + FS_CRYPTO_SOURCE],
  ['aws-sdk', AWS_SDK_SOURCE],
  ['rejections', REJECTIONS_SOURCE],
]);
