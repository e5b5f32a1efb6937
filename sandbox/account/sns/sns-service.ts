/**
 * The simulated SNS API (https://docs.aws.amazon.com/sns/latest/api/API_Operations.html): topics,
 * sqs and lambda subscriptions, and Publish fanning out. SQS subscribers get the JSON envelope SNS
 * sends (https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html) or the raw
 * message with RawMessageDelivery (https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html);
 * Lambda subscribers get the SNS event (https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { REGION } from '../account-types.ts';
import { arnName, arnService, topicArn } from '../arn.ts';
import { asRecord, awsError, optionalString, requireString } from '../errors.ts';
import type { LambdaTarget } from '../account-types.ts';
import type { OpContext, OperationTable } from '../service-types.ts';

export interface Subscription {
  arn: string;
  protocol: 'sqs' | 'lambda';
  endpoint: string;
  raw: boolean;
}

export interface Topic {
  name: string;
  arn: string;
  subscriptions: Subscription[];
  published: number;
}

export class SnsStore {
  readonly topics = new Map<string, Topic>();
}

const notFound = () => awsError('NotFoundException', 'Topic does not exist', 404);
const invalid = (message: string) => awsError('InvalidParameterException', message, 400);

function topicOf(store: SnsStore, arn: string): Topic {
  const t = store.topics.get(arnName(arn));
  if (!t || t.arn !== arn) throw notFound();
  return t;
}

const perm = (action: string, field = 'TopicArn') => (input: Record<string, unknown>) => [{ action, resource: String(input[field] ?? '') }];

/** Publish a message: SQS deliveries happen here, Lambda deliveries go on the feed. */
export function publish(ctx: OpContext, topic: Topic, message: string, subject: string | undefined, attributes: Record<string, unknown>, isoTime: string): string {
  const messageId = randomUUID();
  topic.published += 1;
  const signature = randomBytes(64).toString('base64');
  const certUrl = `https://sns.${REGION}.amazonaws.com/SimpleNotificationService-coldstart.pem`;
  const attrs = Object.fromEntries(Object.entries(attributes).map(([k, v]) => {
    const a = asRecord(v);
    return [k, { Type: String(a.DataType ?? 'String'), Value: String(a.StringValue ?? a.BinaryValue ?? '') }];
  }));
  const lambdaTargets: LambdaTarget[] = [];
  for (const sub of topic.subscriptions) {
    const unsubscribeUrl = `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${sub.arn}`;
    if (sub.protocol === 'sqs') {
      const envelope: Record<string, unknown> = { Type: 'Notification', MessageId: messageId, TopicArn: topic.arn };
      if (subject !== undefined) envelope.Subject = subject;
      Object.assign(envelope, { Message: message, Timestamp: isoTime, SignatureVersion: '1', Signature: signature, SigningCertURL: certUrl, UnsubscribeURL: unsubscribeUrl });
      if (Object.keys(attrs).length) envelope.MessageAttributes = attrs;
      ctx.fanout.toQueue(sub.endpoint, sub.raw ? message : JSON.stringify(envelope, null, 2), ctx, { attributes: sub.raw ? attributes : undefined });
    } else {
      const payload = {
        Records: [{
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: sub.arn,
          Sns: { Type: 'Notification', MessageId: messageId, TopicArn: topic.arn, Subject: subject ?? null, Message: message, Timestamp: isoTime, SignatureVersion: '1', Signature: signature, SigningCertUrl: certUrl, UnsubscribeUrl: unsubscribeUrl, MessageAttributes: attrs },
        }],
      };
      lambdaTargets.push({ functionArn: sub.endpoint, functionName: arnName(sub.endpoint), payload });
    }
  }
  ctx.emit({ kind: 'sns:publish', at: ctx.now, resource: topic.arn, chain: ctx.chain, detail: { topicName: topic.name, messageId, lambdaTargets } });
  return messageId;
}

