/**
 * The public interface of Coldstart's simulated AWS account: in-memory S3, DynamoDB, SQS, SNS and
 * EventBridge behind one `call()` that authorises every request against the caller's IAM policy,
 * a change feed (`onEvent`) that the invocation models turn into triggers, a virtual clock for
 * schedules and visibility timeouts (`advanceTo`), and plain-data snapshots for the UI.
 *
 * Everything here is plain data or an interface; the implementation is `createAccount()` in
 * ./create-account.ts. Times are virtual milliseconds from the `clock` the account was given.
 */

import { SIMULATED_ACCOUNT_ID, SIMULATED_REGION } from '../facts/limits.ts';

/** The simulated account's id and Region (every ARN the account makes uses them). */
export const ACCOUNT_ID: string = SIMULATED_ACCOUNT_ID;
export const REGION: string = SIMULATED_REGION;

/** The services the account simulates, by their IAM / SDK service prefix. */
export type ServiceName = 's3' | 'dynamodb' | 'sqs' | 'sns' | 'events';

// IAM ------------------------------------------------------------------------------------------

/** One IAM policy statement (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html). */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  /** `service:Operation`, with `*` and `?` wildcards; case-insensitive like IAM. */
  Action?: string | string[];
  NotAction?: string | string[];
  /** ARNs with `*` and `?` wildcards; `*` alone matches everything. */
  Resource?: string | string[];
  NotResource?: string | string[];
}

/** An identity-based policy document (the execution role's permissions). */
export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

// Callers -------------------------------------------------------------------------------------

/** The chain of invocations a request belongs to (for recursive loop detection). */
export interface ChainRef {
  /** Stable id of the chain (the first event's id). */
  id: string;
  /** How many invocations the chain has had so far (1 for the first function). */
  depth: number;
}

/** Who makes a call: a function running with its execution role. */
export interface Caller {
  functionName: string;
  /** `arn:aws:iam::123456789012:role/<role>`; the role name appears in AccessDenied messages. */
  roleArn: string;
  /** The role's permissions (all its policies merged into one document is fine). */
  policy: PolicyDocument;
  /** The chain the calling invocation belongs to; changes it causes carry it on the feed. */
  chain?: ChainRef;
}

/** Per-call options. */
export interface CallOptions {
  /** Virtual time the call is made at (default: the account's clock). */
  at?: number;
}

/** An AWS error as the SDK v3 throws it (ServiceException: name, message, $fault, $metadata). */
export interface AwsServiceErrorShape {
  name: string;
  message: string;
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode: number; requestId?: string; attempts?: number; totalRetryDelay?: number };
}

/** The result of `callSync`: output or error, plus the simulated latency (virtual ms). */
export type CallOutcome =
  | { ok: true; output: Record<string, unknown>; latencyMs: number }
  | { ok: false; error: AwsServiceErrorShape; latencyMs: number };

// Change feed ---------------------------------------------------------------------------------

/** Kinds of change the feed reports. */
export type AccountEventKind =
  | 's3:ObjectCreated:Put'
  | 's3:ObjectCreated:Copy'
  | 's3:ObjectRemoved:Delete'
  | 'dynamodb:stream'
  | 'sqs:message'
  | 'sns:publish'
  | 'events:put';

/** A Lambda function that a notification, subscription or rule target points at. */
export interface LambdaTarget {
  /** `arn:aws:lambda:us-east-1:123456789012:function:<name>` (as configured). */
  functionArn: string;
  /** The function name taken from the ARN. */
  functionName: string;
  /** The event Lambda receives (an async invocation payload, exactly as AWS builds it). */
  payload: unknown;
}

interface FeedBase<K extends AccountEventKind, D> {
  kind: K;
  /** Sequence number in this account (1, 2, ...). */
  seq: number;
  /** Virtual time the change happened. */
  at: number;
  /** ARN of the resource that changed: bucket, table stream, queue, topic or rule. */
  resource: string;
  detail: D;
  /** The chain of the call that caused it (absent for seed data and schedules). */
  chain?: ChainRef;
}

export interface S3ChangeDetail {
  bucket: string;
  key: string;
  size: number;
  eTag: string;
  /** The S3 event record (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html). */
  record: unknown;
  /** Functions the bucket's notification configuration sends this event to (prefix/suffix matched). */
  lambdaTargets: LambdaTarget[];
}

export interface DynamoDbStreamDetail {
  tableName: string;
  /** The stream record as Lambda sees it ({eventID, eventName, dynamodb: {Keys, NewImage, OldImage, ...}}). */
  record: unknown;
}

export interface SqsMessageDetail {
  queueUrl: string;
  queueName: string;
  messageId: string;
  /** Virtual time the message becomes visible (later than `at` with DelaySeconds). */
  visibleAt: number;
}

export interface SnsPublishDetail {
  topicName: string;
  messageId: string;
  /** Lambda subscriptions: payload is `{ Records: [{ EventSource: 'aws:sns', Sns: {...} }] }`. */
  lambdaTargets: LambdaTarget[];
}

export interface EventsPutDetail {
  ruleName: string;
  /** The EventBridge event (https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html). */
  event: unknown;
  /** True when a schedule fired (Scheduled Event), false for PutEvents. */
  scheduled: boolean;
  /** Lambda targets of the rule; payload is the event (or the target's Input when set). */
  lambdaTargets: LambdaTarget[];
}

