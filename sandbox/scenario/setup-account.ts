/**
 * Create a scenario's resources in the simulated account (as an administrator), put its seed data,
 * and connect the triggers the account itself delivers: S3 notifications, SNS subscriptions and
 * EventBridge rule targets. Event source mappings (SQS, streams) and APIs are the runner's.
 */
import type { Account } from '../account/account-types.ts';
import { ADMIN_CALLER } from '../account/create-account.ts';
import { lambdaArn } from '../invocation-models/lambda-service.ts';
import type { ScenarioFile } from './schema.ts';

const QUEUE_ARN = (name: string): string => `arn:aws:sqs:us-east-1:123456789012:${name}`;
const QUEUE_URL = (name: string): string => `https://sqs.us-east-1.amazonaws.com/123456789012/${name}`;
const TOPIC_ARN = (name: string): string => `arn:aws:sns:us-east-1:123456789012:${name}`;

async function admin(
  account: Account,
  service: Parameters<Account['call']>[0],
  operation: string,
  input: unknown,
  what: string,
): Promise<Record<string, unknown>> {
  try {
    return await account.call(service, operation, input, ADMIN_CALLER);
  } catch (err) {
    const e = err as { name?: string; message?: string };
    throw new Error(`${what}: ${e.name ?? 'Error'}: ${e.message ?? String(err)}`, { cause: err });
  }
}

/** A DynamoDB attribute value for a plain JSON value (strings, numbers, booleans, lists, maps). */
export function toAttributeValue(v: unknown): Record<string, unknown> {
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'number') return { N: String(v) };
  if (typeof v === 'boolean') return { BOOL: v };
  if (v === null || v === undefined) return { NULL: true };
  if (Array.isArray(v)) return { L: v.map(toAttributeValue) };
  return {
    M: Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toAttributeValue(x)])),
  };
}

/** Create every resource; queues that are dead-letter queues first. */
export async function createResources(account: Account, s: ScenarioFile): Promise<void> {
  const r = s.resources ?? {};
  for (const b of r.buckets ?? [])
    await admin(account, 's3', 'CreateBucket', { Bucket: b.name }, `resources.buckets.${b.name}`);
  for (const t of r.tables ?? []) {
    const keys = [
      { AttributeName: t.hashKey, KeyType: 'HASH' },
      ...(t.rangeKey ? [{ AttributeName: t.rangeKey, KeyType: 'RANGE' }] : []),
    ];
    await admin(
      account,
      'dynamodb',
      'CreateTable',
      {
        TableName: t.name,
        KeySchema: keys,
        AttributeDefinitions: keys.map((k) => ({ AttributeName: k.AttributeName, AttributeType: 'S' })),
        BillingMode: 'PAY_PER_REQUEST',
        ...(t.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream } } : {}),
      },
      `resources.tables.${t.name}`,
    );
  }
  const queues = [...(r.queues ?? [])].sort((a, b) => Number(!!a.deadLetterQueue) - Number(!!b.deadLetterQueue));
  for (const q of queues) {
    const attributes: Record<string, string> = {};
    if (q.visibilityTimeoutSeconds !== undefined) attributes.VisibilityTimeout = String(q.visibilityTimeoutSeconds);
    if (q.deadLetterQueue)
      attributes.RedrivePolicy = JSON.stringify({
        deadLetterTargetArn: QUEUE_ARN(q.deadLetterQueue),
        maxReceiveCount: q.maxReceiveCount ?? 3,
      });
    await admin(
      account,
      'sqs',
      'CreateQueue',
      { QueueName: q.name, Attributes: attributes },
      `resources.queues.${q.name}`,
    );
  }
  for (const t of r.topics ?? []) {
    await admin(account, 'sns', 'CreateTopic', { Name: t.name }, `resources.topics.${t.name}`);
    for (const sub of t.subscriptions ?? []) {
      await admin(
        account,
        'sns',
        'Subscribe',
        {
          TopicArn: TOPIC_ARN(t.name),
          Protocol: 'sqs',
          Endpoint: QUEUE_ARN(sub.queue),
          Attributes: sub.rawMessageDelivery ? { RawMessageDelivery: 'true' } : {},
        },
        `resources.topics.${t.name}.subscriptions`,
      );
    }
  }
  for (const rule of r.rules ?? []) {
    await admin(
      account,
      'events',
      'PutRule',
      {
        Name: rule.name,
        ...(rule.schedule
          ? { ScheduleExpression: rule.schedule }
          : { EventPattern: JSON.stringify(rule.eventPattern) }),
        State: 'ENABLED',
      },
      `resources.rules.${rule.name}`,
    );
  }
}

/** Put the seed objects, items and messages. */
export async function putSeedData(account: Account, s: ScenarioFile): Promise<void> {
  for (const o of s.seed?.objects ?? [])
    await admin(
      account,
      's3',
      'PutObject',
      { Bucket: o.bucket, Key: o.key, Body: o.body ?? '', ...(o.contentType ? { ContentType: o.contentType } : {}) },
      `seed.objects ${o.bucket}/${o.key}`,
    );
  for (const it of s.seed?.items ?? []) {
    await admin(
      account,
      'dynamodb',
      'PutItem',
      { TableName: it.table, Item: toAttributeValue(it.item).M },
      `seed.items ${it.table}`,
    );
  }
  for (const m of s.seed?.messages ?? [])
    await admin(
      account,
      'sqs',
      'SendMessage',
      { QueueUrl: QUEUE_URL(m.queue), MessageBody: typeof m.body === 'string' ? m.body : JSON.stringify(m.body) },
      `seed.messages ${m.queue}`,
    );
}

/** Connect S3 notifications, SNS subscriptions and EventBridge targets to functions. */
export async function connectServiceTriggers(account: Account, s: ScenarioFile): Promise<void> {
  const triggers = s.triggers ?? [];
  const byBucket = new Map<string, unknown[]>();
  triggers.forEach((t, i) => {
    if (t.type !== 's3') return;
    const rules = [
      ...(t.prefix !== undefined ? [{ Name: 'prefix', Value: t.prefix }] : []),
      ...(t.suffix !== undefined ? [{ Name: 'suffix', Value: t.suffix }] : []),
    ];
    const list = byBucket.get(t.bucket) ?? [];
    list.push({
      Id: `trigger-${i}`,
      LambdaFunctionArn: lambdaArn(t.function),
      Events: t.events ?? ['s3:ObjectCreated:*'],
      ...(rules.length ? { Filter: { Key: { FilterRules: rules } } } : {}),
    });
    byBucket.set(t.bucket, list);
  });
  for (const [bucket, configs] of byBucket) {
    await admin(
      account,
      's3',
      'PutBucketNotificationConfiguration',
      { Bucket: bucket, NotificationConfiguration: { LambdaFunctionConfigurations: configs } },
      `triggers (s3 ${bucket})`,
    );
  }
  for (const t of triggers) {
    if (t.type === 'sns')
      await admin(
        account,
        'sns',
        'Subscribe',
        { TopicArn: TOPIC_ARN(t.topic), Protocol: 'lambda', Endpoint: lambdaArn(t.function) },
        `triggers (sns ${t.topic})`,
      );
    if (t.type === 'eventbridge')
      await admin(
        account,
        'events',
        'PutTargets',
        { Rule: t.rule, Targets: [{ Id: t.function, Arn: lambdaArn(t.function) }] },
        `triggers (eventbridge ${t.rule})`,
      );
  }
}
