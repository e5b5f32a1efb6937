import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../sandbox/account/account-types.ts';
import { chainFromTraceHeader } from '../../sandbox/account/chain.ts';
import { callerWith, rejection, testAccount } from './helpers.ts';

const url = (n: string) => `https://sqs.us-east-1.amazonaws.com/123456789012/${n}`;
type Msgs = { Messages?: { Body: string; ReceiptHandle: string; MessageId: string; Attributes?: Record<string, string> }[] };

// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
describe('SQS', () => {
  it('a received message is invisible for the visibility timeout on the virtual clock, then comes back (sqs-visibility-timeout.html)', async () => {
    const { admin, clock } = testAccount();
    await admin('sqs', 'CreateQueue', { QueueName: 'jobs', Attributes: { VisibilityTimeout: '30' } });
    await admin('sqs', 'SendMessage', { QueueUrl: url('jobs'), MessageBody: 'hello' });
    const first = await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('jobs') });
    expect(first.Messages![0]!.Body).toBe('hello');
    expect(await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('jobs') })).toEqual({});
    const attrs = await admin<{ Attributes: Record<string, string> }>('sqs', 'GetQueueAttributes', { QueueUrl: url('jobs'), AttributeNames: ['All'] });
    expect([attrs.Attributes.ApproximateNumberOfMessages, attrs.Attributes.ApproximateNumberOfMessagesNotVisible]).toEqual(['0', '1']);
    clock.now += 30_000;
    const again = await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('jobs'), AttributeNames: ['ApproximateReceiveCount'] });
    expect(again.Messages![0]!.Attributes).toEqual({ ApproximateReceiveCount: '2' });
    await admin('sqs', 'DeleteMessage', { QueueUrl: url('jobs'), ReceiptHandle: again.Messages![0]!.ReceiptHandle });
    clock.now += 60_000;
    expect(await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('jobs') })).toEqual({});
  });
  it('ChangeMessageVisibility extends the timeout; a missing queue is QueueDoesNotExist (API_ChangeMessageVisibility.html)', async () => {
    const { admin, clock } = testAccount();
    await admin('sqs', 'CreateQueue', { QueueName: 'jobs' });
    await admin('sqs', 'SendMessage', { QueueUrl: url('jobs'), MessageBody: 'x' });
    const m = (await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('jobs') })).Messages![0]!;
    await admin('sqs', 'ChangeMessageVisibility', { QueueUrl: url('jobs'), ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 120 });
    clock.now += 60_000;
    expect(await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('jobs') })).toEqual({});
    const e = await rejection(admin('sqs', 'SendMessage', { QueueUrl: url('nope'), MessageBody: 'x' }));
    expect([e.name, e.message]).toEqual(['QueueDoesNotExist', 'The specified queue does not exist.']);
  });
  it('redrives to the dead-letter queue after maxReceiveCount receives (sqs-dead-letter-queues.html)', async () => {
    const { admin, account, clock } = testAccount();
    await admin('sqs', 'CreateQueue', { QueueName: 'jobs-dlq' });
    await admin('sqs', 'CreateQueue', { QueueName: 'jobs', Attributes: { VisibilityTimeout: '10', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:jobs-dlq', maxReceiveCount: 2 }) } });
    await admin('sqs', 'SendMessage', { QueueUrl: url('jobs'), MessageBody: 'poison' });
    for (let i = 0; i < 2; i++) {
      expect((await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('jobs') })).Messages).toHaveLength(1);
      clock.now += 10_000;
    }
    expect(await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('jobs') })).toEqual({});
    const dlq = account.snapshot().queues.find((q) => q.name === 'jobs-dlq')!;
    expect(dlq.messages.map((m) => m.body)).toEqual(['poison']);
    expect(dlq.deadLetterSourceArns).toEqual(['arn:aws:sqs:us-east-1:123456789012:jobs']);
  });
  it('FIFO queues need MessageGroupId, deduplicate within 5 minutes and keep a group in order (FIFO-queues-exactly-once-processing.html)', async () => {
    const { admin } = testAccount();
    await admin('sqs', 'CreateQueue', { QueueName: 'orders.fifo', Attributes: { ContentBasedDeduplication: 'true' } });
    const e = await rejection(admin('sqs', 'SendMessage', { QueueUrl: url('orders.fifo'), MessageBody: 'a' }));
    expect(e.message).toBe('The request must contain the parameter MessageGroupId.');
    const a = await admin('sqs', 'SendMessage', { QueueUrl: url('orders.fifo'), MessageBody: 'a', MessageGroupId: 'g' });
    const dup = await admin('sqs', 'SendMessage', { QueueUrl: url('orders.fifo'), MessageBody: 'a', MessageGroupId: 'g' });
    expect(dup.MessageId).toBe(a.MessageId);
    await admin('sqs', 'SendMessageBatch', { QueueUrl: url('orders.fifo'), Entries: [{ Id: '1', MessageBody: 'b', MessageGroupId: 'g' }, { Id: '2', MessageBody: 'c', MessageGroupId: 'h' }] });
    const r = await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('orders.fifo'), MaxNumberOfMessages: 10 });
    expect(r.Messages!.map((m) => m.Body)).toEqual(['a', 'b', 'c']);
  });
  it('messages carry the sender chain as AWSTraceHeader (invocation-recursion.html)', async () => {
    const { account, admin } = testAccount();
    await admin('sqs', 'CreateQueue', { QueueName: 'loop' });
    const caller = { ...callerWith([{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }]), chain: { id: 'c-1', depth: 3 } };
    const events: AccountEvent[] = [];
    account.onEvent((e) => events.push(e));
    await account.call('sqs', 'SendMessage', { QueueUrl: url('loop'), MessageBody: 'x' }, caller);
    expect(events[0]).toMatchObject({ kind: 'sqs:message', chain: { id: 'c-1', depth: 3 } });
    const r = await admin<Msgs>('sqs', 'ReceiveMessage', { QueueUrl: url('loop'), MessageSystemAttributeNames: ['AWSTraceHeader'] });
    expect(chainFromTraceHeader(r.Messages![0]!.Attributes!.AWSTraceHeader)).toEqual({ id: 'c-1', depth: 3 });
  });
});