/** One change on the feed. */
export type AccountEvent =
  | FeedBase<'s3:ObjectCreated:Put' | 's3:ObjectCreated:Copy' | 's3:ObjectRemoved:Delete', S3ChangeDetail>
  | FeedBase<'dynamodb:stream', DynamoDbStreamDetail>
  | FeedBase<'sqs:message', SqsMessageDetail>
  | FeedBase<'sns:publish', SnsPublishDetail>
  | FeedBase<'events:put', EventsPutDetail>;

export type AccountListener = (event: AccountEvent) => void;

// Snapshots (plain data for the UI) ------------------------------------------------------------

export interface ObjectSnapshot {
  key: string;
  size: number;
  eTag: string;
  contentType: string;
  metadata: Record<string, string>;
  lastModified: number;
  /** The first 256 characters when the body is UTF-8 text. */
  preview?: string;
}

export interface BucketSnapshot {
  name: string;
  arn: string;
  createdAt: number;
  objects: ObjectSnapshot[];
  notifications: { id: string; events: string[]; target: string; prefix?: string; suffix?: string }[];
}

export interface TableSnapshot {
  name: string;
  arn: string;
  hashKey: string;
  rangeKey?: string;
  streamViewType?: string;
  streamArn?: string;
  /** Items as plain JSON (numbers as numbers, sets as arrays). */
  items: Record<string, unknown>[];
}

export interface MessageSnapshot {
  messageId: string;
  body: string;
  state: 'visible' | 'in-flight' | 'delayed';
  receiveCount: number;
  sentAt: number;
  /** When an in-flight or delayed message becomes visible. */
  visibleAt: number;
  groupId?: string;
}

export interface QueueSnapshot {
  name: string;
  url: string;
  arn: string;
  fifo: boolean;
  visibilityTimeoutSeconds: number;
  visible: number;
  inFlight: number;
  delayed: number;
  /** The redrive policy's dead-letter queue. */
  deadLetterTargetArn?: string;
  maxReceiveCount?: number;
  /** Queues that use this one as their dead-letter queue. */
  deadLetterSourceArns: string[];
  messages: MessageSnapshot[];
}

export interface TopicSnapshot {
  name: string;
  arn: string;
  subscriptions: { subscriptionArn: string; protocol: string; endpoint: string; rawMessageDelivery: boolean }[];
  published: number;
}

export interface RuleSnapshot {
  name: string;
  arn: string;
  state: 'ENABLED' | 'DISABLED';
  scheduleExpression?: string;
  eventPattern?: string;
  /** Next virtual time a schedule fires. */
  nextFireAt?: number;
  targets: { id: string; arn: string; input?: string }[];
}

export interface AccountSnapshot {
  at: number;
  buckets: BucketSnapshot[];
  tables: TableSnapshot[];
  queues: QueueSnapshot[];
  topics: TopicSnapshot[];
  rules: RuleSnapshot[];
}

// The account ---------------------------------------------------------------------------------

/** Simulated latency per call (virtual ms): one number per service, or a function. */
export type LatencyOption = Partial<Record<ServiceName, number>> | ((service: ServiceName, operation: string) => number);

export interface AccountOptions {
  /** The virtual clock, in ms (a scenario's clock). */
  clock: () => number;
  /** Overrides of the default latencies (see ./latency.ts for the defaults and their sources). */
  latency?: LatencyOption;
}

/** A simulated AWS account. */
export interface Account {
  readonly accountId: string;
  readonly region: string;
  /**
   * Make an AWS API call as `caller` (operation names as in the API reference: `PutObject`,
   * `GetItem`, ...; input and output shaped like the SDK v3's, DynamoDB in AttributeValue form).
   * Authorised against `caller.policy` first. Rejects with an AwsServiceError.
   * The promise resolves at once: the simulated latency is `latencyMs(service, operation)`, which
   * callers on a virtual clock add themselves (the SDK inside the sandbox does).
   */
  call(service: ServiceName, operation: string, input: unknown, caller: Caller, options?: CallOptions): Promise<Record<string, unknown>>;
  /** The same, synchronously and without throwing (what the sandbox bridge uses). */
  callSync(service: ServiceName, operation: string, input: unknown, caller: Caller, options?: CallOptions): CallOutcome;
  /** The account's clock now (virtual ms). */
  now(): number;
  /** Simulated latency of one call, in virtual ms. */
  latencyMs(service: ServiceName, operation: string): number;
  /** Subscribe to the change feed; returns an unsubscribe function. Listeners run synchronously. */
  onEvent(listener: AccountListener): () => void;
  /**
   * Fire every EventBridge schedule due at or before `ms` (in time order; each firing is an
   * 'events:put' with scheduled: true). Visibility timeouts need no ticking: they are evaluated
   * against the clock on every call.
   */
  advanceTo(ms: number): void;
  /** The next virtual time a schedule fires (undefined when none), so a runner can jump to it. */
  nextScheduledAt(): number | undefined;
  /** Read-only copy of everything in the account, for the UI. */
  snapshot(): AccountSnapshot;
}
