/**
 * The SQS side of an event source mapping, kept simple: a queue of messages, batches of up to
 * `batchSize` (waiting up to the batching window for a full batch), and the visibility timeout.
 * A batch whose invoke fails or is throttled returns to the queue when its visibility timeout
 * ends (receive count + 1); after maxReceiveCount receives it goes to the dead-letter queue.
 * Not modelled: partial batch responses (ReportBatchItemFailures), FIFO ordering, the poller
 * count's own scaling; a throttled poller backs off for 1 s (SQS_POLLER_BACKOFF_MS).
 */
import { createHash } from 'node:crypto';
import { SIMULATED_ACCOUNT_ID, SIMULATED_REGION } from '../facts/limits.ts';

/** How long the pollers pause after a throttled batch (Coldstart's simplification). */
export const SQS_POLLER_BACKOFF_MS = 1_000;

/** Virtual t = 0 as an epoch time for SentTimestamp (fixed, so runs repeat exactly). */
const EPOCH_MS = Date.UTC(2026, 0, 1);

export interface SqsMessage {
  id: number;
  enqueuedMs: number;
  visibleSinceMs: number;
  receiveCount: number;
}

/** Messages visible now, oldest first (a deque over an array). */
export class VisibleMessages {
  private items: SqsMessage[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  oldest(): SqsMessage | undefined {
    return this.items[this.head];
  }

  push(m: SqsMessage): void {
    this.items.push(m);
  }

  take(n: number): SqsMessage[] {
    const out = this.items.slice(this.head, this.head + n);
    this.head += out.length;
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return out;
  }
}

/** The SQS event Lambda passes to the handler for a batch, with `body` = the configured event. */
export function sqsEventJson(batch: readonly SqsMessage[], body: string, functionName: string, atMs: number): string {
  const md5 = createHash('md5').update(body).digest('hex');
  const arn = `arn:aws:sqs:${SIMULATED_REGION}:${SIMULATED_ACCOUNT_ID}:${functionName}-queue`;
  const records = batch.map((m) => ({
    messageId: messageId(m.id),
    receiptHandle: `AQEB${m.id.toString(36)}${m.receiveCount}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(EPOCH_MS + Math.floor(m.enqueuedMs)),
      SenderId: 'AIDAIENQZJOLO23YVJ4VO',
      ApproximateFirstReceiveTimestamp: String(EPOCH_MS + Math.floor(atMs)),
    },
    messageAttributes: {},
    md5OfBody: md5,
    eventSource: 'aws:sqs',
    eventSourceARN: arn,
    awsRegion: SIMULATED_REGION,
  }));
  return JSON.stringify({ Records: records });
}

function messageId(n: number): string {
  const h = n.toString(16).padStart(12, '0');
  return `059f36b4-87a3-44ab-83d2-${h.slice(-12)}`;
}
