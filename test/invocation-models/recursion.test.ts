/**
 * Recursive loop detection (invocation-recursion.html): a function invoked more than 16 times in the
 * same chain of events through SQS, SNS, S3 or Lambda is stopped; the event goes to the DLQ or
 * on-failure destination; DynamoDB is not tracked.
 */
import { describe, expect, it } from 'vitest';
import { AsyncInvoker } from '../../sandbox/invocation-models/async-invoker.ts';
import { CollectingSink } from '../../sandbox/invocation-models/delivery.ts';
import { ALWAYS_OK, fn, service, T0 } from './helpers.ts';

describe('recursive loop detection (invocation-recursion.html)', () => {
  it('stops the 17th invocation of a chain with RecursiveInvocationException and sends the event to the DLQ', async () => {
    const lambda = await service(fn('looper', ALWAYS_OK, { deadLetterTarget: 'sqs:loop-dlq' }));
    const sink = new CollectingSink();
    const asyncInvoker = new AsyncInvoker(lambda, sink);
    // Each invocation writes back to the S3 bucket that triggers it: the runner passes its lineage on.
    let lineage = {};
    let parent: string | null = null;
    for (let i = 0; i < 20; i++) {
      asyncInvoker.invoke('looper', '{}', { parentId: parent, source: 's3', lineage });
      lambda.scheduler.runUntil(lambda.scheduler.now() + 1_000);
      const last = lambda.trace.nodes.at(-1)!;
      if (last.kind !== 'invocation') break;
      lineage = { looper: last.chainCount };
      parent = last.id;
    }
    expect(lambda.trace.ofKind('invocation')).toHaveLength(16);
    const stop = lambda.trace.ofKind('refused')[0]!;
    expect(stop).toMatchObject({ reason: 'recursion', errorType: 'RecursiveInvocationException' });
    expect(stop.message).toContain('recursive loop');
    expect(sink.to('sqs:loop-dlq')).toHaveLength(1);
  });

  it('does not track DynamoDB: a fresh chain starts for each stream event', async () => {
    const lambda = await service(fn('looper', ALWAYS_OK));
    for (let i = 0; i < 20; i++)
      lambda.run('looper', '{}', { parentId: null, source: 'dynamodb', model: 'polled', lineage: { looper: 100 } });
    expect(lambda.trace.ofKind('invocation')).toHaveLength(20);
    expect(lambda.trace.ofKind('refused')).toHaveLength(0);
    void T0;
  });
});
