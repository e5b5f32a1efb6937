/**
 * The example scenarios the app offers (sandbox/scenario/examples), run end to end against the simulated account,
 * each checked against the behaviour AWS documents (page named per test).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { InvocationNode } from '../../sandbox/invocation-models/trace-types.ts';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import { loadScenario } from '../../sandbox/scenario/load-scenario.ts';
import { runScenario } from '../../sandbox/scenario/run-scenario.ts';

const pool = new EnvironmentPool();
afterAll(() => pool.dispose());
const fixture = (name: string): string => fileURLToPath(new URL(`../../sandbox/scenario/examples/${name}`, import.meta.url));
const run = (name: string) => runScenario(loadScenario(fixture(name)), { pool });
const invocations = (trace: { kind: string }[]) => trace.filter((n): n is InvocationNode => n.kind === 'invocation');

describe('fixture scenarios', () => {
  it('thumbnail: an upload under uploads/ runs the function once (with-s3.html), which writes thumbnails/<key> with the SDK', async () => {
    const r = await run('thumbnail.yaml');
    expect(r.expectations.every((e) => e.ok)).toBe(true);
    const [inv] = invocations(r.trace);
    expect(inv).toMatchObject({ functionName: 'thumbnail', model: 'async', source: 's3' });
    expect(JSON.parse(inv!.eventJson).Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'photos-uploads' }, object: { key: 'uploads/cat.jpg' } },
    });
    const thumbs = r.snapshot.buckets.find((b) => b.name === 'photos-thumbnails')!;
    expect(thumbs.objects.map((o) => o.key)).toEqual(['thumbnails/cat.jpg']);
    // The object the function wrote hangs under its invocation in the trace.
    expect(r.trace.find((n) => n.kind === 'service-event' && n.text.includes('photos-thumbnails'))!.parentId).toBe(
      inv!.id,
    );
  });

  it('api-502: a body that is not a string gives 502 and "Malformed Lambda proxy response" (malformed-502-api-gateway, set-up-lambda-proxy-integrations.html)', async () => {
    const r = await run('api-502.yaml');
    const responses = r.trace.filter((n) => n.kind === 'response');
    expect(responses.map((n) => n.kind === 'response' && n.statusCode)).toEqual([502, 200]);
    const first = responses[0]!;
    if (first.kind !== 'response') throw new Error('not a response');
    expect(JSON.parse(first.body)).toEqual({ message: 'Internal server error' });
    expect(first.serviceLog.join('\n')).toContain(
      'Execution failed due to configuration error: Malformed Lambda proxy response',
    );
  });

  it('sqs-partial-batch: only the failed messages come back and move to the DLQ after maxReceiveCount (services-sqs-errorhandling.html)', async () => {
    const r = await run('sqs-partial-batch.yaml');
    expect(r.expectations.every((e) => e.ok)).toBe(true);
    const runs = invocations(r.trace);
    const bodies = runs.map((x) => JSON.parse(x.eventJson).Records.map((m: { body: string }) => JSON.parse(m.body).n));
    expect(bodies).toEqual([
      [0, 1, 2, 3],
      [1, 3],
    ]);
    expect(runs[1]!.atMs - runs[0]!.atMs).toBeGreaterThanOrEqual(30_000);
    const dlq = r.snapshot.queues.find((q) => q.name === 'orders-dlq')!;
    expect(dlq.messages.map((m) => JSON.parse(m.body).n).sort()).toEqual([1, 3]);
  });

  it('async-dlq: three attempts at about 0, 1 and 3 minutes, then the event in the DLQ (invocation-async-error-handling.html)', async () => {
    const r = await run('async-dlq.yaml');
    const runs = invocations(r.trace);
    expect(runs.map((x) => x.attempt)).toEqual([1, 2, 3]);
    const minutes = runs.map((x) => (x.atMs - r.startMs) / 60_000);
    expect(minutes[0]).toBeLessThan(0.1);
    expect(Math.round(minutes[1]!)).toBe(1);
    expect(Math.round(minutes[2]!)).toBe(3);
    const dlq = r.snapshot.queues.find((q) => q.name === 'resize-dlq')!;
    expect(dlq.messages).toHaveLength(1);
    expect(JSON.parse(dlq.messages[0]!.body).Records[0].s3.object.key).toBe('broken.png');
  });

  it('recursion: the S3 -> Lambda -> same bucket loop stops after 16 invocations with RecursiveInvocationException (invocation-recursion.html)', async () => {
    const r = await run('recursion.yaml');
    expect(invocations(r.trace)).toHaveLength(16);
    const stop = r.trace.find((n) => n.kind === 'refused');
    expect(stop).toMatchObject({
      kind: 'refused',
      reason: 'recursion',
      errorType: 'RecursiveInvocationException',
      functionName: 'copier',
    });
    expect(r.pending).toBe(0);
  });

  it('least-privilege: a call outside the role policy fails with AccessDeniedException naming role, action and resource (IAM reference_policies_evaluation-logic.html)', async () => {
    const r = await run('least-privilege.yaml');
    expect(r.expectations.every((e) => e.ok)).toBe(true);
    const [inv] = invocations(r.trace);
    expect(inv!.record.ok).toBe(false);
    if (inv!.record.ok) return;
    expect(inv!.record.error.errorType).toBe('AccessDeniedException');
    expect(inv!.record.error.errorMessage).toContain(
      'assumed-role/orders-read-only/orders-api is not authorized to perform: dynamodb:PutItem',
    );
  });
});
