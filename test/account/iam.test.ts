import { describe, expect, it } from 'vitest';
import { evaluatePolicy, validatePolicy } from '../../sandbox/account/iam/policy-evaluator.ts';
import { callerWith, rejection, testAccount } from './helpers.ts';

// Policy evaluation logic: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
describe('IAM policy evaluation (reference_policies_evaluation-logic.html)', () => {
  const obj = 'arn:aws:s3:::photos/a.jpg';
  it('denies by default when no statement matches', () => {
    expect(evaluatePolicy({ Statement: [] }, 's3:GetObject', obj)).toBe('implicit-deny');
  });
  it('allows with a matching Allow; actions match case-insensitively (reference_policies_elements_action.html)', () => {
    expect(evaluatePolicy({ Statement: { Effect: 'Allow', Action: 'S3:getobject', Resource: obj } }, 's3:GetObject', obj)).toBe('allow');
  });
  it('supports * and ? wildcards in actions and resources, and arrays', () => {
    const policy = { Statement: [{ Effect: 'Allow' as const, Action: ['s3:Get*', 'dynamodb:?etItem'], Resource: ['arn:aws:s3:::photos/*', 'arn:aws:dynamodb:us-east-1:123456789012:table/*'] }] };
    expect(evaluatePolicy(policy, 's3:GetObject', obj)).toBe('allow');
    expect(evaluatePolicy(policy, 'dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:123456789012:table/T')).toBe('allow');
    expect(evaluatePolicy(policy, 's3:PutObject', obj)).toBe('implicit-deny');
    expect(evaluatePolicy(policy, 's3:GetObject', 'arn:aws:s3:::other/a.jpg')).toBe('implicit-deny');
  });
  it('resources match case-sensitively (reference_policies_elements_resource.html)', () => {
    expect(evaluatePolicy({ Statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::Photos/*' } }, 's3:GetObject', obj)).toBe('implicit-deny');
  });
  it('an explicit Deny overrides any Allow', () => {
    const policy = { Statement: [{ Effect: 'Allow' as const, Action: '*', Resource: '*' }, { Effect: 'Deny' as const, Action: 's3:DeleteObject', Resource: '*' }] };
    expect(evaluatePolicy(policy, 's3:DeleteObject', obj)).toBe('explicit-deny');
    expect(evaluatePolicy(policy, 's3:GetObject', obj)).toBe('allow');
  });
  it('NotAction matches every other action (reference_policies_elements_notaction.html)', () => {
    expect(evaluatePolicy({ Statement: { Effect: 'Allow', NotAction: 's3:Delete*', Resource: '*' } }, 's3:PutObject', obj)).toBe('allow');
    expect(evaluatePolicy({ Statement: { Effect: 'Allow', NotAction: 's3:Delete*', Resource: '*' } }, 's3:DeleteObject', obj)).toBe('implicit-deny');
  });
  it('validatePolicy reports what IAM would reject', () => {
    expect(validatePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] })).toEqual(['Statement[0] needs exactly one of Resource or NotResource.']);
  });
});

// Message wording: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
describe('AccessDenied messages (troubleshoot_access-denied.html)', () => {
  it('names the assumed role session, action and resource when no policy allows the call', async () => {
    const { account, admin } = testAccount();
    await admin('dynamodb', 'CreateTable', { TableName: 'Orders', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] });
    const caller = callerWith([{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders' }], 'orders-reader', 'get-order');
    const e = await rejection(account.call('dynamodb', 'PutItem', { TableName: 'Orders', Item: { id: { S: '1' } } }, caller));
    expect(e.name).toBe('AccessDeniedException');
    expect(e.message).toBe('User: arn:aws:sts::123456789012:assumed-role/orders-reader/get-order is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders because no identity-based policy allows the dynamodb:PutItem action');
    expect(e.$metadata.httpStatusCode).toBe(400);
  });
  it('says "with an explicit deny in an identity-based policy" when a Deny matched', async () => {
    const { account, admin } = testAccount();
    await admin('sqs', 'CreateQueue', { QueueName: 'jobs' });
    const caller = callerWith([{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }, { Effect: 'Deny', Action: 'sqs:PurgeQueue', Resource: '*' }], 'worker', 'purger');
    const e = await rejection(account.call('sqs', 'PurgeQueue', { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs' }, caller));
    expect(e.message).toBe('User: arn:aws:sts::123456789012:assumed-role/worker/purger is not authorized to perform: sqs:PurgeQueue on resource: arn:aws:sqs:us-east-1:123456789012:jobs with an explicit deny in an identity-based policy');
  });
  it('S3 refuses with its own AccessDenied code and HTTP 403 (AmazonS3/latest/API/ErrorResponses.html)', async () => {
    const { account, admin } = testAccount();
    await admin('s3', 'CreateBucket', { Bucket: 'private-bucket' });
    const e = await rejection(account.call('s3', 'GetObject', { Bucket: 'private-bucket', Key: 'k' }, callerWith([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::photos/*' }])));
    expect(e.name).toBe('AccessDenied');
    expect(e.$metadata.httpStatusCode).toBe(403);
    expect(e.message).toContain('s3:GetObject on resource: arn:aws:s3:::private-bucket/k because no identity-based policy allows the s3:GetObject action');
  });
});
