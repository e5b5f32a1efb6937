/**
 * Argument schemas of the playground's methods (`cost.estimate`, `tune.run`, `fleet.simulate`),
 * kept apart from contract.ts so that file stays a readable list. Every refusal names the field,
 * its unit and the range allowed, in words a learner can act on.
 */
import { z } from 'zod';
import { functionConfigSchema } from '../../sandbox/config/function-config-schema.ts';
import { ASYNC_PAYLOAD_MAX_BYTES, SYNC_PAYLOAD_MAX_BYTES, TIMEOUT_MAX_S } from '../../sandbox/facts/limits.ts';
import { HOURS_PER_MONTH } from '../../sandbox/facts/pricing.ts';
import { tunePowerOptionsSchema } from '../../sandbox/tuning/index.ts';

/** Most requests a month the calculator prices: about 3.8M requests a second, all month. */
export const MAX_REQUESTS_PER_MONTH = 1e13;
/** Most invocations one tuning run makes (sizes x (warm runs + 1 cold)), so a run ends in seconds. */
export const MAX_TUNE_INVOCATIONS = 1_000;

const memory = functionConfigSchema.shape.memorySizeMB.unwrap();
/** The playground's function: layers are a lesson's (the playground has none to attach). */
const playgroundConfig = functionConfigSchema.omit({ layers: true }).default({});
const storage = functionConfigSchema.shape.ephemeralStorageMB.unwrap();

const nonNegative = (what: string, unit: string, max: number) =>
  z
    .number({ error: `${what}: enter a number (${unit})` })
    .min(0, `${what} cannot be negative (${unit})`)
    .max(max, `${what} can be at most ${max.toLocaleString('en-US')} (${unit})`);

/** A function's traffic over a month, as the cost calculator's form describes it. */
export const costProfileSchema = z
  .object({
    requestsPerMonth: nonNegative('requests per month', 'requests', MAX_REQUESTS_PER_MONTH),
    averageDurationMs: nonNegative('average duration', 'ms per invocation', TIMEOUT_MAX_S * 1000),
    memorySizeMB: memory,
    architecture: z.enum(['x86_64', 'arm64']).default('x86_64'),
    freeTier: z.boolean().default(true),
    coldStartRatio: z
      .number({ error: 'cold start ratio: enter a number from 0 to 1' })
      .min(0, 'the cold start ratio is a share from 0 to 1')
      .max(1, 'the cold start ratio is a share from 0 to 1')
      .default(0),
    initDurationMs: nonNegative('init duration', 'ms per cold start', TIMEOUT_MAX_S * 1000).default(0),
    invocationType: z.enum(['sync', 'async']).default('sync'),
    payloadBytes: nonNegative('payload size', 'bytes per event', ASYNC_PAYLOAD_MAX_BYTES).default(0),
    ephemeralStorageMB: storage.default(512),
    provisioned: z
      .object({
        concurrency: z
          .number({ error: 'provisioned concurrency: enter a whole number of environments' })
          .int('provisioned concurrency is a whole number of environments')
          .min(1, 'provisioned concurrency is at least 1 environment (leave it off for none)')
          .max(100_000, 'provisioned concurrency can be at most 100,000 environments here'),
        enabledHoursPerMonth: nonNegative('provisioned hours', 'hours a month', HOURS_PER_MONTH),
      })
      .strict()
      .nullable()
      .default(null),
    edge: z.boolean().default(false),
  })
  .strict()
  .refine((p) => !(p.edge && p.provisioned), {
    message: 'Lambda@Edge has no provisioned concurrency: turn one of them off',
    path: ['provisioned'],
  });

/** The always-on server to compare with; the hourly price defaults to DEFAULT_SERVER_PRICE. */
export const serverFleetSchema = z
  .object({
    hourlyUsd: nonNegative('server price', 'USD per hour', 1_000).optional(),
    count: z
      .number({ error: 'servers: enter a whole number' })
      .int('the number of servers is a whole number')
      .min(1, 'compare with at least 1 server')
      .max(10_000, 'compare with at most 10,000 servers')
      .default(1),
  })
  .strict();

export const costEstimateArgs = z
  .object({
    profile: costProfileSchema,
    /** Present: also compare with servers (break-even point and a log-scale series). */
    compare: serverFleetSchema.optional(),
  })
  .strict();

const filename = z.string().regex(/^[\w.-]+\.(mjs|cjs|js|ts)$/, 'the handler file must end in .mjs, .cjs, .js or .ts');
const handler = z
  .string()
  .regex(/^[\w.-]+\.[A-Za-z_$][\w$]*$/, 'the handler setting is file.export, e.g. index.handler');
const code = z.string().max(5 * 1024 * 1024, 'the handler code is larger than 5 MB');
const eventJson = z
  .string()
  .max(SYNC_PAYLOAD_MAX_BYTES, 'the event is larger than 6 MB (the synchronous payload limit)');

const tuneShape = tunePowerOptionsSchema.shape;