// https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html
describe('SNS', () => {
  it('Publish fans out: SQS gets the JSON envelope, Lambda subscribers go on the feed (sns-message-and-json-formats.html, with-sns.html)', async () => {
    const { account, admin } = testAccount();
    const events: AccountEvent[] = [];
    account.onEvent((e) => events.push(e));
    const { TopicArn } = await admin<{ TopicArn: string }>('sns', 'CreateTopic', { Name: 'orders' });
    await admin('sqs', 'CreateQueue', { QueueName: 'audit' });
    await admin('sns', 'Subscribe', { TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:123456789012:audit' });
    await admin('sns', 'Subscribe', { TopicArn, Protocol: 'lambda', Endpoint: 'arn:aws:lambda:us-east-1:123456789012:function:mailer' });
    const { MessageId } = await admin<{ MessageId: string }>('sns', 'Publish', { TopicArn, Message: 'order 42', Subject: 'New order' });
    const body = JSON.parse(account.snapshot().queues[0]!.messages[0]!.body);
    expect(body).toMatchObject({ Type: 'Notification', MessageId, TopicArn, Subject: 'New order', Message: 'order 42', SignatureVersion: '1' });
    expect(Object.keys(body)).toEqual(['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL']);
    const pub = events.find((e) => e.kind === 'sns:publish')!;
    const target = (pub.detail as { lambdaTargets: { functionName: string; payload: { Records: { EventSource: string; Sns: { Message: string } }[] } }[] }).lambdaTargets[0]!;
    expect(target.functionName).toBe('mailer');
    expect(target.payload.Records[0]).toMatchObject({ EventSource: 'aws:sns', Sns: { Message: 'order 42' } });
    const e = await rejection(admin('sns', 'Publish', { TopicArn: 'arn:aws:sns:us-east-1:123456789012:nope', Message: 'x' }));
    expect([e.name, e.message]).toEqual(['NotFoundException', 'Topic does not exist']);
  });
});

// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html, eb-event-patterns.html
describe('EventBridge', () => {
  it('rate() and cron() schedules fire on the virtual clock through advanceTo (eb-scheduled-rule-pattern.html)', async () => {
    const { account, admin, clock } = testAccount(Date.UTC(2026, 0, 1, 0, 0, 0));
    const fired: string[] = [];
    account.onEvent((e) => {
      if (e.kind === 'events:put') fired.push(`${e.detail.ruleName}@${new Date(e.at).toISOString().slice(11, 16)}`);
    });
    await admin('events', 'PutRule', { Name: 'every5', ScheduleExpression: 'rate(5 minutes)' });
    await admin('events', 'PutRule', { Name: 'at-0012', ScheduleExpression: 'cron(12 0 * * ? *)' });
    await admin('events', 'PutTargets', { Rule: 'every5', Targets: [{ Id: '1', Arn: 'arn:aws:lambda:us-east-1:123456789012:function:tick' }] });
    clock.now += 15 * 60_000;
    account.advanceTo(clock.now);
    expect(fired).toEqual(['every5@00:05', 'every5@00:10', 'at-0012@00:12', 'every5@00:15']);
    expect(account.nextScheduledAt()).toBe(Date.UTC(2026, 0, 1, 0, 20));
    const bad = await rejection(admin('events', 'PutRule', { Name: 'bad', ScheduleExpression: 'cron(0 12 * * * *)' }));
    expect(bad.name).toBe('ValidationException');
  });
  it('PutEvents delivers events matching a rule pattern on source and detail-type (eb-event-patterns.html)', async () => {
    const { account, admin } = testAccount();
    const fired: AccountEvent[] = [];
    account.onEvent((e) => e.kind === 'events:put' && fired.push(e));
    await admin('events', 'PutRule', { Name: 'orders', EventPattern: JSON.stringify({ source: ['shop.orders'], 'detail-type': ['OrderPlaced'], detail: { total: [{ numeric: ['>', 100] }] } }) });
    await admin('events', 'PutTargets', { Rule: 'orders', Targets: [{ Id: 'f', Arn: 'arn:aws:lambda:us-east-1:123456789012:function:big-orders' }] });
    const out = await admin<{ FailedEntryCount: number }>('events', 'PutEvents', {
      Entries: [
        { Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: JSON.stringify({ total: 500 }) },
        { Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: JSON.stringify({ total: 5 }) },
        { Source: 'shop.users', DetailType: 'OrderPlaced', Detail: '{}' },
      ],
    });
    expect(out.FailedEntryCount).toBe(0);
    expect(fired).toHaveLength(1);
    const detail = fired[0]!.detail as { event: Record<string, unknown>; lambdaTargets: { payload: unknown }[] };
    expect(detail.event).toMatchObject({ version: '0', source: 'shop.orders', 'detail-type': 'OrderPlaced', account: '123456789012', region: 'us-east-1', detail: { total: 500 } });
    expect(detail.lambdaTargets[0]!.payload).toBe(detail.event);
  });
});
