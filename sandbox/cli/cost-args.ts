/**
 * The monthly profile and server fleet of `coldstart cost`, from its options, each value checked
 * with a message that names the option, its unit and the range Lambda allows.
 */
import { functionConfigSchema } from '../config/function-config-schema.ts';
import { ASYNC_PAYLOAD_MAX_BYTES, TIMEOUT_MAX_S } from '../facts/limits.ts';
import { DEFAULT_SERVER_PRICE, HOURS_PER_MONTH } from '../facts/pricing.ts';
import type { InvocationProfile, ServerFleet } from '../pricing/index.ts';
import { numberValue, stringValue, UsageError, type ParsedValues } from './args.ts';

/** What `coldstart cost` prices, and the servers it compares with when asked. */
export interface CostInput {
  profile: InvocationProfile;
  /** Present when --compare, --server-hourly or --servers is given. */
  fleet?: Required<Pick<ServerFleet, 'hourlyUsd' | 'count'>>;
}

/** A number option checked against a range; `whole` refuses fractions. */
function ranged(
  values: ParsedValues,
  name: string,
  unit: string,
  min: number,
  max: number,
  whole: boolean,
): number | undefined {
  const v = numberValue(values, name, unit);
  if (v === undefined) return undefined;
  if (whole && !Number.isInteger(v)) throw new UsageError(`--${name} ${v}: give a whole number (${unit})`);
  if (v < min || v > max) {
    const range =
      max === Infinity
        ? `at least ${min.toLocaleString('en-US')}`
        : `from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
    throw new UsageError(`--${name} ${v}: give ${range} (${unit})`);
  }
  return v;
}

function required<T>(value: T | undefined, name: string, example: string): T {
  if (value === undefined) throw new UsageError(`--${name} is required, e.g. ${example}`);
  return value;
}

/** A value checked by functionConfigSchema's rule for `field`, refused in its words. */
function schemaChecked(
  values: ParsedValues,
  name: string,
  field: 'memorySizeMB' | 'ephemeralStorageMB',
): number | undefined {
  const v = numberValue(values, name, 'MB');
  if (v === undefined) return undefined;
  const parsed = functionConfigSchema.safeParse({ [field]: v });
  if (!parsed.success) throw new UsageError(`--${name} ${v}: ${parsed.error.issues[0]?.message ?? 'not allowed'}`);
  return v;
}

/**
 * Build the profile from the options.
 * @throws UsageError naming the option when a value is missing, malformed or out of range.
 */
export function costInputFromArgs(values: ParsedValues): CostInput {
  const requestsPerMonth = required(
    ranged(values, 'requests', 'requests per month', 0, Infinity, true),
    'requests',
    '--requests 3000000',
  );
  const averageDurationMs = required(
    ranged(values, 'duration-ms', 'ms per invocation', 0, TIMEOUT_MAX_S * 1000, false),
    'duration-ms',
    '--duration-ms 120',
  );
  const memorySizeMB = required(schemaChecked(values, 'memory', 'memorySizeMB'), 'memory', '--memory 1536');
  if (values['free-tier'] && values['no-free-tier'])
    throw new UsageError('give --free-tier or --no-free-tier, not both');
  const profile: InvocationProfile = {
    requestsPerMonth,
    averageDurationMs,
    memorySizeMB,
    architecture: (stringValue(values, 'arch') ?? 'x86_64') as 'x86_64' | 'arm64',
    freeTier: values['no-free-tier'] !== true,
  };

  const storage = schemaChecked(values, 'storage', 'ephemeralStorageMB');
  if (storage !== undefined) profile.ephemeralStorageMB = storage;

  const ratio = ranged(values, 'cold-start-ratio', 'share of invocations that are cold, 0-1', 0, 1, false);
  const initMs = ranged(values, 'init-ms', 'ms of Init Duration per cold start', 0, Infinity, false);
  if (initMs !== undefined && ratio === undefined)
    throw new UsageError(
      '--init-ms needs --cold-start-ratio: the share of invocations that pay it (e.g. --cold-start-ratio 0.01)',
    );
  if (ratio !== undefined) {
    profile.coldStartRatio = ratio;
    profile.initDurationMs = initMs ?? 0;
  }

  const payloadKb = ranged(
    values,
    'payload-kb',
    'KB per event, 1 KB = 1,024 bytes',
    0,
    ASYNC_PAYLOAD_MAX_BYTES / 1024,
    false,
  );
  if (payloadKb !== undefined && values.async !== true) {
    throw new UsageError(
      '--payload-kb only changes the bill of async invocations (events over 256 KB pay extra requests); add --async',
    );
  }
  if (values.async === true) {
    profile.invocationType = 'async';
    profile.payloadBytes = Math.round((payloadKb ?? 0) * 1024);
  }

  const provisioned = ranged(values, 'provisioned', 'environments', 1, Infinity, true);
  const provisionedHours = ranged(
    values,
    'provisioned-hours',
    `hours a month, at most ${HOURS_PER_MONTH}`,
    0,
    HOURS_PER_MONTH,
    false,
  );
  if (provisionedHours !== undefined && provisioned === undefined)
    throw new UsageError('--provisioned-hours needs --provisioned N, the provisioned concurrency');
  if (provisioned !== undefined)
    profile.provisioned = { concurrency: provisioned, enabledHoursPerMonth: provisionedHours ?? HOURS_PER_MONTH };

  if (values.edge === true) {
    if (provisioned !== undefined)
      throw new UsageError('--edge and --provisioned do not mix: Lambda@Edge has no provisioned concurrency');
    if (storage !== undefined)
      throw new UsageError('--edge and --storage do not mix: Lambda@Edge functions have no configurable /tmp');
    profile.edge = true;
  }

  const hourly = ranged(values, 'server-hourly', 'USD per server-hour', 0, Infinity, false);
  const servers = ranged(values, 'servers', 'servers running all month', 1, Infinity, true);
  const input: CostInput = { profile };
  if (values.compare === true || hourly !== undefined || servers !== undefined) {
    input.fleet = { hourlyUsd: hourly ?? DEFAULT_SERVER_PRICE.hourlyUsd, count: servers ?? 1 };
  }
  return input;
}
