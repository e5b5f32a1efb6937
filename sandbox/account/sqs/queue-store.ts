/** The data of the simulated SQS: queues, their attributes and messages. */
import type { ChainRef } from '../account-types.ts';

export interface SqsMessage {
  messageId: string;
  body: string;
  md5OfBody: string;
  messageAttributes: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>;
  md5OfMessageAttributes?: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceiveAt?: number;
  /** Receipt handle of the latest receive (undefined until received). */
  receiptHandle?: string;
  groupId?: string;
  dedupId?: string;
  sequenceNumber?: string;
  chain?: ChainRef;
  senderId: string;
}

export interface Queue {
  name: string;
  url: string;
  arn: string;
  fifo: boolean;
  createdAt: number;
  /** Queue attributes as strings, as SQS keeps them (VisibilityTimeout, DelaySeconds, RedrivePolicy, ...). */
  attributes: Record<string, string>;
  messages: SqsMessage[];
  /** FIFO deduplication: id -> [time, messageId] (5-minute interval). */
  dedup: Map<string, [number, string]>;
  sequence: number;
}

export class SqsStore {
  readonly queues = new Map<string, Queue>();
  /** Receipt handle -> [queue name, message id]. */
  readonly handles = new Map<string, [string, string]>();
}

/** The redrive policy of a queue, parsed. */
export function redrivePolicy(q: Queue): { deadLetterTargetArn: string; maxReceiveCount: number } | undefined {
  const raw = q.attributes.RedrivePolicy;
  if (!raw) return undefined;
  try {
    const p = JSON.parse(raw) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    const max = Number(p.maxReceiveCount);
    if (typeof p.deadLetterTargetArn === 'string' && max >= 1) return { deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: max };
  } catch {
    // validated when set
  }
  return undefined;
}
