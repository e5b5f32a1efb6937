/**
 * Asynchronous invocation (invocation-async-error-handling.html): 202 Accepted; on a function error
 * two retries, one minute and then two minutes later; MaximumRetryAttempts and
 * MaximumEventAgeInSeconds; then the on-failure destination record and the DLQ message
 * (invocation-async-retain-records.html).
 */
import { describe, expect, it } from 'vitest';
import { AsyncInvoker } from '../../sandbox/invocation-models/async-invoker.ts';
import { CollectingSink } from '../../sandbox/invocation-models/delivery.ts';
import { ALWAYS_FAILS, ALWAYS_OK, fn, service, T0 } from './helpers.ts';

describe('async invocation (invocation-async-error-handling.html)', () => {
  it('accepts with 202, retries twice at about +1 min and +3 min, then sends the event to the DLQ with attributes', async () => {
    const lambda = await service(fn('worker', ALWAYS_FAILS, { deadLetterTarget: 'sqs:worker-dlq' }));
    const sink = new CollectingSink();
    const asyncInvoker = new AsyncInvoker(lambda, sink);
    const accepted = asyncInvoker.invoke('worker', '{"job":1}', { parentId: null, source: 's3' });
    expect(accepted.statusCode).toBe(202);
    lambda.scheduler.runUntil(T0 + 3_600_000);
    const runs = lambda.trace.ofKind('invocation');
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    const minutes = runs.map((r) => (r.atMs - T0) / 60_000);
    expect(minutes[0]).toBeLessThan(0.1);
    expect(minutes[1]).toBeGreaterThanOrEqual(1);
    expect(minutes[1]).toBeLessThan(1.1);
    expect(minutes[2]).toBeGreaterThanOrEqual(3);
    expect(minutes[2]).toBeLessThan(3.2);
    expect(lambda.trace.ofKind('retry')).toHaveLength(2);
    const [dlq] = sink.to('sqs:worker-dlq');
    expect(dlq!.body).toBe('{"job":1}');
    expect(dlq!.attributes).toEqual({ RequestID: expect.any(String), ErrorCode: '200', ErrorMessage: 'boom' });
  });

  it('MaximumRetryAttempts 0 gives one attempt; the on-failure destination gets the invocation record (invocation-async-retain-records.html)', async () => {
    const lambda = await service(
      fn('worker', ALWAYS_FAILS, { async: { maximumRetryAttempts: 0, onFailure: 'sqs:failures' } }),
    );
    const sink = new CollectingSink();
    new AsyncInvoker(lambda, sink).invoke('worker', '{"job":2}', { parentId: null, source: 'eventbridge' });
    lambda.scheduler.runUntil(T0 + 3_600_000);
    expect(lambda.trace.ofKind('invocation')).toHaveLength(1);
    const record = JSON.parse(sink.to('sqs:failures')[0]!.body);
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: {
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:worker:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 1,
      },
      requestPayload: { job: 2 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: 'boom' },
    });
    expect(record.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('MaximumEventAgeInSeconds 60 discards the event before the retry at +1 min (EventAgeExceeded)', async () => {
    const lambda = await service(
      fn('worker', ALWAYS_FAILS, { async: { maximumEventAgeInSeconds: 60, onFailure: 'sns:alerts' } }),
    );
    const sink = new CollectingSink();
    new AsyncInvoker(lambda, sink).invoke('worker', '{}', { parentId: null, source: 'sns' });
    lambda.scheduler.runUntil(T0 + 3_600_000);
    expect(lambda.trace.ofKind('invocation')).toHaveLength(1);
    expect(JSON.parse(sink.to('sns:alerts')[0]!.body).requestContext.condition).toBe('EventAgeExceeded');
    expect(lambda.trace.ofKind('refused')[0]!.reason).toBe('event-age');
  });

  it('on success, the on-success destination gets condition Success and the response', async () => {
    const lambda = await service(fn('worker', ALWAYS_OK, { async: { onSuccess: 'lambda:audit' } }));
    const sink = new CollectingSink();
    new AsyncInvoker(lambda, sink).invoke('worker', '{}', { parentId: null, source: 's3' });
    lambda.scheduler.runUntil(T0 + 60_000);
    const record = JSON.parse(sink.to('lambda:audit')[0]!.body);
    expect(record.requestContext.condition).toBe('Success');
    expect(record.responsePayload).toEqual({ ok: true });
    expect(record.responseContext.functionError).toBeUndefined();
  });

  it('reserved concurrency 0 throttles; throttled events are retried with backoff until too old, without using retries', async () => {
    const lambda = await service(
      fn('worker', ALWAYS_OK, { reservedConcurrency: 0, async: { maximumEventAgeInSeconds: 60 } }),
    );
    new AsyncInvoker(lambda, new CollectingSink()).invoke('worker', '{}', { parentId: null, source: 's3' });
    lambda.scheduler.runUntil(T0 + 3_600_000);
    const refused = lambda.trace.ofKind('refused');
    expect(refused.filter((r) => r.reason === 'throttle').length).toBeGreaterThan(3);
    expect(refused.at(-1)!.reason).toBe('event-age');
    expect(lambda.trace.ofKind('invocation')).toHaveLength(0);
  });

  it('at-least-once: with a duplicate probability of 1 the event is delivered twice, shown in the trace', async () => {
    const lambda = await service(fn('worker', ALWAYS_OK));
    new AsyncInvoker(lambda, new CollectingSink(), { duplicateProbability: 1, seed: 's' }).invoke('worker', '{}', {
      parentId: null,
      source: 'sns',
    });
    lambda.scheduler.runUntil(T0 + 60_000);
    expect(lambda.trace.ofKind('duplicate')).toHaveLength(1);
    expect(lambda.trace.ofKind('invocation')).toHaveLength(2);
  });

  it('refuses a payload over 1 MB with 413 (gettingstarted-limits.html)', async () => {
    const lambda = await service(fn('worker', ALWAYS_OK));
    const r = new AsyncInvoker(lambda, new CollectingSink()).invoke(
      'worker',
      JSON.stringify({ x: 'a'.repeat(1024 * 1024) }),
      { parentId: null, source: 's3' },
    );
    expect(r.statusCode).toBe(413);
  });
});
