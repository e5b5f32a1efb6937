/** Plain-data copies of the account's state for the UI (see AccountSnapshot in account-types.ts). */
import type { AccountSnapshot } from './account-types.ts';
import { s3BucketArn, tableArn } from './arn.ts';
import { textPreview } from './bytes.ts';
import { itemToPlain } from './dynamodb/attribute-values.ts';
import type { DynamoStore } from './dynamodb/table-store.ts';
import type { EventsStore } from './events/events-service.ts';
import type { S3Store } from './s3/s3-store.ts';
import type { SnsStore } from './sns/sns-service.ts';
import { redrivePolicy, type SqsStore } from './sqs/queue-store.ts';

export interface Stores {
  s3: S3Store;
  dynamodb: DynamoStore;
  sqs: SqsStore;
  sns: SnsStore;
  events: EventsStore;
}

export function takeSnapshot(stores: Stores, now: number): AccountSnapshot {
  const queues = [...stores.sqs.queues.values()];
  return {
    at: now,
    buckets: [...stores.s3.buckets.values()].map((b) => ({
      name: b.name,
      arn: s3BucketArn(b.name),
      createdAt: b.createdAt,
      objects: [...b.objects.values()].sort((x, y) => (x.key < y.key ? -1 : 1)).map((o) => {
        const preview = textPreview(o.body);
        return { key: o.key, size: o.body.length, eTag: o.eTag, contentType: o.contentType, metadata: { ...o.metadata }, lastModified: o.lastModified, ...(preview !== undefined ? { preview } : {}) };
      }),
      notifications: b.notifications.map((n) => ({ id: n.id, events: [...n.events], target: n.arn, ...(n.prefix ? { prefix: n.prefix } : {}), ...(n.suffix ? { suffix: n.suffix } : {}) })),
    })),
    tables: [...stores.dynamodb.tables.values()].map((t) => ({
      name: t.name,
      arn: tableArn(t.name),
      hashKey: t.hashKey,
      ...(t.rangeKey ? { rangeKey: t.rangeKey } : {}),
      ...(t.stream ? { streamViewType: t.stream.viewType, streamArn: t.stream.arn } : {}),
      items: [...t.items.values()].map(itemToPlain),
    })),
    queues: queues.map((q) => {
      const policy = redrivePolicy(q);
      const messages = q.messages.map((m) => ({
        messageId: m.messageId,
        body: m.body,
        state: m.visibleAt <= now ? ('visible' as const) : m.receiptHandle ? ('in-flight' as const) : ('delayed' as const),
        receiveCount: m.receiveCount,
        sentAt: m.sentAt,
        visibleAt: m.visibleAt,
        ...(m.groupId ? { groupId: m.groupId } : {}),
      }));
      return {
        name: q.name,
        url: q.url,
        arn: q.arn,
        fifo: q.fifo,
        visibilityTimeoutSeconds: Number(q.attributes.VisibilityTimeout),
        visible: messages.filter((m) => m.state === 'visible').length,
        inFlight: messages.filter((m) => m.state === 'in-flight').length,
        delayed: messages.filter((m) => m.state === 'delayed').length,
        ...(policy ? { deadLetterTargetArn: policy.deadLetterTargetArn, maxReceiveCount: policy.maxReceiveCount } : {}),
        deadLetterSourceArns: queues.filter((s) => redrivePolicy(s)?.deadLetterTargetArn === q.arn).map((s) => s.arn),
        messages,
      };
    }),
    topics: [...stores.sns.topics.values()].map((t) => ({
      name: t.name,
      arn: t.arn,
      subscriptions: t.subscriptions.map((s) => ({ subscriptionArn: s.arn, protocol: s.protocol, endpoint: s.endpoint, rawMessageDelivery: s.raw })),
      published: t.published,
    })),
    rules: [...stores.events.rules.values()].map((r) => ({
      name: r.name,
      arn: r.arn,
      state: r.state,
      ...(r.scheduleExpression ? { scheduleExpression: r.scheduleExpression } : {}),
      ...(r.eventPattern ? { eventPattern: r.eventPattern } : {}),
      ...(r.nextFireAt !== undefined && r.state === 'ENABLED' ? { nextFireAt: r.nextFireAt } : {}),
      targets: r.targets.map((t) => ({ id: t.Id, arn: t.Arn, ...(t.Input !== undefined ? { input: t.Input } : {}) })),
    })),
  };
}
