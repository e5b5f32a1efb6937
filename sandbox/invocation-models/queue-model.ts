/**
 * What an SQS event source mapping needs from a queue, and an in-memory queue with SQS's behaviour:
 * a visibility timeout that hides received messages, a receive count per message, and a redrive
 * policy that moves a message to the dead-letter queue when its receive count exceeds maxReceiveCount.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 * The scenario runner adapts the simulated account's queues to PollableQueue.
 */
import type { Lineage } from './lambda-service.ts';
import { SQS_VISIBILITY_TIMEOUT_DEFAULT_S } from './constants.ts';

/** A message as a receive returns it. */
export interface ReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** Times received, this receive included. */
  receiveCount: number;
  sentAtMs: number;
  firstReceiveAtMs: number;
  messageAttributes: Record<string, string>;
  /** Loop-detection lineage of the invocation that sent it. */
  lineage: Lineage;
}

/** A message moved to the dead-letter queue by the redrive policy. */
export interface RedrivenMessage {
  messageId: string;
  body: string;
  receiveCount: number;
  deadLetterQueue: string;
}

/** The queue operations a poller uses. */
export interface PollableQueue {
  readonly name: string;
  readonly visibilityTimeoutSeconds: number;
  /** Messages visible at `nowMs`. */
  visibleCount(nowMs: number): number;
  /** When the oldest visible message became visible (for batching windows). */
  oldestVisibleSinceMs(nowMs: number): number | undefined;
  /** The next time an in-flight message becomes visible again. */
  nextVisibleAtMs(nowMs: number): number | undefined;
  /** Receive up to `max` messages (redriving those past maxReceiveCount); `redriven` lists the moved ones. */
  receive(max: number, nowMs: number): { messages: ReceivedMessage[]; redriven: RedrivenMessage[] };
  /** Delete a received message. */
  delete(receiptHandle: string): void;
}

interface Stored {
  messageId: string;
  body: string;
  sentAtMs: number;
  visibleAtMs: number;
  receiveCount: number;
  firstReceiveAtMs?: number;
  receiptHandle?: string;
  messageAttributes: Record<string, string>;
  lineage: Lineage;
}

/** Options of SimQueue. */
export interface SimQueueOptions {
  /** Visibility timeout in s (default 30). */
  visibilityTimeoutSeconds?: number;
  /** Redrive policy: the DLQ and the receive count past which a message moves there. */
  redrive?: { deadLetterQueue: SimQueue; maxReceiveCount: number };
  /** Makes message ids and receipt handles (default a counter). */
  newId?: () => string;
}

/** An in-memory standard queue. */
export class SimQueue implements PollableQueue {
  readonly visibilityTimeoutSeconds: number;
  private readonly messages: Stored[] = [];
  private readonly redrive: SimQueueOptions['redrive'];
  private readonly newId: () => string;
  private counter = 0;

  readonly name: string;

  constructor(name: string, options: SimQueueOptions = {}) {
    this.name = name;
    this.visibilityTimeoutSeconds = options.visibilityTimeoutSeconds ?? SQS_VISIBILITY_TIMEOUT_DEFAULT_S;
    this.redrive = options.redrive;
    this.newId = options.newId ?? (() => `${name}-${++this.counter}`);
  }

  /** SendMessage: returns the message id. */
  send(
    body: string,
    nowMs: number,
    extra: { messageAttributes?: Record<string, string>; lineage?: Lineage; messageId?: string } = {},
  ): string {
    const messageId = extra.messageId ?? this.newId();
    this.messages.push({
      messageId,
      body,
      sentAtMs: nowMs,
      visibleAtMs: nowMs,
      receiveCount: 0,
      messageAttributes: extra.messageAttributes ?? {},
      lineage: extra.lineage ?? {},
    });
    return messageId;
  }

  /** Every message still in the queue (visible or in flight). */
  all(): readonly {
    messageId: string;
    body: string;
    receiveCount: number;
    messageAttributes: Record<string, string>;
  }[] {
    return this.messages;
  }

  visibleCount(nowMs: number): number {
    return this.messages.filter((m) => m.visibleAtMs <= nowMs).length;
  }

  oldestVisibleSinceMs(nowMs: number): number | undefined {
    const visible = this.messages.filter((m) => m.visibleAtMs <= nowMs).map((m) => m.visibleAtMs);
    return visible.length ? Math.min(...visible) : undefined;
  }

  nextVisibleAtMs(nowMs: number): number | undefined {
    const later = this.messages.filter((m) => m.visibleAtMs > nowMs).map((m) => m.visibleAtMs);
    return later.length ? Math.min(...later) : undefined;
  }

  receive(max: number, nowMs: number): { messages: ReceivedMessage[]; redriven: RedrivenMessage[] } {
    const messages: ReceivedMessage[] = [];
    const redriven: RedrivenMessage[] = [];
    for (const m of [...this.messages]) {
      if (messages.length >= max) break;
      if (m.visibleAtMs > nowMs) continue;
      if (this.redrive && m.receiveCount >= this.redrive.maxReceiveCount) {
        // "When the ReceiveCount for a message exceeds the maxReceiveCount for a queue, Amazon SQS
        // moves the message to a dead-letter queue" (sqs-dead-letter-queues.html).
        this.messages.splice(this.messages.indexOf(m), 1);
        this.redrive.deadLetterQueue.send(m.body, nowMs, {
          messageAttributes: m.messageAttributes,
          lineage: m.lineage,
          messageId: m.messageId,
        });
        redriven.push({
          messageId: m.messageId,
          body: m.body,
          receiveCount: m.receiveCount,
          deadLetterQueue: this.redrive.deadLetterQueue.name,
        });
        continue;
      }
      m.receiveCount++;
      m.firstReceiveAtMs ??= nowMs;
      m.visibleAtMs = nowMs + this.visibilityTimeoutSeconds * 1000;
      m.receiptHandle = `AQEB${m.messageId}-${m.receiveCount}`;
      messages.push({
        messageId: m.messageId,
        receiptHandle: m.receiptHandle,
        body: m.body,
        receiveCount: m.receiveCount,
        sentAtMs: m.sentAtMs,
        firstReceiveAtMs: m.firstReceiveAtMs,
        messageAttributes: m.messageAttributes,
        lineage: m.lineage,
      });
    }
    return { messages, redriven };
  }

  delete(receiptHandle: string): void {
    const i = this.messages.findIndex((m) => m.receiptHandle === receiptHandle);
    if (i >= 0) this.messages.splice(i, 1);
  }
}
