/**
 * FleetInput with every default filled in and every range checked, the way Lambda's APIs refuse
 * values (PutFunctionConcurrency, PutProvisionedConcurrencyConfig, PutFunctionEventInvokeConfig,
 * CreateEventSourceMapping). Defaults and limits come from ../facts/limits.ts.
 */
import {
  ACCOUNT_CONCURRENCY_DEFAULT,
  ASYNC_EVENT_AGE_MAX_S,
  ASYNC_EVENT_AGE_MIN_S,
  ASYNC_RETRY_ATTEMPTS_DEFAULT,
  ASYNC_RETRY_ATTEMPTS_MAX,
  SCALING_RATE_ENVIRONMENTS,
  SQS_BATCH_SIZE_DEFAULT,
  SQS_BATCH_SIZE_MAX,
  SQS_BATCH_WINDOW_MAX_S,
  SQS_MAX_RECEIVE_COUNT_DEFAULT,
  SQS_VISIBILITY_TIMEOUT_FACTOR,
  UNRESERVED_CONCURRENCY_MIN,
} from '../facts/limits.ts';
import { DEFAULT_IDLE_REAP_MS } from '../runtime/environment-pool.ts';
import { FleetInputError } from './errors.ts';
import type { FleetInput, FleetMode, InvocationType } from './fleet-types.ts';

/** Default for FleetInput.maxExactInvocations. */
export const DEFAULT_MAX_EXACT_INVOCATIONS = 20_000;
/** Default for FleetInput.maxTimelineEnvironments. */
export const DEFAULT_MAX_TIMELINE_ENVIRONMENTS = 200;

export interface FleetSettings {
  invocation: InvocationType;
  accountLimit: number;
  reserved: number | undefined;
  provisioned: number;
  /** The function's concurrency cap: reserved if set, else the account limit. */
  cap: number;
  scalingPer10Seconds: number;
  idleReapMs: number;
  mode: FleetMode;
  maxExactInvocations: number;
  maxTimelineEnvironments: number;
  seed: number;
  freeTier: boolean;
  asyncRetryAttempts: number;
  asyncMaxEventAgeMs: number;
  sqsBatchSize: number;
  sqsBatchWindowMs: number;
  sqsVisibilityTimeoutMs: number;
  sqsMaxReceiveCount: number;
}

function wholeNumber(field: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new FleetInputError(field, `must be a whole number from ${min} to ${max.toLocaleString('en-US')}; got ${value}`);
}

function number(field: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < min || value > max)
    throw new FleetInputError(field, `must be a number from ${min} to ${max.toLocaleString('en-US')}; got ${value}`);
}

/** Resolve and validate; throws FleetInputError naming the field. */
export function resolveSettings(input: FleetInput): FleetSettings {
  const invocation = input.invocation ?? 'sync';
  if (!['sync', 'async', 'sqs'].includes(invocation)) throw new FleetInputError('invocation', `must be sync, async or sqs; got ${String(invocation)}`);
  const mode = input.mode ?? 'auto';
  if (!['auto', 'exact', 'sampled'].includes(mode)) throw new FleetInputError('mode', `must be auto, exact or sampled; got ${String(mode)}`);
  const c = input.concurrency ?? {};
  wholeNumber('concurrency.accountLimit', c.accountLimit, 1, 1_000_000);
  const accountLimit = c.accountLimit ?? ACCOUNT_CONCURRENCY_DEFAULT;
  const maxReserved = Math.max(0, accountLimit - UNRESERVED_CONCURRENCY_MIN);
  if (c.reserved !== undefined) {
    wholeNumber('concurrency.reserved', c.reserved, 0, Number.MAX_SAFE_INTEGER);
    if (c.reserved > maxReserved)
      throw new FleetInputError(
        'concurrency.reserved',
        `Lambda keeps at least ${UNRESERVED_CONCURRENCY_MIN} of the account's concurrency unreserved, so with an account limit of ${accountLimit} a function can reserve at most ${maxReserved}; got ${c.reserved}`,
      );
  }
  wholeNumber('concurrency.provisioned', c.provisioned, 0, Number.MAX_SAFE_INTEGER);
  const provisioned = c.provisioned ?? 0;
  if (c.reserved !== undefined && provisioned > c.reserved)
    throw new FleetInputError('concurrency.provisioned', `provisioned concurrency (${provisioned}) cannot exceed the function's reserved concurrency (${c.reserved})`);
  if (c.reserved === undefined && provisioned > maxReserved)
    throw new FleetInputError('concurrency.provisioned', `provisioned concurrency takes from the account's unreserved concurrency, which must keep ${UNRESERVED_CONCURRENCY_MIN} free: at most ${maxReserved} with an account limit of ${accountLimit}; got ${provisioned}`);
  wholeNumber('concurrency.scalingPer10Seconds', c.scalingPer10Seconds, 1, 1_000_000);
  number('idleReapSeconds', input.idleReapSeconds, 1, 7 * 24 * 3600);
  wholeNumber('maxExactInvocations', input.maxExactInvocations, 1, 10_000_000);
  wholeNumber('maxTimelineEnvironments', input.maxTimelineEnvironments, 0, 100_000);
  const a = input.async ?? {};
  wholeNumber('async.maximumRetryAttempts', a.maximumRetryAttempts, 0, ASYNC_RETRY_ATTEMPTS_MAX);
  wholeNumber('async.maximumEventAgeSeconds', a.maximumEventAgeSeconds, ASYNC_EVENT_AGE_MIN_S, ASYNC_EVENT_AGE_MAX_S);
  const q = input.sqs ?? {};
  wholeNumber('sqs.batchSize', q.batchSize, 1, SQS_BATCH_SIZE_MAX);
  number('sqs.batchWindowSeconds', q.batchWindowSeconds, 0, SQS_BATCH_WINDOW_MAX_S);
  wholeNumber('sqs.visibilityTimeoutSeconds', q.visibilityTimeoutSeconds, 0, 43_200);
  wholeNumber('sqs.maxReceiveCount', q.maxReceiveCount, 1, 1_000);
  return {
    invocation,
    accountLimit,
    reserved: c.reserved,
    provisioned,
    cap: c.reserved ?? accountLimit,
    scalingPer10Seconds: c.scalingPer10Seconds ?? SCALING_RATE_ENVIRONMENTS,
    idleReapMs: input.idleReapSeconds !== undefined ? input.idleReapSeconds * 1000 : DEFAULT_IDLE_REAP_MS,
    mode,
    maxExactInvocations: input.maxExactInvocations ?? DEFAULT_MAX_EXACT_INVOCATIONS,
    maxTimelineEnvironments: input.maxTimelineEnvironments ?? DEFAULT_MAX_TIMELINE_ENVIRONMENTS,
    seed: input.seed ?? 1,
    freeTier: input.freeTier ?? false,
    asyncRetryAttempts: a.maximumRetryAttempts ?? ASYNC_RETRY_ATTEMPTS_DEFAULT,
    asyncMaxEventAgeMs: (a.maximumEventAgeSeconds ?? ASYNC_EVENT_AGE_MAX_S) * 1000,
    sqsBatchSize: q.batchSize ?? SQS_BATCH_SIZE_DEFAULT,
    sqsBatchWindowMs: (q.batchWindowSeconds ?? 0) * 1000,
    sqsVisibilityTimeoutMs: (q.visibilityTimeoutSeconds ?? SQS_VISIBILITY_TIMEOUT_FACTOR * input.config.timeoutSeconds) * 1000,
    sqsMaxReceiveCount: q.maxReceiveCount ?? SQS_MAX_RECEIVE_COUNT_DEFAULT,
  };
}
