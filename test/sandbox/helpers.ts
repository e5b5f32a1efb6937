/** Shared helpers for sandbox tests: one host per test file and a compact way to invoke code. */
import { afterAll } from 'vitest';
import type { FunctionConfig, InvocationRecord, SourceFile } from '../../sandbox/invocation/record.ts';
import { createLambdaHost, type LambdaHostOptions } from '../../sandbox/runtime/lambda-host.ts';
import type { LambdaHost } from '../../sandbox/runtime/lambda-host-types.ts';

export const baseConfig: FunctionConfig = {
  functionName: 'my-function',
  handler: 'index.handler',
  runtime: 'nodejs24.x',
  architecture: 'x86_64',
  memorySizeMB: 128,
  timeoutSeconds: 3,
  environment: {},
};

/** A host shared by the tests of one file, disposed after them. */
export function sharedHost(options?: LambdaHostOptions): LambdaHost {
  const host = createLambdaHost(options);
  afterAll(() => host.dispose());
  return host;
}

let keyCounter = 0;

export interface RunOptions {
  file?: string;
  files?: SourceFile[];
  config?: Partial<FunctionConfig>;
  event?: unknown;
  key?: string;
  forceColdStart?: boolean;
}

/** Invoke `code` (as index.mjs unless told otherwise) once; a fresh environment key by default. */
export function run(host: LambdaHost, code: string, options: RunOptions = {}): Promise<InvocationRecord> {
  const files = options.files ?? [{ path: options.file ?? 'index.mjs', code }];
  return host.invoke({
    environmentKey: options.key ?? `test-${++keyCounter}`,
    files,
    config: { ...baseConfig, ...options.config },
    eventJson: JSON.stringify(options.event ?? { key1: 'value1' }),
    forceColdStart: options.forceColdStart,
  });
}

/** The handler's console lines, without timestamp and request id: `LEVEL\tmessage`. */
export function consoleLines(record: InvocationRecord): string[] {
  return record.logs.filter((l) => l.kind === 'function').map((l) => l.text.split('\t').slice(2).join('\t'));
}

/** The REPORT line's text. */
export function reportText(record: InvocationRecord): string {
  return record.logs.find((l) => l.kind === 'report')?.text ?? '';
}

/** Narrow a record to a failure (fails the test otherwise). */
export function failure(record: InvocationRecord): Extract<InvocationRecord, { ok: false }> {
  if (record.ok) throw new Error(`expected a failed invocation, got result ${record.result}`);
  return record;
}

/** Narrow a record to a success (fails the test with the error otherwise). */
export function success(record: InvocationRecord): Extract<InvocationRecord, { ok: true }> {
  if (!record.ok) throw new Error(`expected success, got ${record.error.errorType}: ${record.error.errorMessage}`);
  return record;
}

/** Run `body` inside an async handler (after `prelude` at module level) and return its result, parsed. */
export async function evaluate(host: LambdaHost, body: string, prelude = ''): Promise<unknown> {
  const r = success(await run(host, `${prelude}\nexport const handler = async () => {\n${body}\n};`));
  return JSON.parse(r.result) as unknown;
}
