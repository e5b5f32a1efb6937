/**
 * The function configuration from `--memory`, `--timeout`, `--runtime`, `--arch`, `--tmp` and
 * `--env`, validated by functionConfigSchema so the command refuses exactly what Lambda's API
 * refuses, in the same words the app uses, prefixed with the option the learner typed.
 */
import type { z } from 'zod';
import { functionConfigSchema } from '../config/function-config-schema.ts';
import { DEFAULT_RUNTIME, ENV_VARS_MAX_BYTES, MEMORY_DEFAULT_MB, TIMEOUT_DEFAULT_S } from '../facts/limits.ts';
import type { FunctionConfig } from '../invocation/record.ts';
import { environmentSizeBytes } from '../runtime/lambda-identity.ts';
import { keyValueList, numberValue, stringValue, UsageError, type ParsedValues } from './args.ts';

/** Which option sets which configuration field, for messages. */
const FLAG_OF: Record<string, string> = {
  memorySizeMB: '--memory',
  timeoutSeconds: '--timeout',
  runtime: '--runtime',
  architecture: '--arch',
  ephemeralStorageMB: '--tmp',
  environment: '--env',
};

/** A schema issue as `--memory 64: memory must be at least 128 MB`. */
function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const [field, key] = issue.path.map(String);
  const flag = FLAG_OF[field ?? ''] ?? `--${field ?? '?'}`;
  if (field === 'environment') {
    // Record-key issues carry the useful message one level down.
    const inner = 'issues' in issue && Array.isArray(issue.issues) ? (issue.issues[0] as { message?: string } | undefined) : undefined;
    return `${flag} ${key ?? ''}: ${inner?.message ?? issue.message}`;
  }
  return `${flag} ${String(input[field ?? ''])}: ${issue.message}`;
}

/**
 * Build the FunctionConfig for an invoke: Lambda's defaults, overridden by the options given.
 * @throws UsageError naming the option and Lambda's reason when a value is refused.
 */
export function configFromArgs(values: ParsedValues, functionName: string, handler: string): FunctionConfig {
  const input: Record<string, unknown> = {
    memorySizeMB: numberValue(values, 'memory', 'MB'),
    timeoutSeconds: numberValue(values, 'timeout', 'seconds'),
    runtime: stringValue(values, 'runtime'),
    architecture: stringValue(values, 'arch'),
    ephemeralStorageMB: numberValue(values, 'tmp', 'MB'),
    environment: keyValueList(values, 'env'),
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  const parsed = functionConfigSchema.safeParse(input);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => describeIssue(i, input)).join('; '));
  const c = parsed.data;
  // Lambda refuses this when the function is configured, before any invoke: a usage error here.
  const envBytes = environmentSizeBytes(c.environment ?? {});
  if (envBytes > ENV_VARS_MAX_BYTES) {
    throw new UsageError(`--env: the variables take ${envBytes} bytes; Lambda allows ${ENV_VARS_MAX_BYTES} bytes (4 KB) for all of them together`);
  }
  return {
    functionName,
    handler,
    runtime: c.runtime ?? DEFAULT_RUNTIME,
    architecture: c.architecture ?? 'x86_64',
    memorySizeMB: c.memorySizeMB ?? MEMORY_DEFAULT_MB,
    timeoutSeconds: c.timeoutSeconds ?? TIMEOUT_DEFAULT_S,
    ...(c.ephemeralStorageMB !== undefined ? { ephemeralStorageMB: c.ephemeralStorageMB } : {}),
    environment: c.environment ?? {},
  };
}
