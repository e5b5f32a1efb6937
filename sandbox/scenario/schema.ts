/**
 * The scenario file, as zod validates it (YAML or JSON; documented in ./README.md). Every message
 * names the path of the value it refuses, e.g. `functions.thumbnail.config.memorySizeMB`.
 */
import { z } from 'zod';
import { functionConfigSchema } from '../config/function-config-schema.ts';
import { layerSpecsSchema } from '../layers/layer-spec-schema.ts';
import {
  ASYNC_EVENT_AGE_MAX_S,
  ASYNC_EVENT_AGE_MIN_S,
  ASYNC_MAX_RETRY_ATTEMPTS,
  BATCH_WINDOW_MAX_S,
  SQS_BATCH_SIZE_MAX,
} from '../invocation-models/constants.ts';
import { stepSchema } from './step-schema.ts';

const name = z.string().regex(/^[A-Za-z0-9._-]{1,80}$/, "names use 1-80 letters, digits, '.', '_' and '-'");
const target = z
  .string()
  .regex(
    /^(sqs|sns|lambda|eventbridge|s3):[A-Za-z0-9._-]+$/,
    "targets are written '<service>:<name>', e.g. 'sqs:orders-dlq' (services: sqs, sns, lambda, eventbridge, s3)",
  );

const statement = z
  .object({
    Sid: z.string().optional(),
    Effect: z.enum(['Allow', 'Deny']),
    Action: z.union([z.string(), z.array(z.string())]).optional(),
    NotAction: z.union([z.string(), z.array(z.string())]).optional(),
    Resource: z.union([z.string(), z.array(z.string())]).optional(),
    NotResource: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();

/** The execution role: a name and an IAM policy document (default: allow everything). */
const role = z
  .object({
    name: name.optional(),
    policy: z.object({ Version: z.string().optional(), Statement: z.union([statement, z.array(statement)]) }).strict(),
  })
  .strict();

const functionSchema = z
  .object({
    description: z.string().optional(),
    /** Inline source of index.mjs (or of `handler`'s file). */
    code: z.string().optional(),
    /** A handler file, relative to the scenario file; the files beside it are packaged too. */
    file: z.string().optional(),
    /** Several inline files: path -> source. */
    files: z.record(z.string(), z.string()).optional(),
    handler: z
      .string()
      .regex(/^[\w./-]+\.[\w$.]+$/, "the handler is '<file>.<export>', e.g. index.handler")
      .optional(),
    config: functionConfigSchema.optional(),
    role: role.optional(),
    async: z
      .object({
        maximumRetryAttempts: z
          .number()
          .int()
          .min(0)
          .max(ASYNC_MAX_RETRY_ATTEMPTS, `MaximumRetryAttempts is 0-${ASYNC_MAX_RETRY_ATTEMPTS}`)
          .optional(),
        maximumEventAgeInSeconds: z
          .number()
          .int()
          .min(ASYNC_EVENT_AGE_MIN_S, `MaximumEventAgeInSeconds is ${ASYNC_EVENT_AGE_MIN_S}-${ASYNC_EVENT_AGE_MAX_S}`)
          .max(ASYNC_EVENT_AGE_MAX_S, `MaximumEventAgeInSeconds is ${ASYNC_EVENT_AGE_MIN_S}-${ASYNC_EVENT_AGE_MAX_S}`)
          .optional(),
        onSuccess: target.optional(),
        onFailure: target.optional(),
      })
      .strict()
      .optional(),
    deadLetterQueue: z
      .string()
      .regex(/^(sqs|sns):[A-Za-z0-9._-]+$/, "a dead-letter queue is 'sqs:<queue>' or 'sns:<topic>'")
      .optional(),
    reservedConcurrency: z.number().int().min(0).optional(),
    recursiveLoop: z.enum(['Terminate', 'Allow']).optional(),
  })
  .strict()
  .refine((f) => [f.code, f.file, f.files].filter((x) => x !== undefined).length === 1, {
    message: "give the function's code as exactly one of 'code', 'file' or 'files'",
  });

const bucket = z.object({ name }).strict();
const table = z
  .object({
    name,
    hashKey: z.string(),
    rangeKey: z.string().optional(),
    stream: z.enum(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']).optional(),
  })
  .strict();
const queue = z
  .object({
    name,
    visibilityTimeoutSeconds: z.number().int().min(0).max(43_200).optional(),
    /** Redrive policy: the dead-letter queue's name and maxReceiveCount (1-1,000). */
    deadLetterQueue: name.optional(),
    maxReceiveCount: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
const topic = z
  .object({
    name,
    subscriptions: z
      .array(z.object({ protocol: z.literal('sqs'), queue: name, rawMessageDelivery: z.boolean().optional() }).strict())
      .optional(),
  })
  .strict();
const rule = z
  .object({
    name,
    schedule: z
      .string()
      .regex(/^(rate|cron)\(.+\)$/, "a schedule is 'rate(5 minutes)' or 'cron(0 12 * * ? *)'")
      .optional(),
    eventPattern: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((r) => (r.schedule === undefined) !== (r.eventPattern === undefined), {
    message: "a rule has either 'schedule' or 'eventPattern'",
  });
const stream = z.object({ name, shards: z.number().int().min(1).max(16).optional() }).strict();

const batching = {
  batchSize: z.number().int().min(1).max(SQS_BATCH_SIZE_MAX).optional(),
  batchingWindowSeconds: z.number().int().min(0).max(BATCH_WINDOW_MAX_S).optional(),
  reportBatchItemFailures: z.boolean().optional(),
};
const streamOptions = {
  ...batching,
  maximumRetryAttempts: z.number().int().min(-1).max(10_000).optional(),
  bisectBatchOnFunctionError: z.boolean().optional(),
  onFailure: target.optional(),
};

const trigger = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('s3'),
      bucket: name,
      function: name,
      events: z.array(z.string()).optional(),
      prefix: z.string().optional(),
      suffix: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal('sqs'), queue: name, function: name, ...batching }).strict(),
  z.object({ type: z.literal('dynamodb'), table: name, function: name, ...streamOptions }).strict(),
  z.object({ type: z.literal('kinesis'), stream: name, function: name, ...streamOptions }).strict(),
  z.object({ type: z.literal('sns'), topic: name, function: name }).strict(),
  z.object({ type: z.literal('eventbridge'), rule: name, function: name }).strict(),
  z
    .object({
      type: z.literal('api'),
      /** rest (API Gateway REST, payload 1.0), http (HTTP API, 2.0), function-url, alb. */
      api: z.enum(['rest', 'http', 'function-url', 'alb']).optional(),
      function: name,
      /** Routes this function serves, e.g. 'GET /items'; default: every request. */
      routes: z
        .array(
          z
            .string()
            .regex(
              /^(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/\S*$/,
              "a route is '<METHOD> /path', e.g. 'GET /items'",
            ),
        )
        .optional(),
      /** Integration timeout in ms (REST 50-29,000 by default). */
      timeoutMs: z.number().int().min(50).max(900_000).optional(),
    })
    .strict(),
]);

const seedData = z
  .object({
    objects: z
      .array(
        z
          .object({
            bucket: name,
            key: z.string().min(1),
            body: z.string().optional(),
            contentType: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    items: z.array(z.object({ table: name, item: z.record(z.string(), z.unknown()) }).strict()).optional(),
    messages: z
      .array(z.object({ queue: name, body: z.union([z.string(), z.record(z.string(), z.unknown())]) }).strict())
      .optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** Virtual start time, ISO 8601 (default 2026-04-09T12:00:00Z). */
    startTime: z.string().datetime({ message: 'startTime is an ISO 8601 time, e.g. 2026-04-09T12:00:00Z' }).optional(),
    /** Seed of every generated id (default 'coldstart'). */
    randomSeed: z.string().optional(),
    /** Chance (0-1) that an async event is delivered twice (at-least-once; default 0). */
    duplicateProbability: z.number().min(0).max(1).optional(),
    /** Layer versions published in the account; functions attach them by ARN in `config.layers`. */
    layers: layerSpecsSchema.optional(),
    functions: z
      .record(name, functionSchema)
      .refine((f) => Object.keys(f).length > 0, { message: 'declare at least one function' }),
    resources: z
      .object({
        buckets: z.array(bucket).optional(),
        tables: z.array(table).optional(),
        queues: z.array(queue).optional(),
        topics: z.array(topic).optional(),
        rules: z.array(rule).optional(),
        streams: z.array(stream).optional(),
      })
      .strict()
      .optional(),
    triggers: z.array(trigger).optional(),
    /** Data in the account before the first step. */
    seed: seedData.optional(),
    steps: z.array(stepSchema).min(1, 'a scenario needs at least one step'),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type FunctionSpec = z.infer<typeof functionSchema>;
export type TriggerSpec = z.infer<typeof trigger>;
