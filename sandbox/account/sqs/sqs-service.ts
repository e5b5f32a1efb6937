/**
 * The simulated SQS API (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_Operations.html):
 * standard and FIFO queues, delays, visibility timeouts on the virtual clock, receive counts,
 * redrive to a dead-letter queue after maxReceiveCount
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html),
 * FIFO message groups and 5-minute deduplication
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-exactly-once-processing.html).
 */
import { createHash, randomUUID } from 'node:crypto';
import { ACCOUNT_ID } from '../account-types.ts';
import { queueArn, queueUrl } from '../arn.ts';
import { chainTraceHeader } from '../chain.ts';
import { asRecord, awsError, optionalInt, optionalString, requireString } from '../errors.ts';
import { md5Hex, md5OfMessageAttributes } from '../../events/sqs-md5.ts';
import type { OpContext, OperationTable } from '../service-types.ts';
import { redrivePolicy, type Queue, type SqsMessage, type SqsStore } from './queue-store.ts';

const DEDUP_INTERVAL_MS = 5 * 60_000;
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULTS: Record<string, string> = { VisibilityTimeout: '30', DelaySeconds: '0', MessageRetentionPeriod: '345600', MaximumMessageSize: '1048576', ReceiveMessageWaitTimeSeconds: '0' };

const noQueue = () => awsError('QueueDoesNotExist', 'The specified queue does not exist.', 400);
const invalid = (message: string) => awsError('InvalidParameterValue', message, 400);

function queueNameFromUrl(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

export function queueOf(store: SqsStore, input: Record<string, unknown>): Queue {
  const q = store.queues.get(queueNameFromUrl(requireString(input, 'QueueUrl')));
  if (!q) throw noQueue();
  return q;
}

const perm = (action: string) => (input: Record<string, unknown>) => [{ action, resource: queueArn(queueNameFromUrl(String(input.QueueUrl ?? input.QueueName ?? ''))) }];

function checkAttributes(attrs: Record<string, string>): void {
  const vt = Number(attrs.VisibilityTimeout);
  if (!(vt >= 0 && vt <= 43200)) throw awsError('InvalidAttributeValue', `Invalid value for the parameter VisibilityTimeout.`, 400);
  const delay = Number(attrs.DelaySeconds);
  if (!(delay >= 0 && delay <= 900)) throw awsError('InvalidAttributeValue', `Invalid value for the parameter DelaySeconds.`, 400);
  if (attrs.RedrivePolicy !== undefined) {
    try {
      const p = JSON.parse(attrs.RedrivePolicy) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
      if (typeof p.deadLetterTargetArn !== 'string' || !(Number(p.maxReceiveCount) >= 1 && Number(p.maxReceiveCount) <= 1000)) throw new Error('bad');
    } catch {
      throw awsError('InvalidAttributeValue', 'Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.', 400);
    }
  }
}

function stringAttributes(raw: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(asRecord(raw)).map(([k, v]) => [k, String(v)]));
}

/** The SQS state engine, shared by the operations and by fan-out from SNS, S3 and EventBridge. */
export class SqsEngine {
  readonly store: SqsStore;
  constructor(store: SqsStore) {
    this.store = store;
  }

  /** Drop messages older than the retention period. */
  expire(q: Queue, now: number): void {
    const retention = Number(q.attributes.MessageRetentionPeriod) * 1000;
    if (q.messages.some((m) => now - m.sentAt > retention)) q.messages = q.messages.filter((m) => now - m.sentAt <= retention);
  }

