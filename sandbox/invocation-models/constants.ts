/**
 * The numbers of Lambda's invocation models, each with the AWS page it comes from (FACTS.md).
 * Lessons, the UI and the scenario runner read them from here; no number is typed twice.
 */

/**
 * Async retries on function errors: "Lambda ... attempts to run it two more times, with a one-minute
 * wait between the first two attempts, and two minutes between the second and third attempts."
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;
/** MaximumRetryAttempts: 0-2, default 2 (invocation-async-error-handling.html). */
export const ASYNC_MAX_RETRY_ATTEMPTS = 2;
/** MaximumEventAgeInSeconds: 60-21,600 (6 hours), default 21,600 (invocation-async-error-handling.html). */
export const ASYNC_EVENT_AGE_MIN_S = 60;
export const ASYNC_EVENT_AGE_MAX_S = 21_600;
/**
 * Throttled async events go back to the queue and are retried with exponential backoff "from one
 * second to a maximum of five minutes" until the maximum event age (invocation-async-error-handling.html).
 */
export const ASYNC_THROTTLE_BACKOFF_FIRST_MS = 1_000;
export const ASYNC_THROTTLE_BACKOFF_MAX_MS = 300_000;

/**
 * Recursive loop detection: "If the same function is invoked more than 16 times in the same chain of
 * requests, then Lambda automatically stops the next function invocation" through SQS, SNS, S3 and
 * Lambda (not DynamoDB). https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html
 */
export const RECURSION_LIMIT = 16;
/** Services whose events carry the loop-detection lineage (invocation-recursion.html). */
export const RECURSION_TRACKED_SOURCES = ['s3', 'sqs', 'sns', 'lambda'] as const;

/**
 * API Gateway integration timeouts. REST: 50 ms to 29 s, 29 s default (regional and private APIs may
 * request more since June 2024). HTTP API: 30 s maximum and default.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export const REST_INTEGRATION_TIMEOUT_MS = 29_000;
export const HTTP_API_INTEGRATION_TIMEOUT_MS = 30_000;

/**
 * SQS event source mapping: batch size default 10, max 10,000 (standard) / 10 (FIFO); batching window
 * 0-300 s. https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
 */
export const SQS_BATCH_SIZE_DEFAULT = 10;
export const SQS_BATCH_SIZE_MAX = 10_000;
export const SQS_FIFO_BATCH_SIZE_MAX = 10;
export const BATCH_WINDOW_MAX_S = 300;
/** An SQS queue's default visibility timeout, 30 s (AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html). */
export const SQS_VISIBILITY_TIMEOUT_DEFAULT_S = 30;

/**
 * Kinesis and DynamoDB Streams mappings: batch size default 100, max 10,000 (1,000 for DynamoDB);
 * records stay in a DynamoDB stream for 24 hours. https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-create.html
 */
export const STREAM_BATCH_SIZE_DEFAULT = 100;
export const STREAM_RETENTION_MS = 24 * 3_600_000;
/**
 * Delay before a stream batch is retried. AWS retries "until the records expire" without publishing a
 * delay; Coldstart waits one second so a learner can see the attempts (Coldstart's choice).
 */
export const STREAM_RETRY_DELAY_MS = 1_000;

/**
 * How long a service takes to hand an event to Lambda. AWS publishes no figure ("typically within
 * seconds" for S3 notifications); Coldstart uses small fixed numbers so traces are reproducible.
 */
export const DELIVERY_DELAY_MS = { s3: 100, sns: 50, eventbridge: 100, sqsPoll: 20, stream: 100, async: 10 } as const;
