/**
 * What a power-tuning run takes, validated by one zod schema: the memory sizes reuse the function
 * configuration schema's memory rule, so a size Lambda refuses is refused here in the same words.
 */
import { z } from 'zod';
import { functionConfigSchema } from '../config/function-config-schema.ts';
import {
  ARCHITECTURES,
  DEFAULT_RUNTIME,
  MEMORY_MAX_MB,
  MEMORY_MB_PER_VCPU,
  MEMORY_MIN_MB,
  RUNTIMES,
  TIMEOUT_DEFAULT_S,
} from '../facts/limits.ts';
import type { SourceFile } from '../invocation/record.ts';
import type { LambdaHost } from '../runtime/lambda-host-types.ts';

/** How the best memory size is chosen (the AWS Lambda Power Tuning tool's three strategies). */
export const TUNING_STRATEGIES = ['cost', 'speed', 'balanced'] as const;
export type TuningStrategy = (typeof TUNING_STRATEGIES)[number];

/**
 * Sizes tried when none are given: the power-of-two ladder, 1,769 MB (one full vCPU, where
 * single-threaded code stops getting faster) and the old (3,008 MB), 4 GB and current maximum.
 */
export const DEFAULT_MEMORY_SIZES: readonly number[] = [
  MEMORY_MIN_MB,
  256,
  512,
  1024,
  MEMORY_MB_PER_VCPU,
  2048,
  3008,
  4096,
  MEMORY_MAX_MB,
];
/** Warm invocations measured per size (the tool asks for at least 5). */
export const DEFAULT_INVOCATIONS_PER_SIZE = 5;
/** Most warm invocations per size: durations are deterministic, so more only costs time. */
export const MAX_INVOCATIONS_PER_SIZE = 100;
/** Most memory sizes in one run. */
export const MAX_MEMORY_SIZES = 30;
/** Trade-off of the balanced strategy: 0 = speed only, 1 = cost only (the tool's default 0.5). */
export const DEFAULT_BALANCED_WEIGHT = 0.5;

const memorySize = functionConfigSchema.shape.memorySizeMB.unwrap();

/** The options schema; every field but the code and handler has a default. */
export const tunePowerOptionsSchema = z
  .object({
    memorySizes: z
      .array(memorySize)
      .min(1, 'give at least one memory size')
      .max(MAX_MEMORY_SIZES, `give at most ${MAX_MEMORY_SIZES} memory sizes`)
      .refine((sizes) => new Set(sizes).size === sizes.length, 'each memory size may be given only once')
      .default([...DEFAULT_MEMORY_SIZES]),
    invocationsPerSize: z
      .number()
      .int('invocations per size is a whole number')
      .min(1, 'run at least 1 warm invocation per size')
      .max(MAX_INVOCATIONS_PER_SIZE, `run at most ${MAX_INVOCATIONS_PER_SIZE} warm invocations per size`)
      .default(DEFAULT_INVOCATIONS_PER_SIZE),
    strategy: z.enum(TUNING_STRATEGIES).default('cost'),
    balancedWeight: z
      .number()
      .min(0, 'the balanced weight is between 0 (speed only) and 1 (cost only)')
      .max(1, 'the balanced weight is between 0 (speed only) and 1 (cost only)')
      .default(DEFAULT_BALANCED_WEIGHT),
    architecture: z.enum(ARCHITECTURES).default('x86_64'),
    runtime: z.enum(RUNTIMES).default(DEFAULT_RUNTIME),
    timeoutSeconds: functionConfigSchema.shape.timeoutSeconds.unwrap().default(TIMEOUT_DEFAULT_S),
    environment: functionConfigSchema.shape.environment.unwrap().default({}),
  })
  .strict();

/** Options of tunePower. */
export interface TunePowerOptions {
  /** The deployment package, e.g. `[{ path: 'index.mjs', code }]`. */
  files: SourceFile[];
  /** Handler setting, `file.export` (e.g. `index.handler`). */
  handler: string;
  /** The event sent to every invocation, as JSON text that parses. */
  eventJson: string;
  /** Memory sizes to try in MB, 128-10,240 (default DEFAULT_MEMORY_SIZES). */
  memorySizes?: number[];
  /** Warm invocations per size after its cold start, 1-100 (default 5). */
  invocationsPerSize?: number;
  /** Default `cost`, as in the tool. */
  strategy?: TuningStrategy;
  /** Balanced strategy only: 0 = speed, 1 = cost (default 0.5). */
  balancedWeight?: number;
  /** Default x86_64; arm64 is cheaper per GB-s. */
  architecture?: (typeof ARCHITECTURES)[number];
  /** Default nodejs24.x. */
  runtime?: (typeof RUNTIMES)[number];
  /** Function timeout in seconds, 1-900 (default 3). */
  timeoutSeconds?: number;
  /** The function's environment variables. */
  environment?: Record<string, string>;
  /** Function name in logs and ARNs (default `power-tuning`). */
  functionName?: string;
  /** Simulator to run in (default: a fresh host, disposed afterwards). */
  host?: LambdaHost;
}

/** One refused option: the field of TunePowerOptions, the value refused (for one list item) and why. */
export interface TuningIssue {
  field: string;
  /** The refused item of a list (e.g. one memory size), when the problem is with one item. */
  item?: unknown;
  message: string;
}

/** Options refused by tunePowerOptionsSchema; `message` names the field and the schema's reason. */
export class TuningInputError extends Error {
  override readonly name = 'TuningInputError';
  readonly issues: TuningIssue[];
  constructor(issues: TuningIssue[]) {
    super(issues.map(describeIssue).join('; '));
    this.issues = issues;
  }
}

/** Which option a schema path is, in the words callers use. */
const FIELD_NAMES: Record<string, string> = {
  memorySizes: 'memory sizes',
  invocationsPerSize: 'invocations per size',
  balancedWeight: 'balanced weight',
  timeoutSeconds: 'timeout',
};

function describeIssue(issue: TuningIssue): string {
  const name = FIELD_NAMES[issue.field] ?? issue.field;
  return issue.item === undefined ? `${name}: ${issue.message}` : `${name}: ${String(issue.item)}: ${issue.message}`;
}

/** Validated options with defaults filled in. @throws TuningInputError */
export function parseTuneOptions(
  options: Omit<TunePowerOptions, 'files' | 'handler' | 'eventJson' | 'host' | 'functionName'>,
) {
  const input: Record<string, unknown> = { ...options };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  const parsed = tunePowerOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new TuningInputError(
    parsed.error.issues.map((issue) => {
      const [field, index] = issue.path;
      const list = input[String(field)];
      return typeof index === 'number' && Array.isArray(list)
        ? { field: String(field), item: list[index] as unknown, message: issue.message }
        : { field: String(field), message: issue.message };
    }),
  );
}