  /** Enqueue one message; returns the message (or the earlier one a FIFO dedup id matched). */
  send(ctx: OpContext, q: Queue, entry: Record<string, unknown>): SqsMessage {
    const body = typeof entry.MessageBody === 'string' ? entry.MessageBody : undefined;
    if (body === undefined || body === '') throw awsError('MissingParameter', 'The request must contain the parameter MessageBody.', 400);
    if (Buffer.byteLength(body) > Number(q.attributes.MaximumMessageSize ?? MAX_BODY_BYTES)) throw invalid(`One or more parameters are invalid. Reason: Message must be shorter than ${q.attributes.MaximumMessageSize ?? MAX_BODY_BYTES} bytes.`);
    // eslint-disable-next-line no-control-regex
    if (/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]/.test(body)) throw invalid('Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF');
    const delayIn = optionalInt(entry, 'DelaySeconds');
    const groupId = optionalString(entry, 'MessageGroupId');
    let dedupId = optionalString(entry, 'MessageDeduplicationId');
    if (q.fifo) {
      if (!groupId) throw awsError('MissingParameter', 'The request must contain the parameter MessageGroupId.', 400);
      if (delayIn !== undefined && delayIn !== 0) throw invalid('Value ' + delayIn + ' for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.');
      if (!dedupId) {
        if (q.attributes.ContentBasedDeduplication !== 'true') throw invalid('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
        dedupId = createHash('sha256').update(body).digest('hex');
      }
      const seen = q.dedup.get(dedupId);
      if (seen && ctx.now - seen[0] < DEDUP_INTERVAL_MS) {
        const earlier = q.messages.find((m) => m.messageId === seen[1]);
        if (earlier) return earlier;
        return { messageId: seen[1], body, md5OfBody: md5Hex(body), messageAttributes: {}, sentAt: seen[0], visibleAt: 0, receiveCount: 0, senderId: '' };
      }
    } else if (delayIn !== undefined && (delayIn < 0 || delayIn > 900)) throw invalid(`Value ${delayIn} for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.`);
    const messageAttributes = asRecord(entry.MessageAttributes) as SqsMessage['messageAttributes'];
    const stringAttrs = Object.fromEntries(Object.entries(messageAttributes).filter(([, a]) => a?.StringValue !== undefined).map(([k, a]) => [k, { dataType: a.DataType as 'String' | 'Number', stringValue: String(a.StringValue) }]));
    const delay = (delayIn ?? Number(q.attributes.DelaySeconds)) * 1000;
    const msg: SqsMessage = {
      messageId: randomUUID(),
      body,
      md5OfBody: md5Hex(body),
      messageAttributes: structuredClone(messageAttributes),
      sentAt: ctx.now,
      visibleAt: ctx.now + delay,
      receiveCount: 0,
      senderId: `AROA${ACCOUNT_ID}:${ctx.caller.functionName}`,
      chain: ctx.chain,
    };
    if (Object.keys(stringAttrs).length) msg.md5OfMessageAttributes = md5OfMessageAttributes(stringAttrs);
    if (q.fifo) {
      q.sequence += 1;
      msg.groupId = groupId;
      msg.dedupId = dedupId;
      msg.sequenceNumber = String(q.sequence).padStart(20, '1');
      q.dedup.set(dedupId!, [ctx.now, msg.messageId]);
    }
    q.messages.push(msg);
    this.announce(ctx, q, msg);
    return msg;
  }

  private announce(ctx: OpContext, q: Queue, msg: SqsMessage): void {
    ctx.emit({ kind: 'sqs:message', at: ctx.now, resource: q.arn, chain: msg.chain, detail: { queueUrl: q.url, queueName: q.name, messageId: msg.messageId, visibleAt: msg.visibleAt } });
  }

  /** Move messages received maxReceiveCount times to the dead-letter queue (at receive time, as SQS does). */
  private redrive(ctx: OpContext, q: Queue): void {
    const policy = redrivePolicy(q);
    if (!policy) return;
    const dlq = [...this.store.queues.values()].find((x) => x.arn === policy.deadLetterTargetArn);
    if (!dlq) return;
    const moving = q.messages.filter((m) => m.visibleAt <= ctx.now && m.receiveCount >= policy.maxReceiveCount);
    if (!moving.length) return;
    q.messages = q.messages.filter((m) => !moving.includes(m));
    for (const m of moving) {
      const moved: SqsMessage = { ...m, receiveCount: 0, visibleAt: ctx.now, receiptHandle: undefined, firstReceiveAt: undefined };
      dlq.messages.push(moved);
      this.announce({ ...ctx, chain: m.chain }, dlq, moved);
    }
  }

