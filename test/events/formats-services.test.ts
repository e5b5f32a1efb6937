/**
 * Service events (S3, SQS, SNS, EventBridge, DynamoDB Streams, Kinesis, CloudWatch Logs, Cognito)
 * have AWS's id, time and encoding formats: URL-encoded S3 keys, real MD5s of SQS bodies and
 * attributes, base64 Kinesis data, gzip + base64 CloudWatch Logs payloads.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type {
  CloudWatchLogsDecodedData,
  CloudWatchLogsEvent,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  KinesisStreamEvent,
  PreSignUpTriggerEvent,
  S3Event,
  SNSEvent,
  SQSEvent,
} from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { s3EventKey } from '../../sandbox/events/aws-formats.ts';
import { md5OfMessageAttributes } from '../../sandbox/events/sqs-md5.ts';
import { built, DEFAULT_NOW, ISO_MS, ISO_S, UUID_V4 } from './helpers.ts';

const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

describe('S3 events', () => {
  it('encodes keys as S3 does: spaces as +, other bytes as %XX, / kept; decoding gives the key back', () => {
    expect(s3EventKey('a b.jpg')).toBe('a+b.jpg');
    expect(s3EventKey('photos/red flower (1).jpg')).toBe('photos/red+flower+%281%29.jpg');
    expect(s3EventKey('사진/ü.png')).toBe('%EC%82%AC%EC%A7%84/%C3%BC.png');
    for (const key of ['a b.jpg', '사진/ü+x.png', 'x=1&y=2', '100%.txt']) {
      expect(decodeURIComponent(s3EventKey(key).replace(/\+/g, ' '))).toBe(key);
    }
  });

  it('put: ISO eventTime, hex request id, sequencer, IAM principal, bucket ARN', () => {
    const r = built<S3Event>('s3-put').Records[0]!;
    expect(r.eventTime).toBe('2026-04-09T12:34:56.789Z');
    expect(r.eventTime).toMatch(ISO_MS);
    expect(r.responseElements['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    expect(r.responseElements['x-amz-id-2']).toMatch(/^[A-Za-z0-9+/]{76}$/);
    expect(r.s3.object.sequencer).toMatch(/^[0-9A-F]{18}$/);
    expect(r.s3.object.eTag).toMatch(/^[0-9a-f]{32}$/);
    expect(r.userIdentity.principalId).toMatch(/^AWS:AIDA[A-Z0-9]{17}$/);
    expect(r.s3.bucket.arn).toBe('arn:aws:s3:::coldstart-uploads');
  });

  it('delete: ObjectRemoved without size or eTag; versioned buckets create a delete marker', () => {
    const plain = built<S3Event>('s3-delete').Records[0]!;
    expect(plain.eventName).toBe('ObjectRemoved:Delete');
    expect(plain.s3.object).not.toHaveProperty('size');
    expect(plain.s3.object).not.toHaveProperty('eTag');
    const marker = built<S3Event>('s3-delete', { versioned: 'true', key: 'old file.txt' }).Records[0]!;
    expect(marker.eventName).toBe('ObjectRemoved:DeleteMarkerCreated');
    expect(marker.s3.object.versionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(marker.s3.object.key).toBe('old+file.txt');
  });
});

describe('SQS events', () => {
  it('UUID message ids, AQEB receipt handles, ms SentTimestamp strings, real MD5 of each body', () => {
    const e = built<SQSEvent>('sqs', { messages: '["plain text", {"n": 1}]' });
    expect(e.Records.map((r) => r.body)).toEqual(['plain text', '{"n":1}']);
    for (const r of e.Records) {
      expect(r.messageId).toMatch(UUID_V4);
      expect(r.receiptHandle).toMatch(/^AQEB[A-Za-z0-9+/=]{100,}$/);
      expect(r.md5OfBody).toBe(md5(r.body));
      expect(r.attributes.SentTimestamp).toMatch(/^\d{13}$/);
      expect(Number(r.attributes.SentTimestamp)).toBeLessThan(DEFAULT_NOW);
      expect(Number(r.attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThan(Number(r.attributes.SentTimestamp));
      expect(r.attributes.ApproximateReceiveCount).toBe('1');
      expect(r.attributes.SenderId).toMatch(/^AIDA[A-Z0-9]{17}$/);
      expect(r.eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:orders-queue');
    }
    expect(new Set(e.Records.map((r) => r.messageId)).size).toBe(2);
  });

  it('computes md5OfMessageAttributes as SQS does (known digests)', () => {
    expect(md5OfMessageAttributes({ SellerName: { dataType: 'String', stringValue: 'Example Store' } })).toBe(
      'cd28f3b68aeee4b2eac9c66f2f694b58',
    );
    expect(
      md5OfMessageAttributes({
        ordinal: { dataType: 'Number', stringValue: '1' },
        category: { dataType: 'String', stringValue: 'test' },
      }),
    ).toBe('d21ae90c49061e927f57df5f5d72be1f');
    const r = built<SQSEvent>('sqs', { messageAttributes: '{"SellerName": "Example Store"}' }).Records[0]!;
    expect(r.md5OfMessageAttributes).toBe('cd28f3b68aeee4b2eac9c66f2f694b58');
    expect(r.messageAttributes.SellerName).toEqual({
      stringValue: 'Example Store',
      stringListValues: [],
      binaryListValues: [],
      dataType: 'String',
    });
  });

  it('FIFO queues add group, content-based deduplication id and growing sequence numbers', () => {
    const e = built<SQSEvent>('sqs', { queue: 'orders.fifo', messages: '["a", "b"]', receiveCount: '2' });
    const [a, b] = e.Records;
    expect(a!.attributes.MessageGroupId).toBe('orders');
    expect(a!.attributes.MessageDeduplicationId).toBe(createHash('sha256').update('a').digest('hex'));
    expect(BigInt(b!.attributes.SequenceNumber!)).toBeGreaterThan(BigInt(a!.attributes.SequenceNumber!));
    expect(a!.attributes.ApproximateReceiveCount).toBe('2');
  });
});

describe('SNS and EventBridge events', () => {
  it('SNS: ISO Timestamp, UUID MessageId, subscription ARN = topic ARN + UUID, 344-character signature', () => {
    const s = built<SNSEvent>('sns', { topic: 'alerts', subject: 'Hi', message: 'body' }).Records[0]!;
    expect(s.Sns.Timestamp).toMatch(ISO_MS);
    expect(s.Sns.MessageId).toMatch(UUID_V4);
    expect(s.Sns.TopicArn).toBe('arn:aws:sns:us-east-1:123456789012:alerts');
    expect(s.EventSubscriptionArn.startsWith(`${s.Sns.TopicArn}:`)).toBe(true);
    expect(s.EventSubscriptionArn.slice(s.Sns.TopicArn.length + 1)).toMatch(UUID_V4);
    expect(s.Sns.Signature).toHaveLength(344);
    expect(s.Sns.SigningCertUrl).toMatch(
      /^https:\/\/sns\.us-east-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/,
    );
    expect(s.Sns.Subject).toBe('Hi');
    expect(s.Sns.Message).toBe('body');
  });

  it('EventBridge scheduled: on the minute, ISO without fractions, rule ARN', () => {
    const e = built<EventBridgeEvent<'Scheduled Event', object>>('eventbridge-scheduled', { rule: 'every-5-min' });
    expect(e.time).toBe('2026-04-09T12:34:00Z');
    expect(e.id).toMatch(UUID_V4);
    expect(e.resources).toEqual(['arn:aws:events:us-east-1:123456789012:rule/every-5-min']);
    expect(e.source).toBe('aws.events');
  });

  it('EventBridge custom: source, detail-type and detail from the parameters', () => {
    const e = built<EventBridgeEvent<string, unknown>>('eventbridge-custom', {
      source: 'com.shop',
      detailType: 'Paid',
      detail: '{"amount": 3}',
    });
    expect(e).toMatchObject({
      source: 'com.shop',
      'detail-type': 'Paid',
      detail: { amount: 3 },
      account: '123456789012',
      region: 'us-east-1',
    });
    expect(e.time).toMatch(ISO_S);
  });
});

describe('stream events', () => {
  it('DynamoDB: typed AttributeValues, 21-digit SequenceNumber, 32-hex eventID, stream ARN with label', () => {
    const r = built<DynamoDBStreamEvent>('dynamodb-insert', {
      keys: '{"pk": "u#1", "sk": 7}',
      newImage: '{"ok": true, "none": null, "list": [1, "a"], "map": {"x": 1.5}}',
    }).Records[0]!;
    expect(r.eventName).toBe('INSERT');
    expect(r.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(r.dynamodb?.Keys).toEqual({ pk: { S: 'u#1' }, sk: { N: '7' } });
    expect(r.dynamodb?.NewImage).toEqual({
      pk: { S: 'u#1' },
      sk: { N: '7' },
      ok: { BOOL: true },
      none: { NULL: true },
      list: { L: [{ N: '1' }, { S: 'a' }] },
      map: { M: { x: { N: '1.5' } } },
    });
    expect(r.dynamodb?.OldImage).toBeUndefined();
    expect(r.dynamodb?.SequenceNumber).toMatch(/^[1-9]\d{20}$/);
    expect(r.dynamodb?.SizeBytes).toBeGreaterThan(10);
    expect(r.dynamodb?.ApproximateCreationDateTime).toBe(Math.floor(DEFAULT_NOW / 1000));
    expect(r.eventSourceARN).toMatch(
      /^arn:aws:dynamodb:us-east-1:123456789012:table\/Orders\/stream\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/,
    );
  });

  it('DynamoDB: MODIFY has both images, REMOVE only the old one, TTL removals name the service, view types filter', () => {
    const m = built<DynamoDBStreamEvent>('dynamodb-modify').Records[0]!;
    expect(m.dynamodb?.OldImage?.status).toEqual({ S: 'PLACED' });
    expect(m.dynamodb?.NewImage?.status).toEqual({ S: 'SHIPPED' });
    const r = built<DynamoDBStreamEvent>('dynamodb-remove', { ttl: 'true' }).Records[0]!;
    expect(r.dynamodb?.NewImage).toBeUndefined();
    expect(r.dynamodb?.OldImage).toBeDefined();
    expect(r.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(built<DynamoDBStreamEvent>('dynamodb-remove').Records[0]!.userIdentity).toBeUndefined();
    const k = built<DynamoDBStreamEvent>('dynamodb-modify', { streamViewType: 'KEYS_ONLY' }).Records[0]!.dynamodb!;
    expect([k.NewImage, k.OldImage, k.StreamViewType]).toEqual([undefined, undefined, 'KEYS_ONLY']);
  });

  it('Kinesis: base64 data round-trips, 56-digit growing sequence numbers, shard event ids', () => {
    const e = built<KinesisStreamEvent>('kinesis', {
      records: '["first", {"n": 2}]',
      shard: '6',
      partitionKey: 'pk-1',
    });
    expect(e.Records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString('utf8'))).toEqual(['first', '{"n":2}']);
    const seqs = e.Records.map((r) => r.kinesis.sequenceNumber);
    for (const s of seqs) expect(s).toMatch(/^\d{56}$/);
    expect(BigInt(seqs[1]!)).toBeGreaterThan(BigInt(seqs[0]!));
    expect(e.Records[0]!.eventID).toBe(`shardId-000000000006:${seqs[0]}`);
    expect(e.Records[0]!.kinesis.partitionKey).toBe('pk-1');
    expect(e.Records[0]!.kinesis.approximateArrivalTimestamp).toBeLessThan(DEFAULT_NOW / 1000);
    expect(e.Records[0]!.eventSourceARN).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/clickstream');
  });

  it('CloudWatch Logs: awslogs.data is base64 of gzip of the subscription payload', () => {
    const e = built<CloudWatchLogsEvent>('cloudwatch-logs', {
      messages: '["ERROR one", "ERROR two"]',
      logGroup: '/aws/lambda/pay',
    });
    const raw = Buffer.from(e.awslogs.data, 'base64');
    expect([raw[0], raw[1]]).toEqual([0x1f, 0x8b]);
    const payload = JSON.parse(gunzipSync(raw).toString('utf8')) as CloudWatchLogsDecodedData;
    expect(payload).toMatchObject({
      messageType: 'DATA_MESSAGE',
      owner: '123456789012',
      logGroup: '/aws/lambda/pay',
      subscriptionFilters: ['errors-to-processor'],
    });
    expect(payload.logStream).toMatch(/^2026\/04\/09\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(payload.logEvents.map((l) => l.message)).toEqual(['ERROR one', 'ERROR two']);
    for (const l of payload.logEvents) {
      expect(l.id).toMatch(/^\d{56}$/);
      expect(l.timestamp).toBeLessThanOrEqual(DEFAULT_NOW);
    }
    expect(payload.logEvents[1]!.timestamp).toBeGreaterThan(payload.logEvents[0]!.timestamp);
  });
});

describe('Cognito', () => {
  it('pre sign-up: user pool id, 26-character client id, attributes and response defaults', () => {
    const e = built<PreSignUpTriggerEvent>('cognito-pre-signup', { userName: 'grace', email: 'grace@example.com' });
    expect(e.userPoolId).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    expect(e.callerContext.clientId).toMatch(/^[a-z0-9]{26}$/);
    expect(e.userName).toBe('grace');
    expect(e.request.userAttributes.email).toBe('grace@example.com');
    expect(e.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });
});
