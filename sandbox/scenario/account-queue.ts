/**
 * An SQS queue of the simulated account seen through PollableQueue, so the SQS event source mapping
 * polls it like Lambda's pollers do: ReceiveMessage (10 at a time), DeleteMessage, and the queue's
 * own visibility timeout and redrive policy (evaluated by the account on each receive).
 */
import type { Account, Caller } from '../account/account-types.ts';
import { chainFromTraceHeader } from '../account/chain.ts';
import type { Lineage } from '../invocation-models/lambda-service.ts';
import type { PollableQueue, ReceivedMessage, RedrivenMessage } from '../invocation-models/queue-model.ts';

/** Options of AccountQueue. */
export interface AccountQueueOptions {
  account: Account;
  name: string;
  /** Who polls (Lambda's pollers use the function's execution role). */
  caller: Caller;
  /** The loop-detection lineage of a chain id carried in AWSTraceHeader. */
  lineageOf: (chainId: string | undefined) => Lineage;
}

export class AccountQueue implements PollableQueue {
  readonly name: string;
  private readonly o: AccountQueueOptions;
  private readonly url: string;

  constructor(options: AccountQueueOptions) {
    this.o = options;
    this.name = options.name;
    this.url = `https://sqs.us-east-1.amazonaws.com/123456789012/${options.name}`;
  }

  private view() {
    return this.o.account.snapshot().queues.find((q) => q.name === this.name);
  }

  get visibilityTimeoutSeconds(): number {
    return this.view()?.visibilityTimeoutSeconds ?? 30;
  }

  visibleCount(nowMs: number): number {
    return this.view()?.messages.filter((m) => m.visibleAt <= nowMs).length ?? 0;
  }

  oldestVisibleSinceMs(nowMs: number): number | undefined {
    const times =
      this.view()
        ?.messages.filter((m) => m.visibleAt <= nowMs)
        .map((m) => m.visibleAt) ?? [];
    return times.length ? Math.min(...times) : undefined;
  }

  nextVisibleAtMs(nowMs: number): number | undefined {
    const times =
      this.view()
        ?.messages.filter((m) => m.visibleAt > nowMs)
        .map((m) => m.visibleAt) ?? [];
    return times.length ? Math.min(...times) : undefined;
  }

  receive(max: number, nowMs: number): { messages: ReceivedMessage[]; redriven: RedrivenMessage[] } {
    const before = this.view();
    const messages: ReceivedMessage[] = [];
    while (messages.length < max) {
      const out = this.o.account.callSync(
        'sqs',
        'ReceiveMessage',
        {
          QueueUrl: this.url,
          MaxNumberOfMessages: Math.min(10, max - messages.length),
          AttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        },
        this.o.caller,
        { at: nowMs },
      );
      if (!out.ok) throw new Error(`${out.error.name}: ${out.error.message}`);
      const got = (out.output.Messages ?? []) as Record<string, unknown>[];
      if (got.length === 0) break;
      for (const m of got) {
        const attrs = (m.Attributes ?? {}) as Record<string, string>;
        const msgAttrs = (m.MessageAttributes ?? {}) as Record<string, { StringValue?: string }>;
        messages.push({
          messageId: String(m.MessageId),
          receiptHandle: String(m.ReceiptHandle),
          body: String(m.Body),
          receiveCount: Number(attrs.ApproximateReceiveCount ?? 1),
          sentAtMs: Number(attrs.SentTimestamp ?? nowMs),
          firstReceiveAtMs: Number(attrs.ApproximateFirstReceiveTimestamp ?? nowMs),
          messageAttributes: Object.fromEntries(
            Object.entries(msgAttrs).map(([k, v]) => [k, String(v.StringValue ?? '')]),
          ),
          lineage: this.o.lineageOf(chainFromTraceHeader(attrs.AWSTraceHeader)?.id),
        });
      }
    }
    // Messages that left the queue without being received were moved by the redrive policy.
    const after = new Set((this.view()?.messages ?? []).map((m) => m.messageId));
    const received = new Set(messages.map((m) => m.messageId));
    const dlqArn = before?.deadLetterTargetArn;
    const redriven: RedrivenMessage[] = (before?.messages ?? [])
      .filter((m) => !after.has(m.messageId) && !received.has(m.messageId))
      .map((m) => ({
        messageId: m.messageId,
        body: m.body,
        receiveCount: m.receiveCount,
        deadLetterQueue: dlqArn ? dlqArn.slice(dlqArn.lastIndexOf(':') + 1) : '?',
      }));
    return { messages, redriven };
  }

  delete(receiptHandle: string): void {
    this.o.account.callSync(
      'sqs',
      'DeleteMessage',
      { QueueUrl: this.url, ReceiptHandle: receiptHandle },
      this.o.caller,
    );
  }
}