  receive(ctx: OpContext, q: Queue, input: Record<string, unknown>): Record<string, unknown>[] {
    const max = optionalInt(input, 'MaxNumberOfMessages') ?? 1;
    if (max < 1 || max > 10) throw invalid(`Value ${max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`);
    const vt = optionalInt(input, 'VisibilityTimeout') ?? Number(q.attributes.VisibilityTimeout);
    this.expire(q, ctx.now);
    this.redrive(ctx, q);
    const blockedGroups = new Set(q.fifo ? q.messages.filter((m) => m.receiptHandle && m.visibleAt > ctx.now).map((m) => m.groupId) : []);
    const picked: SqsMessage[] = [];
    for (const m of q.messages) {
      if (picked.length >= max) break;
      if (m.visibleAt > ctx.now) {
        if (q.fifo && m.receiptHandle) blockedGroups.add(m.groupId);
        continue;
      }
      if (q.fifo && blockedGroups.has(m.groupId) && !picked.some((p) => p.groupId === m.groupId)) continue;
      picked.push(m);
    }
    const names = new Set([...(Array.isArray(input.AttributeNames) ? input.AttributeNames : []), ...(Array.isArray(input.MessageSystemAttributeNames) ? input.MessageSystemAttributeNames : [])].map(String));
    const wantAll = names.has('All');
    const attrNames = new Set((Array.isArray(input.MessageAttributeNames) ? input.MessageAttributeNames : []).map(String));
    return picked.map((m) => {
      m.receiveCount += 1;
      m.firstReceiveAt ??= ctx.now;
      m.visibleAt = ctx.now + vt * 1000;
      if (m.receiptHandle) this.store.handles.delete(m.receiptHandle);
      m.receiptHandle = Buffer.from(`${q.name} ${m.messageId} ${randomUUID()}`).toString('base64');
      this.store.handles.set(m.receiptHandle, [q.name, m.messageId]);
      const system: Record<string, string> = {
        SenderId: m.senderId,
        SentTimestamp: String(Math.floor(m.sentAt)),
        ApproximateReceiveCount: String(m.receiveCount),
        ApproximateFirstReceiveTimestamp: String(Math.floor(m.firstReceiveAt)),
      };
      if (m.chain) system.AWSTraceHeader = chainTraceHeader(m.chain);
      if (m.groupId) {
        system.MessageGroupId = m.groupId;
        system.MessageDeduplicationId = m.dedupId ?? '';
        system.SequenceNumber = m.sequenceNumber ?? '';
      }
      const attributes = Object.fromEntries(Object.entries(system).filter(([k]) => wantAll || names.has(k)));
      const out: Record<string, unknown> = { MessageId: m.messageId, ReceiptHandle: m.receiptHandle, MD5OfBody: m.md5OfBody, Body: m.body };
      if (Object.keys(attributes).length) out.Attributes = attributes;
      const msgAttrs = Object.fromEntries(Object.entries(m.messageAttributes).filter(([k]) => attrNames.has('All') || attrNames.has('.*') || attrNames.has(k)));
      if (Object.keys(msgAttrs).length) {
        out.MessageAttributes = structuredClone(msgAttrs);
        if (m.md5OfMessageAttributes) out.MD5OfMessageAttributes = m.md5OfMessageAttributes;
      }
      return out;
    });
  }

