/**
 * Kinesis and DynamoDB Streams mappings (with-kinesis.html, with-ddb.html,
 * services-kinesis-batchfailurereporting.html): ordered per shard, a failing batch blocks its shard
 * and is retried, bisect and on-failure destinations.
 */
import { describe, expect, it } from 'vitest';
import { CollectingSink } from '../../sandbox/invocation-models/delivery.ts';
import { StreamPoller } from '../../sandbox/invocation-models/stream-poller.ts';
import { dynamodbRecord, kinesisRecord, sequenceNumber } from '../../sandbox/invocation-models/stream-records.ts';
import { fn, service, T0 } from './helpers.ts';

const FAIL_ON_POISON = `export const handler = async (event) => {
  for (const r of event.Records) {
    const data = JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString('utf8'));
    if (data.poison) throw new Error('poison record ' + data.n);
  }
  return {};
};
`;

describe('Kinesis mapping (with-kinesis.html)', () => {
  it('a failing batch blocks its shard; after MaximumRetryAttempts the on-failure destination gets KinesisBatchInfo and the shard moves on', async () => {
    const lambda = await service(fn('reader', FAIL_ON_POISON));
    const sink = new CollectingSink();
    const poller = new StreamPoller(
      lambda,
      'kinesis',
      'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
      { functionName: 'reader', batchSize: 2, maximumRetryAttempts: 2, onFailure: 'sqs:stream-failures' },
      sink,
    );
    const data = [{ n: 1 }, { n: 2, poison: true }, { n: 3 }, { n: 4 }];
    data.forEach((d, i) =>
      poller.append(
        'shardId-000000000000',
        kinesisRecord('clicks', 0, d, 'u-1', sequenceNumber('kinesis', i + 1), T0),
        null,
      ),
    );
    lambda.scheduler.runUntil(T0 + 60_000);
    const batches = lambda.trace
      .ofKind('invocation')
      .map((r) =>
        JSON.parse(r.eventJson).Records.map(
          (x: { kinesis: { data: string } }) => JSON.parse(Buffer.from(x.kinesis.data, 'base64').toString()).n,
        ),
      );
    // The poisoned batch [1,2] runs 3 times (1 + 2 retries) before records 3 and 4 are read.
    expect(batches).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
      [3, 4],
    ]);
    const failure = JSON.parse(sink.to('sqs:stream-failures')[0]!.body);
    expect(failure.requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(failure.KinesisBatchInfo).toMatchObject({
      shardId: 'shardId-000000000000',
      batchSize: 2,
      startSequenceNumber: sequenceNumber('kinesis', 1),
    });
  });

  it('BisectBatchOnFunctionError splits the failing batch', async () => {
    const lambda = await service(fn('reader', FAIL_ON_POISON));
    const poller = new StreamPoller(
      lambda,
      'kinesis',
      'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
      { functionName: 'reader', batchSize: 4, maximumRetryAttempts: 3, bisectBatchOnFunctionError: true },
      new CollectingSink(),
    );
    [{ n: 1 }, { n: 2 }, { n: 3, poison: true }, { n: 4 }].forEach((d, i) =>
      poller.append(
        'shardId-000000000000',
        kinesisRecord('clicks', 0, d, 'u-1', sequenceNumber('kinesis', i + 1), T0),
        null,
      ),
    );
    lambda.scheduler.runUntil(T0 + 60_000);
    const sizes = lambda.trace.ofKind('invocation').map((r) => JSON.parse(r.eventJson).Records.length);
    expect(sizes.slice(0, 3)).toEqual([4, 2, 2]);
  });
});

describe('DynamoDB Streams mapping (with-ddb.html)', () => {
  it('delivers records in order per shard, with ReportBatchItemFailures restarting from the first failed sequence number', async () => {
    const code = `let seen = 0;
export const handler = async (event) => {
  seen++;
  const failed = seen === 1 ? [{ itemIdentifier: event.Records[1].dynamodb.SequenceNumber }] : [];
  return { batchItemFailures: failed };
};
`;
    const lambda = await service(fn('audit', code));
    const poller = new StreamPoller(
      lambda,
      'dynamodb',
      'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-03-10T00:00:00.000',
      { functionName: 'audit', reportBatchItemFailures: true },
      new CollectingSink(),
    );
    for (let i = 1; i <= 3; i++)
      poller.append(
        'shard-1',
        dynamodbRecord(
          {
            table: 'Orders',
            eventName: 'INSERT',
            keys: { orderId: `o-${i}` },
            newImage: { orderId: `o-${i}`, total: i },
          },
          sequenceNumber('dynamodb', i),
          T0,
        ),
        null,
      );
    lambda.scheduler.runUntil(T0 + 60_000);
    const seqs = lambda.trace
      .ofKind('invocation')
      .map((r) =>
        JSON.parse(r.eventJson).Records.map((x: { dynamodb: { SequenceNumber: string } }) => x.dynamodb.SequenceNumber),
      );
    expect(seqs).toEqual([
      [sequenceNumber('dynamodb', 1), sequenceNumber('dynamodb', 2), sequenceNumber('dynamodb', 3)],
      [sequenceNumber('dynamodb', 2), sequenceNumber('dynamodb', 3)],
    ]);
    const first = JSON.parse(lambda.trace.ofKind('invocation')[0]!.eventJson).Records[0];
    expect(first).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: { Keys: { orderId: { S: 'o-1' } } },
    });
  });
});
