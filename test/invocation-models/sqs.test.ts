/**
 * SQS event source mapping (with-sqs.html, services-sqs-configure.html, services-sqs-errorhandling.html):
 * batches, visibility timeout, partial batch responses, redrive to a DLQ after maxReceiveCount.
 */
import { describe, expect, it } from 'vitest';
import { readBatchItemFailures } from '../../sandbox/invocation-models/batch-response.ts';
import { SimQueue } from '../../sandbox/invocation-models/queue-model.ts';
import { SqsPoller } from '../../sandbox/invocation-models/sqs-poller.ts';
import { ALWAYS_FAILS, ALWAYS_OK, fn, service, T0 } from './helpers.ts';

const HALF_FAIL = `export const handler = async (event) => ({
  batchItemFailures: event.Records.filter((r) => JSON.parse(r.body).n % 2 === 1).map((r) => ({ itemIdentifier: r.messageId })),
});
`;

describe('SQS event source mapping (with-sqs.html)', () => {
  it('gives the function batches of BatchSize with the real message ids and receive counts, and deletes them on success', async () => {
    const lambda = await service(fn('consumer', ALWAYS_OK));
    const queue = new SimQueue('orders');
    for (let n = 0; n < 5; n++) queue.send(JSON.stringify({ n }), T0);
    new SqsPoller(lambda, queue, { functionName: 'consumer', batchSize: 2 }).kick(null);
    lambda.scheduler.runUntil(T0 + 60_000);
    const runs = lambda.trace.ofKind('invocation');
    expect(runs.map((r) => JSON.parse(r.eventJson).Records.length)).toEqual([2, 2, 1]);
    const first = JSON.parse(runs[0]!.eventJson).Records[0];
    expect(first).toMatchObject({
      messageId: 'orders-1',
      body: '{"n":0}',
      eventSource: 'aws:sqs',
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(queue.all()).toHaveLength(0);
  });

  it('a batching window waits for a full batch (services-sqs-configure.html)', async () => {
    const lambda = await service(fn('consumer', ALWAYS_OK));
    const queue = new SimQueue('orders');
    const poller = new SqsPoller(lambda, queue, {
      functionName: 'consumer',
      batchSize: 10,
      maximumBatchingWindowInSeconds: 20,
    });
    queue.send('a', T0);
    poller.kick(null);
    lambda.scheduler.runUntil(T0 + 5_000);
    expect(lambda.trace.ofKind('invocation')).toHaveLength(0);
    queue.send('b', T0 + 5_000);
    lambda.scheduler.runUntil(T0 + 60_000);
    const runs = lambda.trace.ofKind('invocation');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.atMs - T0).toBeGreaterThanOrEqual(20_000);
    expect(JSON.parse(runs[0]!.eventJson).Records).toHaveLength(2);
  });

  it('ReportBatchItemFailures: only the failed messages return; after maxReceiveCount SQS moves them to the DLQ (services-sqs-errorhandling.html)', async () => {
    const lambda = await service(fn('consumer', HALF_FAIL));
    const dlq = new SimQueue('orders-dlq');
    const queue = new SimQueue('orders', {
      visibilityTimeoutSeconds: 30,
      redrive: { deadLetterQueue: dlq, maxReceiveCount: 2 },
    });
    for (let n = 0; n < 4; n++) queue.send(JSON.stringify({ n }), T0);
    new SqsPoller(lambda, queue, { functionName: 'consumer', batchSize: 10, reportBatchItemFailures: true }).kick(null);
    lambda.scheduler.runUntil(T0 + 10 * 60_000);
    const runs = lambda.trace.ofKind('invocation');
    expect(runs.map((r) => JSON.parse(r.eventJson).Records.map((x: { body: string }) => JSON.parse(x.body).n))).toEqual(
      [
        [0, 1, 2, 3],
        [1, 3],
      ],
    );
    // The second batch came back after the 30 s visibility timeout.
    expect(runs[1]!.atMs - runs[0]!.atMs).toBeGreaterThanOrEqual(30_000);
    expect(lambda.trace.ofKind('batch-result')[0]).toMatchObject({
      deleted: ['orders-1', 'orders-3'],
      returned: ['orders-2', 'orders-4'],
    });
    expect(dlq.all().map((m) => m.body)).toEqual(['{"n":1}', '{"n":3}']);
    expect(queue.all()).toHaveLength(0);
    expect(lambda.trace.ofKind('dead-letter')).toHaveLength(2);
  });

  it('without ReportBatchItemFailures a thrown error returns the whole batch', async () => {
    const lambda = await service(fn('consumer', ALWAYS_FAILS));
    const queue = new SimQueue('orders', { visibilityTimeoutSeconds: 30 });
    queue.send('a', T0);
    queue.send('b', T0);
    new SqsPoller(lambda, queue, { functionName: 'consumer' }).kick(null);
    lambda.scheduler.runUntil(T0 + 40_000);
    const runs = lambda.trace.ofKind('invocation');
    expect(runs).toHaveLength(2);
    expect(runs[1]!.attempt).toBe(2);
    expect(JSON.parse(runs[1]!.eventJson).Records[0].attributes.ApproximateReceiveCount).toBe('2');
  });

  it('reads partial batch responses as AWS documents them', () => {
    expect(readBatchItemFailures('{"batchItemFailures":[]}', ['a'])).toEqual({ kind: 'partial', failed: [] });
    expect(readBatchItemFailures('null', ['a'])).toEqual({ kind: 'partial', failed: [] });
    expect(readBatchItemFailures('{"batchItemFailures":[{"itemIdentifier":"a"}]}', ['a', 'b'])).toEqual({
      kind: 'partial',
      failed: ['a'],
    });
    expect(readBatchItemFailures('{"batchItemFailures":[{"itemIdentifier":""}]}', ['a']).kind).toBe('all-failed');
    expect(readBatchItemFailures('{"batchItemFailures":[{"itemIdentifier":"zzz"}]}', ['a']).kind).toBe('all-failed');
  });
});