export function snsOperations(store: SnsStore, isoTime: (ms: number) => string): OperationTable {
  return {
    CreateTopic: {
      permissions: (input) => [{ action: 'sns:CreateTopic', resource: topicArn(String(input.Name ?? '')) }],
      run(input) {
        const name = requireString(input, 'Name', 'InvalidParameterException');
        const fifo = name.endsWith('.fifo');
        if (!/^[A-Za-z0-9_-]{1,256}$/.test(fifo ? name.slice(0, -5) : name)) throw invalid('Invalid parameter: Topic Name');
        if (!store.topics.has(name)) store.topics.set(name, { name, arn: topicArn(name), subscriptions: [], published: 0 });
        return { TopicArn: topicArn(name) };
      },
    },
    DeleteTopic: {
      permissions: perm('sns:DeleteTopic'),
      run(input) {
        store.topics.delete(topicOf(store, requireString(input, 'TopicArn')).name);
        return {};
      },
    },
    ListTopics: { permissions: () => [{ action: 'sns:ListTopics', resource: '*' }], run: () => ({ Topics: [...store.topics.values()].map((t) => ({ TopicArn: t.arn })) }) },
    Subscribe: {
      permissions: perm('sns:Subscribe'),
      run(input) {
        const topic = topicOf(store, requireString(input, 'TopicArn', 'InvalidParameterException'));
        const protocol = requireString(input, 'Protocol', 'InvalidParameterException').toLowerCase();
        const endpoint = optionalString(input, 'Endpoint') ?? '';
        if (protocol !== 'sqs' && protocol !== 'lambda') throw invalid(`Invalid parameter: Coldstart simulates the sqs and lambda protocols only (got ${protocol})`);
        if (arnService(endpoint) !== protocol) throw invalid(`Invalid parameter: ${protocol === 'sqs' ? 'SQS' : 'Lambda'} endpoint ARN`);
        const existing = topic.subscriptions.find((s) => s.protocol === protocol && s.endpoint === endpoint);
        if (existing) return { SubscriptionArn: existing.arn };
        const raw = String(asRecord(input.Attributes).RawMessageDelivery ?? 'false') === 'true';
        const sub: Subscription = { arn: `${topic.arn}:${randomUUID()}`, protocol, endpoint, raw };
        topic.subscriptions.push(sub);
        return { SubscriptionArn: sub.arn };
      },
    },
    Unsubscribe: {
      permissions: (input) => [{ action: 'sns:Unsubscribe', resource: String(input.SubscriptionArn ?? '').split(':').slice(0, 6).join(':') }],
      run(input) {
        const arn = requireString(input, 'SubscriptionArn', 'InvalidParameterException');
        for (const t of store.topics.values()) t.subscriptions = t.subscriptions.filter((s) => s.arn !== arn);
        return {};
      },
    },
    SetSubscriptionAttributes: {
      permissions: (input) => [{ action: 'sns:SetSubscriptionAttributes', resource: String(input.SubscriptionArn ?? '').split(':').slice(0, 6).join(':') }],
      run(input) {
        const arn = requireString(input, 'SubscriptionArn', 'InvalidParameterException');
        const sub = [...store.topics.values()].flatMap((t) => t.subscriptions).find((s) => s.arn === arn);
        if (!sub) throw awsError('NotFoundException', 'Subscription does not exist', 404);
        if (input.AttributeName === 'RawMessageDelivery') sub.raw = String(input.AttributeValue) === 'true';
        return {};
      },
    },
    ListSubscriptionsByTopic: {
      permissions: perm('sns:ListSubscriptionsByTopic'),
      run(input) {
        const topic = topicOf(store, requireString(input, 'TopicArn', 'InvalidParameterException'));
        return { Subscriptions: topic.subscriptions.map((s) => ({ SubscriptionArn: s.arn, Protocol: s.protocol, Endpoint: s.endpoint, TopicArn: topic.arn, Owner: topic.arn.split(':')[4] })) };
      },
    },
    Publish: {
      permissions: perm('sns:Publish'),
      run(input, ctx) {
        const arn = optionalString(input, 'TopicArn') ?? optionalString(input, 'TargetArn');
        if (!arn) throw invalid('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter');
        const message = optionalString(input, 'Message');
        if (message === undefined || message === '') throw invalid('Invalid parameter: Empty message');
        if (Buffer.byteLength(message) > 256 * 1024) throw invalid('Invalid parameter: Message too long');
        const id = publish(ctx, topicOf(store, arn), message, optionalString(input, 'Subject'), asRecord(input.MessageAttributes), isoTime(ctx.now));
        return { MessageId: id };
      },
    },
  };
}
