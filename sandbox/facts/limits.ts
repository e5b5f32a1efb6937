/**
 * Lambda quotas that the simulator enforces and lessons quote. One place for every number;
 * each agrees with ../shared/FACTS.md and names its AWS source page.
 */

/** https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html */
export const MEMORY_MIN_MB = 128;
export const MEMORY_MAX_MB = 10_240;
export const MEMORY_DEFAULT_MB = 128;
/** Memory at which a function gets the equivalent of one full vCPU (configuration-memory.html). */
export const MEMORY_MB_PER_VCPU = 1_769;

/** https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html */
export const TIMEOUT_MIN_S = 1;
export const TIMEOUT_MAX_S = 900;
export const TIMEOUT_DEFAULT_S = 3;

/** https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (6 MB each way). */
export const SYNC_PAYLOAD_MAX_BYTES = 6 * 1024 * 1024;
/** Async invoke payload, 1 MB since Oct 2025 (was 256 KB): gettingstarted-limits.html. */
export const ASYNC_PAYLOAD_MAX_BYTES = 1024 * 1024;

/** All environment variables together, 4 KB: gettingstarted-limits.html. */
export const ENV_VARS_MAX_BYTES = 4 * 1024;

/** INIT phase limit, 10 s: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html */
export const INIT_MAX_MS = 10_000;

/** The runtimes Coldstart simulates: https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html */
export const RUNTIMES = ['nodejs24.x', 'nodejs22.x'] as const;
export const DEFAULT_RUNTIME = 'nodejs24.x';
export const ARCHITECTURES = ['x86_64', 'arm64'] as const;

/** CPU tops out at 6 vCPUs at 10,240 MB: https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html */
export const MAX_VCPUS = 6;

/** /tmp size, 512 MB to 10,240 MB (512 MB free): https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html */
export const TMP_MIN_MB = 512;
export const TMP_MAX_MB = 10_240;

/** Layers per function: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html */
export const LAYERS_MAX = 5;

/** Default concurrency quota per Region per account: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html */
export const ACCOUNT_CONCURRENCY_DEFAULT = 1_000;

/** Deployment package sizes: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html */
export const PACKAGE_ZIPPED_MAX_BYTES = 50 * 1024 * 1024;
export const PACKAGE_UNZIPPED_MAX_BYTES = 250 * 1024 * 1024;

/** Region and account that every simulated ARN uses (Coldstart never talks to AWS). */
export const SIMULATED_REGION = 'us-east-1';
export const SIMULATED_ACCOUNT_ID = '123456789012';

// ---------------------------------------------------------------- concurrency and scaling
// Used by the fleet simulator (sandbox/fleet) and quoted by lessons.

/**
 * Concurrency scaling rate per function: at most 1,000 new execution environments every 10 s.
 * AWS refills it "continuously over time, rather than in one single refill of 1,000 units every
 * 10 seconds" and unused units do not accrue (at most 1,000 at any instant): a token bucket of
 * 1,000 refilled at 100 per second. https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html
 */
export const SCALING_RATE_ENVIRONMENTS = 1_000;
export const SCALING_RATE_WINDOW_SECONDS = 10;

/**
 * Reserved concurrency is a maximum and a guarantee at once, costs nothing, and 0 throttles every
 * invoke; Lambda keeps at least 100 units of the account's concurrency unreserved, so a function
 * may reserve at most (account limit - 100). Provisioned concurrency may not exceed the reserved
 * concurrency when both are set. https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
 */
export const UNRESERVED_CONCURRENCY_MIN = 100;

/**
 * Synchronous invokes: each execution environment serves at most 10 requests per second, so a
 * function's request rate is capped at 10 x its concurrency limit (reserved or account).
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, scaling-behavior.html
 */
export const SYNC_RPS_PER_ENVIRONMENT = 10;

/**
 * Asynchronous invocation (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html):
 * on a function error Lambda retries twice (MaximumRetryAttempts 0-2, default 2), about 1 minute
 * and then 2 minutes later; on throttles (429) and system errors it keeps retrying with a backoff
 * that grows from 1 s to at most 5 minutes, until the event is older than MaximumEventAgeInSeconds
 * (60-21,600 s, default 21,600 = 6 h); then the event is discarded (or sent to a DLQ/destination).
 */
export const ASYNC_RETRY_ATTEMPTS_DEFAULT = 2;
export const ASYNC_RETRY_ATTEMPTS_MAX = 2;
export const ASYNC_ERROR_RETRY_DELAYS_S = [60, 120] as const;
export const ASYNC_EVENT_AGE_MIN_S = 60;
export const ASYNC_EVENT_AGE_MAX_S = 21_600;
export const ASYNC_THROTTLE_BACKOFF_FIRST_S = 1;
export const ASYNC_THROTTLE_BACKOFF_MAX_S = 300;

/**
 * SQS event source mapping (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html):
 * batch size default 10, max 10,000 for standard queues; batching window 0-300 s; the queue's
 * visibility timeout should be at least 6 x the function timeout; maxReceiveCount of a redrive
 * policy is the queue's setting (5 is the console's suggestion, used here as the default).
 */
export const SQS_BATCH_SIZE_DEFAULT = 10;
export const SQS_BATCH_SIZE_MAX = 10_000;
export const SQS_BATCH_WINDOW_MAX_S = 300;
export const SQS_VISIBILITY_TIMEOUT_FACTOR = 6;
export const SQS_MAX_RECEIVE_COUNT_DEFAULT = 5;
