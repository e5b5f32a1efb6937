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
