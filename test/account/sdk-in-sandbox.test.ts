/**
 * The simulated AWS SDK v3 inside real handlers, through EnvironmentPool with an account attached
 * (https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/, lib-dynamodb:
 * https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/dynamodb-example-dynamodb-utilities.html).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../sandbox/account/account-types.ts';
import type { FunctionConfig, InvocationRecord } from '../../sandbox/invocation/record.ts';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import { ADMIN_CALLER, callerWith, testAccount, type TestAccount } from './helpers.ts';

const pool = new EnvironmentPool();
afterAll(() => pool.dispose());
const config: FunctionConfig = { functionName: 'thumbnail', handler: 'index.handler', runtime: 'nodejs24.x', architecture: 'x86_64', memorySizeMB: 128, timeoutSeconds: 3, environment: {} };
let n = 0;

function invoke(t: TestAccount | undefined, code: string, caller: Caller = ADMIN_CALLER, file = 'index.mjs'): Promise<InvocationRecord> {
  return pool.invoke({ key: `sdk-${++n}`, config, files: [{ path: file, code }], eventJson: '{}', ...(t ? { account: { account: t.account, caller } } : {}) });
}

function result(r: InvocationRecord): unknown {
  if (!r.ok) throw new Error(`${r.error.errorType}: ${r.error.errorMessage}`);
  return JSON.parse(r.result);
}

describe('AWS SDK v3 in the sandbox', () => {
  it('puts an object and reads it back with transformToString (API_GetObject.html)', async () => {
    const t = testAccount();
    await t.admin('s3', 'CreateBucket', { Bucket: 'photos' });
    const r = await invoke(t, `
      import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
      const s3 = new S3Client({});
      export const handler = async () => {
        await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'a.txt', Body: 'héllo', ContentType: 'text/plain', Metadata: { by: 'me' } }));
        await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'b.bin', Body: new Uint8Array([0, 1, 255]) }));
        const a = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'a.txt' }));
        const b = await s3.send(new GetObjectCommand({ Bucket: 'photos', Key: 'b.bin' }));
        return { text: await a.Body.transformToString(), type: a.ContentType, meta: a.Metadata, bytes: Array.from(await b.Body.transformToByteArray()), status: a.$metadata.httpStatusCode, date: a.LastModified instanceof Date };
      };`);
    expect(result(r)).toEqual({ text: 'héllo', type: 'text/plain', meta: { by: 'me' }, bytes: [0, 1, 255], status: 200, date: true });
    expect(t.account.snapshot().buckets[0]!.objects.map((o) => o.key)).toEqual(['a.txt', 'b.bin']);
  });

  it('DynamoDBDocumentClient put/get/query marshal plain JavaScript values (lib-dynamodb)', async () => {
    const t = testAccount();
    await t.admin('dynamodb', 'CreateTable', { TableName: 'Notes', KeySchema: [{ AttributeName: 'user', KeyType: 'HASH' }, { AttributeName: 'at', KeyType: 'RANGE' }], AttributeDefinitions: [{ AttributeName: 'user', AttributeType: 'S' }, { AttributeName: 'at', AttributeType: 'N' }] });
    const r = await invoke(t, `
      const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
      const { DynamoDBDocumentClient, PutCommand, GetCommand, QueryCommand } = require('@aws-sdk/lib-dynamodb');
      const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
      exports.handler = async () => {
        for (const at of [3, 1, 2]) await doc.send(new PutCommand({ TableName: 'Notes', Item: { user: 'kim', at, text: 'n' + at, tags: new Set(['a']), meta: { ok: true } } }));
        const got = await doc.send(new GetCommand({ TableName: 'Notes', Key: { user: 'kim', at: 2 } }));
        const q = await doc.send(new QueryCommand({ TableName: 'Notes', KeyConditionExpression: '#u = :u AND #at >= :from', ExpressionAttributeNames: { '#u': 'user', '#at': 'at' }, ExpressionAttributeValues: { ':u': 'kim', ':from': 2 } }));
        return { got: { ...got.Item, tags: [...got.Item.tags] }, q: q.Items.map((i) => i.text), count: q.Count };
      };`, ADMIN_CALLER, 'index.js');
    expect(result(r)).toEqual({ got: { user: 'kim', at: 2, text: 'n2', tags: ['a'], meta: { ok: true } }, q: ['n2', 'n3'], count: 2 });
    expect(t.account.snapshot().tables[0]!.items[0]).toMatchObject({ user: 'kim', text: 'n3', tags: ['a'] });
  });

  it('SQS send/receive/delete with the visibility timeout on the virtual clock (sqs-visibility-timeout.html)', async () => {
    const t = testAccount();
    await t.admin('sqs', 'CreateQueue', { QueueName: 'jobs', Attributes: { VisibilityTimeout: '1' } });
    const r = await invoke(t, `
      import { SQSClient, SendMessageCommand, ReceiveMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';
      const sqs = new SQSClient({});
      const QueueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs';
      const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
      export const handler = async () => {
        await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'job-1' }));
        const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
        const hidden = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
        await sleep(1100);
        const back = await sqs.send(new ReceiveMessageCommand({ QueueUrl, AttributeNames: ['ApproximateReceiveCount'] }));
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: back.Messages[0].ReceiptHandle }));
        await sleep(1100);
        const gone = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
        return { first: first.Messages[0].Body, hidden: hidden.Messages === undefined, count: back.Messages[0].Attributes.ApproximateReceiveCount, gone: gone.Messages === undefined };
      };`);
    expect(result(r)).toEqual({ first: 'job-1', hidden: true, count: '2', gone: true });
    expect(t.account.snapshot().queues[0]!.messages).toEqual([]);
  });

  it('a least-privilege role is refused GetObject on another bucket with AccessDenied naming role, action and resource (troubleshoot_access-denied.html)', async () => {
    const t = testAccount();
    await t.admin('s3', 'CreateBucket', { Bucket: 'uploads' });
    await t.admin('s3', 'CreateBucket', { Bucket: 'payroll' });
    const caller = callerWith([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::uploads/*' }], 'thumbnail-role', 'thumbnail');
    const r = await invoke(t, `
      import { S3Client, GetObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
      export const handler = async () => {
        await new S3Client({}).send(new GetObjectCommand({ Bucket: 'payroll', Key: 'salaries.csv' }));
      };`, caller);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.errorType).toBe('AccessDenied');
    expect(r.error.errorMessage).toBe('User: arn:aws:sts::123456789012:assumed-role/thumbnail-role/thumbnail is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::payroll/salaries.csv because no identity-based policy allows the s3:GetObject action');
  });

  it('errors are instances with name, message and $metadata.httpStatusCode', async () => {
    const t = testAccount();
    await t.admin('dynamodb', 'CreateTable', { TableName: 'Users', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] });
    const r = await invoke(t, `
      import { DynamoDBClient, PutItemCommand, ConditionalCheckFailedException, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
      const db = new DynamoDBClient({});
      export const handler = async () => {
        const put = () => db.send(new PutItemCommand({ TableName: 'Users', Item: { id: { S: 'u1' } }, ConditionExpression: 'attribute_not_exists(id)' }));
        await put();
        try { await put(); } catch (e) {
          return { name: e.name, message: e.message, status: e.$metadata.httpStatusCode, cls: e instanceof ConditionalCheckFailedException, base: e instanceof DynamoDBServiceException, err: e instanceof Error };
        }
      };`);
    expect(result(r)).toEqual({ name: 'ConditionalCheckFailedException', message: 'The conditional request failed', status: 400, cls: true, base: true, err: true });
  });

  it('an operation that is not simulated rejects with a message naming it', async () => {
    const t = testAccount();
    const r = await invoke(t, `
      const { S3Client, SelectObjectContentCommand } = require('@aws-sdk/client-s3');
      exports.handler = async () => {
        try { await new S3Client({}).send(new SelectObjectContentCommand({ Bucket: 'b', Key: 'k' })); } catch (e) { return e.message; }
      };`, ADMIN_CALLER, 'index.js');
    expect(result(r)).toBe('Coldstart does not simulate S3 SelectObjectContent yet; see what the simulated account supports: sandbox/docs/supported.en.md');
  });

  it('without an attached account, SDK calls fail saying the function is not connected to one', async () => {
    const r = await invoke(undefined, `
      import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
      export const handler = async () => new SNSClient({}).send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: 'x' }));`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.errorMessage).toMatch(/^This function is not connected to a simulated AWS account/);
  });

  it('SDK latency appears in the report Duration (sandbox/account/latency.ts)', async () => {
    const t = testAccount();
    await t.admin('sqs', 'CreateQueue', { QueueName: 'q' });
    const code = (calls: number) => `
      import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
      const sqs = new SQSClient({});
      export const handler = async () => {
        for (let i = 0; i < ${calls}; i++) await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q', MessageBody: 'm' }));
        return 'ok';
      };`;
    const none = await invoke(t, code(0));
    const ten = await invoke(t, code(10));
    const latency = t.account.latencyMs('sqs', 'SendMessage');
    expect(ten.report.durationMs - none.report.durationMs).toBeGreaterThanOrEqual(10 * latency);
    expect(ten.report.durationMs - none.report.durationMs).toBeLessThan(10 * latency + 5);
  });
});