export const tuneRunArgs = z
  .object({
    filename,
    handler,
    code,
    eventJson,
    /** Runtime, architecture, timeout and variables; the memory size is what tuning varies. */
    config: playgroundConfig,
    memorySizes: tuneShape.memorySizes,
    strategy: tuneShape.strategy,
    balancedWeight: tuneShape.balancedWeight,
    /** Warm invocations per size after its cold start. */
    runs: tuneShape.invocationsPerSize,
  })
  .strict()
  .refine((a) => a.memorySizes.length * (a.runs + 1) <= MAX_TUNE_INVOCATIONS, {
    message: `at most ${MAX_TUNE_INVOCATIONS.toLocaleString('en-US')} invocations per tuning run (memory sizes x (runs + 1)): try fewer sizes or runs`,
    path: ['runs'],
  });

/** Shared by tune.run and fleet.simulate. */
export const functionSourceArgs = { filename, handler, code, eventJson };

/** Most requests one load pattern may bring; beyond the fleet's exact limit it runs sampled. */
export const MAX_FLEET_REQUESTS = 1_000_000;
/** Longest load, seconds (one hour of virtual time). */
export const MAX_FLEET_SECONDS = 3_600;

const rate = (what: string) =>
  z
    .number({ error: `${what}: enter a number (requests per second)` })
    .positive(`${what} must be above 0 requests per second`)
    .max(100_000, `${what} can be at most 100,000 requests per second`);
const seconds = z
  .number({ error: 'duration: enter a number of seconds' })
  .positive('the duration must be above 0 seconds')
  .max(MAX_FLEET_SECONDS, `the duration can be at most ${MAX_FLEET_SECONDS.toLocaleString('en-US')} seconds (1 hour)`);
const count = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what}: enter a whole number` })
    .int(`${what} is a whole number`)
    .min(min, `${what} must be at least ${min.toLocaleString('en-US')}`)
    .max(max, `${what} can be at most ${max.toLocaleString('en-US')}`);

export const loadPatternSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('constant'), ratePerSecond: rate('the rate'), durationSeconds: seconds }).strict(),
    z
      .object({
        kind: z.literal('burst'),
        count: count('the burst size', 1, MAX_FLEET_REQUESTS),
        atSecond: z.number().min(0).max(MAX_FLEET_SECONDS).default(0),
      })
      .strict(),
    z
      .object({
        kind: z.literal('ramp'),
        fromRate: z.number().min(0, 'the starting rate cannot be negative').max(100_000),
        toRate: rate('the final rate'),
        durationSeconds: seconds,
      })
      .strict(),
    z
      .object({
        kind: z.literal('poisson'),
        ratePerSecond: rate('the mean rate'),
        durationSeconds: seconds,
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .default(1),
      })
      .strict(),
    z
      .object({
        kind: z.literal('explicit'),
        arrivalsMs: z
          .array(
            z
              .number()
              .min(0, 'arrival times cannot be negative')
              .max(MAX_FLEET_SECONDS * 1000),
          )
          .min(1, 'give at least one arrival time')
          .max(100_000, 'give at most 100,000 arrival times'),
      })
      .strict(),
  ],
  { error: 'the load pattern is one of constant, burst, ramp, poisson or explicit' },
);

/** Requests a load pattern brings (expected, for Poisson). */
export function expectedRequests(load: z.output<typeof loadPatternSchema>): number {
  switch (load.kind) {
    case 'constant':
    case 'poisson':
      return load.ratePerSecond * load.durationSeconds;
    case 'burst':
      return load.count;
    case 'ramp':
      return ((load.fromRate + load.toRate) / 2) * load.durationSeconds;
    case 'explicit':
      return load.arrivalsMs.length;
  }
}

export const fleetSimulateArgs = z
  .object({
    ...functionSourceArgs,
    config: playgroundConfig,
    load: loadPatternSchema,
    invocation: z.enum(['sync', 'async', 'sqs']).default('sync'),
    concurrency: z
      .object({
        accountLimit: count('the account concurrency limit', 1, 100_000).default(1_000),
        /** Null: no reserved concurrency (the function shares the account's pool). */
        reserved: count('reserved concurrency', 0, 100_000).nullable().default(null),
        /** Null or 0: none. */
        provisioned: count('provisioned concurrency', 0, 10_000).nullable().default(null),
      })
      .strict()
      .default({ accountLimit: 1_000, reserved: null, provisioned: null }),
    /** Idle seconds before an environment is reaped (default the fleet's, 10 minutes). */
    idleReapSeconds: z.number().min(1).max(7_200).optional(),
    mode: z.enum(['auto', 'exact', 'sampled']).default('auto'),
  })
  .strict()
  .refine((a) => expectedRequests(a.load) <= MAX_FLEET_REQUESTS, {
    message: `the load brings more than ${MAX_FLEET_REQUESTS.toLocaleString('en-US')} requests: lower the rate or the duration`,
    path: ['load'],
  })
  .refine((a) => a.concurrency.reserved === null || a.concurrency.reserved <= a.concurrency.accountLimit, {
    message: 'reserved concurrency cannot exceed the account concurrency limit',
    path: ['concurrency', 'reserved'],
  })
  .refine(
    (a) =>
      !a.concurrency.provisioned || a.concurrency.provisioned <= (a.concurrency.reserved ?? a.concurrency.accountLimit),
    {
      message:
        'provisioned concurrency cannot exceed reserved concurrency (or the account limit when none is reserved)',
      path: ['concurrency', 'provisioned'],
    },
  );
