/**
 * The SQS event source mapping: Lambda polls the queue, gathers up to BatchSize messages (waiting up
 * to MaximumBatchingWindowInSeconds for a full batch), invokes the function synchronously with them,
 * and deletes the batch when the function succeeds. When it fails, the messages stay in the queue and
 * come back after the visibility timeout; the queue's redrive policy moves them to a dead-letter queue
 * after maxReceiveCount. With ReportBatchItemFailures only the listed messages come back.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
import { buildEvent } from '../events/templates.ts';
import { readBatchItemFailures } from './batch-response.ts';
import { DELIVERY_DELAY_MS, SQS_BATCH_SIZE_DEFAULT } from './constants.ts';
import type { LambdaService, Lineage } from './lambda-service.ts';
import type { PollableQueue, ReceivedMessage } from './queue-model.ts';

/** CreateEventSourceMapping settings for a queue. */
export interface SqsMappingConfig {
  functionName: string;
  /** Messages per batch, 1-10,000 (default 10). */
  batchSize?: number;
  /** Seconds to wait for a full batch, 0-300 (default 0). */
  maximumBatchingWindowInSeconds?: number;
  /** FunctionResponseTypes: ["ReportBatchItemFailures"]. */
  reportBatchItemFailures?: boolean;
}

/** Merge the lineages of a batch: the longest chain per function. */
export function mergeLineage(lineages: readonly Lineage[]): Lineage {
  const out: Record<string, number> = {};
  for (const l of lineages) for (const [k, v] of Object.entries(l)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}

/** The SQS event for a batch, built with the sqs template and carrying the real ids and counts. */
export function sqsBatchEvent(
  queueName: string,
  messages: readonly ReceivedMessage[],
  nowMs: number,
  seed: string,
): string {
  const built = buildEvent(
    'sqs',
    { queue: queueName, messages: JSON.stringify(messages.map((m) => m.body)) },
    { now: nowMs, seed },
  );
  if (!built.ok) throw new Error(built.message);
  const event = built.event as { Records: Record<string, unknown>[] };
  event.Records.forEach((r, i) => {
    const m = messages[i]!;
    r.messageId = m.messageId;
    r.receiptHandle = m.receiptHandle;
    const attributes = r.attributes as Record<string, string>;
    attributes.ApproximateReceiveCount = String(m.receiveCount);
    attributes.SentTimestamp = String(m.sentAtMs);
    attributes.ApproximateFirstReceiveTimestamp = String(m.firstReceiveAtMs);
    r.messageAttributes = Object.fromEntries(
      Object.entries(m.messageAttributes).map(([k, v]) => [
        k,
        { stringValue: v, stringListValues: [], binaryListValues: [], dataType: 'String' },
      ]),
    );
  });
  return JSON.stringify(event);
}

/** One queue -> function mapping, driven by the virtual clock. */
export class SqsPoller {
  private pollQueued = false;
  /** The trace node the next batch hangs from (the message that woke the poller). */
  private cause: string | null = null;

  private readonly lambda: LambdaService;
  readonly queue: PollableQueue;
  readonly config: SqsMappingConfig;

  constructor(lambda: LambdaService, queue: PollableQueue, config: SqsMappingConfig) {
    this.lambda = lambda;
    this.queue = queue;
    this.config = config;
  }

  /** A message arrived (or the mapping was created): poll soon. `causeId` is the trace node that caused it. */
  kick(causeId: string | null, delayMs: number = DELIVERY_DELAY_MS.sqsPoll): void {
    if (causeId) this.cause = causeId;
    if (this.pollQueued) return;
    this.pollQueued = true;
    this.lambda.scheduler.after(delayMs, `poll ${this.queue.name}`, () => {
      this.pollQueued = false;
      this.poll();
    });
  }

  private poll(): void {
    const { scheduler, trace } = this.lambda;
    const now = scheduler.now();
    const batchSize = this.config.batchSize ?? SQS_BATCH_SIZE_DEFAULT;
    const visible = this.queue.visibleCount(now);
    if (visible === 0) {
      const next = this.queue.nextVisibleAtMs(now);
      if (next !== undefined) this.kick(null, next - now);
      return;
    }
    const windowMs = (this.config.maximumBatchingWindowInSeconds ?? 0) * 1000;
    const since = this.queue.oldestVisibleSinceMs(now) ?? now;
    if (visible < batchSize && now < since + windowMs) {
      // Batching window: wait for a full batch or for the window to close, whichever comes first.
      this.kick(null, since + windowMs - now);
      return;
    }
    const { messages, redriven } = this.queue.receive(batchSize, now);
    for (const r of redriven) {
      trace.add({
        kind: 'dead-letter',
        parentId: this.cause,
        atMs: now,
        target: `sqs:${r.deadLetterQueue}`,
        body: r.body,
        attributes: {},
        text: `SQS moved message ${r.messageId} to ${r.deadLetterQueue}: received ${r.receiveCount} times, more than maxReceiveCount allows`,
      });
    }
    if (messages.length > 0) this.invokeBatch(messages);
    if (this.queue.visibleCount(scheduler.now()) > 0 || this.queue.nextVisibleAtMs(scheduler.now()) !== undefined)
      this.kick(null);
  }

  private invokeBatch(messages: ReceivedMessage[]): void {
    const { scheduler, trace } = this.lambda;
    const now = scheduler.now();
    const eventJson = sqsBatchEvent(this.queue.name, messages, now, `${this.lambda.newId()}`);
    const attempt = Math.max(...messages.map((m) => m.receiveCount));
    const outcome = this.lambda.run(this.config.functionName, eventJson, {
      parentId: this.cause,
      source: 'sqs',
      model: 'polled',
      attempt,
      lineage: mergeLineage(messages.map((m) => m.lineage)),
    });
    const ids = messages.map((m) => m.messageId);
    let failed: string[];
    let why: string;
    if (outcome.kind === 'refused') {
      failed = ids;
      why = `${outcome.node.errorType}: the batch was not processed`;
    } else if (!outcome.record.ok) {
      failed = ids;
      why = `the function failed (${outcome.record.error.errorType}), so the whole batch stays in the queue`;
    } else if (this.config.reportBatchItemFailures) {
      const verdict = readBatchItemFailures(outcome.record.result, ids);
      failed = verdict.kind === 'partial' ? verdict.failed : ids;
      why =
        verdict.kind === 'partial'
          ? 'ReportBatchItemFailures: only the listed messages stay in the queue'
          : `the whole batch failed: ${verdict.reason}`;
    } else {
      failed = [];
      why = 'the function succeeded';
    }
    const deleted = messages.filter((m) => !failed.includes(m.messageId));
    for (const m of deleted) this.queue.delete(m.receiptHandle);
    const parentId = outcome.node.id;
    const returned = messages.filter((m) => failed.includes(m.messageId));
    const visibleAgain =
      returned.length > 0
        ? ` They become visible again after the ${this.queue.visibilityTimeoutSeconds} s visibility timeout.`
        : '';
    trace.add({
      kind: 'batch-result',
      parentId,
      atMs: outcome.kind === 'ran' ? outcome.endMs : now,
      source: 'sqs',
      deleted: deleted.map((m) => m.messageId),
      returned: returned.map((m) => m.messageId),
      text: `${deleted.length} deleted, ${returned.length} returned to ${this.queue.name}: ${why}.${visibleAgain}`,
    });
    this.cause = parentId;
  }
}