  /** Find the in-queue message of a receipt handle. */
  byHandle(q: Queue, handle: string): SqsMessage | undefined {
    const ref = this.store.handles.get(handle);
    if (!ref || ref[0] !== q.name) {
      if (!/^[A-Za-z0-9+/=]+$/.test(handle) || !Buffer.from(handle, 'base64').toString().startsWith(`${q.name} `)) throw awsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`, 400);
      return undefined;
    }
    return q.messages.find((m) => m.messageId === ref[1]);
  }

  delete(q: Queue, handle: string): void {
    const m = this.byHandle(q, handle);
    this.store.handles.delete(handle);
    if (m) q.messages = q.messages.filter((x) => x !== m);
  }

  counts(q: Queue, now: number): { visible: number; inFlight: number; delayed: number } {
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const m of q.messages) {
      if (m.visibleAt <= now) visible++;
      else if (m.receiptHandle) inFlight++;
      else delayed++;
    }
    return { visible, inFlight, delayed };
  }
}

export function sqsOperations(engine: SqsEngine): OperationTable {
  const { store } = engine;
  const batch = (input: Record<string, unknown>, fn: (entry: Record<string, unknown>) => Record<string, unknown>) => {
    const entries = Array.isArray(input.Entries) ? (input.Entries as Record<string, unknown>[]) : [];
    if (!entries.length) throw awsError('EmptyBatchRequest', 'There should be at least one SendMessageBatchRequestEntry in the request.', 400);
    if (entries.length > 10) throw awsError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are 10. You have sent ${entries.length}.`, 400);
    const ids = entries.map((e) => String(e.Id));
    if (new Set(ids).size !== ids.length) throw awsError('BatchEntryIdsNotDistinct', 'Id ' + ids.find((id, i) => ids.indexOf(id) !== i) + ' repeated.', 400);
    const Successful: Record<string, unknown>[] = [];
    const Failed: Record<string, unknown>[] = [];
    for (const e of entries) {
      try {
        Successful.push({ Id: e.Id, ...fn(e) });
      } catch (err) {
        const x = err as { name?: string; message?: string };
        Failed.push({ Id: e.Id, SenderFault: true, Code: x.name, Message: x.message });
      }
    }
    return { Successful, Failed };
  };
  const sendOutput = (m: SqsMessage) => ({ MessageId: m.messageId, MD5OfMessageBody: m.md5OfBody, ...(m.md5OfMessageAttributes ? { MD5OfMessageAttributes: m.md5OfMessageAttributes } : {}), ...(m.sequenceNumber ? { SequenceNumber: m.sequenceNumber } : {}) });
  return {
    CreateQueue: {
      permissions: (input) => [{ action: 'sqs:CreateQueue', resource: queueArn(String(input.QueueName ?? '')) }],
      run(input, ctx) {
        const name = requireString(input, 'QueueName', 'InvalidParameterValue');
        const attrs = stringAttributes(input.Attributes);
        const fifo = name.endsWith('.fifo');
        if (!/^[A-Za-z0-9_-]{1,80}$/.test(fifo ? name.slice(0, -5) : name) || name.length > 80) throw invalid("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        if (attrs.FifoQueue === 'true' && !fifo) throw invalid('The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.');
        const merged = { ...DEFAULTS, ...attrs, ...(fifo ? { FifoQueue: 'true' } : {}) };
        checkAttributes(merged);
        const existing = store.queues.get(name);
        if (existing) {
          for (const [k, v] of Object.entries(attrs)) if (existing.attributes[k] !== v) throw awsError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${k}`, 400);
          return { QueueUrl: existing.url };
        }
        store.queues.set(name, { name, url: queueUrl(name), arn: queueArn(name), fifo, createdAt: ctx.now, attributes: merged, messages: [], dedup: new Map(), sequence: 0 });
        return { QueueUrl: queueUrl(name) };
      },
    },
    GetQueueUrl: {
      permissions: (input) => [{ action: 'sqs:GetQueueUrl', resource: queueArn(String(input.QueueName ?? '')) }],
      run(input) {
        const q = store.queues.get(requireString(input, 'QueueName'));
        if (!q) throw noQueue();
        return { QueueUrl: q.url };
      },
    },
    ListQueues: {
      permissions: () => [{ action: 'sqs:ListQueues', resource: '*' }],
      run(input) {
        const prefix = optionalString(input, 'QueueNamePrefix') ?? '';
        return { QueueUrls: [...store.queues.values()].filter((q) => q.name.startsWith(prefix)).map((q) => q.url) };
      },
    },
    DeleteQueue: {
      permissions: perm('sqs:DeleteQueue'),
      run(input) {
        store.queues.delete(queueOf(store, input).name);
        return {};
      },
    },
    PurgeQueue: {
      permissions: perm('sqs:PurgeQueue'),
      run(input) {
        queueOf(store, input).messages = [];
        return {};
      },
    },
    GetQueueAttributes: {
      permissions: perm('sqs:GetQueueAttributes'),
      run(input, ctx) {
        const q = queueOf(store, input);
        engine.expire(q, ctx.now);
        const c = engine.counts(q, ctx.now);
        const all: Record<string, string> = {
          ...q.attributes,
          QueueArn: q.arn,
          ApproximateNumberOfMessages: String(c.visible),
          ApproximateNumberOfMessagesNotVisible: String(c.inFlight),
          ApproximateNumberOfMessagesDelayed: String(c.delayed),
          CreatedTimestamp: String(Math.floor(q.createdAt / 1000)),
          LastModifiedTimestamp: String(Math.floor(q.createdAt / 1000)),
        };
        const names = (Array.isArray(input.AttributeNames) ? input.AttributeNames : []).map(String);
        const Attributes = names.includes('All') ? all : Object.fromEntries(names.filter((n) => all[n] !== undefined).map((n) => [n, all[n]!]));
        return { Attributes };
      },
    },
    SetQueueAttributes: {
      permissions: perm('sqs:SetQueueAttributes'),
      run(input) {
        const q = queueOf(store, input);
        const merged = { ...q.attributes, ...stringAttributes(input.Attributes) };
        checkAttributes(merged);
        q.attributes = merged;
        return {};
      },
    },
    SendMessage: {
      permissions: perm('sqs:SendMessage'),
      run: (input, ctx) => sendOutput(engine.send(ctx, queueOf(store, input), input)),
    },
    SendMessageBatch: {
      permissions: perm('sqs:SendMessage'),
      run(input, ctx) {
        const q = queueOf(store, input);
        return batch(input, (e) => sendOutput(engine.send(ctx, q, e)));
      },
    },
    ReceiveMessage: {
      permissions: perm('sqs:ReceiveMessage'),
      run(input, ctx) {
        const messages = engine.receive(ctx, queueOf(store, input), input);
        return messages.length ? { Messages: messages } : {};
      },
    },
    DeleteMessage: {
      permissions: perm('sqs:DeleteMessage'),
      run(input) {
        engine.delete(queueOf(store, input), requireString(input, 'ReceiptHandle', 'MissingParameter'));
        return {};
      },
    },
    DeleteMessageBatch: {
      permissions: perm('sqs:DeleteMessage'),
      run(input) {
        const q = queueOf(store, input);
        return batch(input, (e) => {
          engine.delete(q, requireString(e, 'ReceiptHandle', 'MissingParameter'));
          return {};
        });
      },
    },
    ChangeMessageVisibility: {
      permissions: perm('sqs:ChangeMessageVisibility'),
      run(input, ctx) {
        const q = queueOf(store, input);
        const vt = optionalInt(input, 'VisibilityTimeout');
        if (vt === undefined || vt < 0 || vt > 43200) throw invalid(`Value ${String(input.VisibilityTimeout)} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.`);
        const m = engine.byHandle(q, requireString(input, 'ReceiptHandle', 'MissingParameter'));
        if (!m || m.visibleAt <= ctx.now) throw awsError('MessageNotInflight', 'Message does not exist or is not available for visibility timeout change.', 400);
        m.visibleAt = ctx.now + vt * 1000;
        return {};
      },
    },
  };
}
