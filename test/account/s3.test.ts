import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../sandbox/account/account-types.ts';
import { rejection, testAccount } from './helpers.ts';

// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html, API_GetObject.html, ErrorResponses.html
describe('S3', () => {
  it('PutObject stores body, content type and metadata; GetObject and HeadObject return them (API_GetObject.html)', async () => {
    const { admin } = testAccount();
    await admin('s3', 'CreateBucket', { Bucket: 'photos' });
    const put = await admin('s3', 'PutObject', { Bucket: 'photos', Key: 'a.txt', Body: 'hello', ContentType: 'text/plain', Metadata: { Owner: 'kim' } });
    expect(put.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const got = await admin<{ Body: Buffer; ContentType: string; Metadata: Record<string, string>; ContentLength: number }>('s3', 'GetObject', { Bucket: 'photos', Key: 'a.txt' });
    expect(got.Body.toString()).toBe('hello');
    expect(got.ContentType).toBe('text/plain');
    expect(got.Metadata).toEqual({ owner: 'kim' });
    const head = await admin('s3', 'HeadObject', { Bucket: 'photos', Key: 'a.txt' });
    expect(head.ContentLength).toBe(5);
  });
  it('NoSuchKey and NoSuchBucket carry S3 messages and 404 (ErrorResponses.html#ErrorCodeList)', async () => {
    const { admin } = testAccount();
    await admin('s3', 'CreateBucket', { Bucket: 'photos' });
    const a = await rejection(admin('s3', 'GetObject', { Bucket: 'photos', Key: 'missing' }));
    expect([a.name, a.message, a.$metadata.httpStatusCode]).toEqual(['NoSuchKey', 'The specified key does not exist.', 404]);
    const b = await rejection(admin('s3', 'PutObject', { Bucket: 'nope-bucket', Key: 'k', Body: 'x' }));
    expect([b.name, b.message]).toEqual(['NoSuchBucket', 'The specified bucket does not exist']);
    const c = await rejection(admin('s3', 'HeadObject', { Bucket: 'photos', Key: 'missing' }));
    expect(c.name).toBe('NotFound');
  });
  it('ListObjectsV2 filters by Prefix and pages with MaxKeys and ContinuationToken (API_ListObjectsV2.html)', async () => {
    const { admin } = testAccount();
    await admin('s3', 'CreateBucket', { Bucket: 'photos' });
    for (const k of ['img/3.jpg', 'img/1.jpg', 'doc/x.pdf', 'img/2.jpg']) await admin('s3', 'PutObject', { Bucket: 'photos', Key: k, Body: k });
    const p1 = await admin<{ Contents: { Key: string }[]; IsTruncated: boolean; NextContinuationToken: string; KeyCount: number }>('s3', 'ListObjectsV2', { Bucket: 'photos', Prefix: 'img/', MaxKeys: 2 });
    expect(p1.Contents.map((c) => c.Key)).toEqual(['img/1.jpg', 'img/2.jpg']);
    expect(p1.IsTruncated).toBe(true);
    const p2 = await admin<{ Contents: { Key: string }[]; IsTruncated: boolean }>('s3', 'ListObjectsV2', { Bucket: 'photos', Prefix: 'img/', MaxKeys: 2, ContinuationToken: p1.NextContinuationToken });
    expect(p2.Contents.map((c) => c.Key)).toEqual(['img/3.jpg']);
    expect(p2.IsTruncated).toBe(false);
  });
  it('DeleteObject succeeds for missing keys; CopyObject copies body and metadata (API_DeleteObject.html, API_CopyObject.html)', async () => {
    const { admin } = testAccount();
    await admin('s3', 'CreateBucket', { Bucket: 'photos' });
    await admin('s3', 'DeleteObject', { Bucket: 'photos', Key: 'never' });
    await admin('s3', 'PutObject', { Bucket: 'photos', Key: 'a', Body: 'A', Metadata: { x: '1' } });
    await admin('s3', 'CopyObject', { Bucket: 'photos', Key: 'b', CopySource: 'photos/a' });
    const b = await admin<{ Body: Buffer; Metadata: unknown }>('s3', 'GetObject', { Bucket: 'photos', Key: 'b' });
    expect([b.Body.toString(), b.Metadata]).toEqual(['A', { x: '1' }]);
  });
  it('notifications filter by prefix and suffix; Lambda targets go on the feed with the S3 event record (notification-how-to-filtering.html, notification-content-structure.html)', async () => {
    const { account, admin } = testAccount();
    const events: AccountEvent[] = [];
    account.onEvent((e) => events.push(e));
    await admin('s3', 'CreateBucket', { Bucket: 'uploads' });
    await admin('sqs', 'CreateQueue', { QueueName: 'uploads-q' });
    await admin('s3', 'PutBucketNotificationConfiguration', {
      Bucket: 'uploads',
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [{ Id: 'thumb', LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:thumbnail', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'images/' }, { Name: 'suffix', Value: '.jpg' }] } } }],
        QueueConfigurations: [{ QueueArn: 'arn:aws:sqs:us-east-1:123456789012:uploads-q', Events: ['s3:ObjectRemoved:*'] }],
      },
    });
    await admin('s3', 'PutObject', { Bucket: 'uploads', Key: 'images/red flower.jpg', Body: 'x' });
    await admin('s3', 'PutObject', { Bucket: 'uploads', Key: 'images/a.png', Body: 'x' });
    await admin('s3', 'DeleteObject', { Bucket: 'uploads', Key: 'images/a.png' });
    const s3Events = events.filter((e) => e.kind.startsWith('s3:'));
    expect(s3Events.map((e) => e.kind)).toEqual(['s3:ObjectCreated:Put', 's3:ObjectCreated:Put', 's3:ObjectRemoved:Delete']);
    const first = s3Events[0]!.detail as { lambdaTargets: { functionName: string; payload: { Records: { eventName: string; s3: { object: { key: string; size: number } } }[] } }[] };
    expect(first.lambdaTargets).toHaveLength(1);
    expect(first.lambdaTargets[0]!.functionName).toBe('thumbnail');
    expect(first.lambdaTargets[0]!.payload.Records[0]!.eventName).toBe('ObjectCreated:Put');
    expect(first.lambdaTargets[0]!.payload.Records[0]!.s3.object).toMatchObject({ key: 'images/red+flower.jpg', size: 1 });
    expect((s3Events[1]!.detail as { lambdaTargets: unknown[] }).lambdaTargets).toHaveLength(0);
    const q = account.snapshot().queues[0]!;
    expect(q.visible).toBe(1);
    expect(JSON.parse(q.messages[0]!.body).Records[0].eventName).toBe('ObjectRemoved:Delete');
  });
  it('an unsimulated operation fails with a message naming it', async () => {
    const { admin } = testAccount();
    const e = await rejection(admin('s3', 'SelectObjectContent', {}));
    expect(e.message).toMatch(/^Coldstart does not simulate S3 SelectObjectContent yet; see/);
  });
});
