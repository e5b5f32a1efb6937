/**
 * Asynchronous invocation (S3, SNS, EventBridge, CloudWatch Logs, Invoke with InvocationType Event):
 * Lambda accepts the event with 202 and queues it; on a function error it retries twice, one minute
 * and then two minutes later (MaximumRetryAttempts 0-2); events older than MaximumEventAgeInSeconds
 * are discarded; throttled events are retried with backoff until they are too old; what finally fails
 * goes to the on-failure destination and/or the dead-letter queue. Delivery is at-least-once: an
 * event can arrive twice (a seeded probability, off by default).
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
import { ASYNC_PAYLOAD_MAX_BYTES } from '../facts/limits.ts';
import type { InvocationRecord } from '../invocation/record.ts';
import { asyncInvocationRecord, deadLetterAttributes } from './async-record.ts';
import {
  ASYNC_EVENT_AGE_MAX_S,
  ASYNC_MAX_RETRY_ATTEMPTS,
  ASYNC_RETRY_DELAYS_MS,
  ASYNC_THROTTLE_BACKOFF_FIRST_MS,
  ASYNC_THROTTLE_BACKOFF_MAX_MS,
  DELIVERY_DELAY_MS,
} from './constants.ts';
import { parseTarget, type DeliverySink } from './delivery.ts';
import type { DeployedFunction, LambdaService, Lineage } from './lambda-service.ts';
import { SeededRandom } from './seeded-random.ts';
import type { EventSourceName } from './trace-types.ts';

/** The answer to an async invoke request (API_Invoke.html: 202 Accepted). */
export type AsyncAccept =
  { statusCode: 202; requestId: string } | { statusCode: number; errorType: string; message: string };

/** Options of AsyncInvoker. */
export interface AsyncInvokerOptions {
  /** Chance (0-1) that an accepted event is delivered twice, at-least-once style (default 0). */
  duplicateProbability?: number;
  /** Seed of the duplicate draws (default 'coldstart'). */
  seed?: string;
}

/** Where an async event came from. */
export interface AsyncOrigin {
  parentId: string | null;
  source: EventSourceName;
  lineage?: Lineage;
}

interface QueuedEvent {
  fn: DeployedFunction;
  eventJson: string;
  origin: AsyncOrigin;
  requestId: string;
  queuedAtMs: number;
  /** Attempts that reached the handler. */
  attempts: number;
  throttles: number;
  last: InvocationRecord | undefined;
}

export class AsyncInvoker {
  private readonly random: SeededRandom;
  private readonly duplicateProbability: number;

  private readonly lambda: LambdaService;
  private readonly sink: DeliverySink;

  constructor(lambda: LambdaService, sink: DeliverySink, options: AsyncInvokerOptions = {}) {
    this.lambda = lambda;
    this.sink = sink;
    this.duplicateProbability = options.duplicateProbability ?? 0;
    this.random = new SeededRandom(`${options.seed ?? 'coldstart'}/duplicates`);
  }

  /** Queue `eventJson` for `functionName`: 202 and a request id, or the error Invoke returns. */
  invoke(functionName: string, eventJson: string, origin: AsyncOrigin): AsyncAccept {
    const fn = this.lambda.get(functionName);
    if (!fn)
      return {
        statusCode: 404,
        errorType: 'ResourceNotFoundException',
        message: `Function not found: ${functionName}`,
      };
    const bytes = Buffer.byteLength(eventJson, 'utf8');
    if (bytes > ASYNC_PAYLOAD_MAX_BYTES) {
      return {
        statusCode: 413,
        errorType: 'RequestEntityTooLargeException',
        message: `Request must be smaller than ${ASYNC_PAYLOAD_MAX_BYTES} bytes for the InvokeAsync operation`,
      };
    }
    const requestId = this.lambda.newId();
    const queued: QueuedEvent = {
      fn,
      eventJson,
      origin,
      requestId,
      queuedAtMs: this.lambda.scheduler.now(),
      attempts: 0,
      throttles: 0,
      last: undefined,
    };
    this.lambda.scheduler.after(DELIVERY_DELAY_MS.async, `async ${functionName}`, () => this.attempt(queued));
    if (this.duplicateProbability > 0 && this.random.next() < this.duplicateProbability) {
      const dupId = this.lambda.trace.add({
        kind: 'duplicate',
        parentId: origin.parentId,
        atMs: this.lambda.scheduler.now(),
        functionName,
        text: `at-least-once delivery: Lambda's internal queue delivers this event to ${functionName} twice (make the handler idempotent)`,
      });
      const copy: QueuedEvent = { ...queued, origin: { ...origin, parentId: dupId }, requestId: this.lambda.newId() };
      this.lambda.scheduler.after(DELIVERY_DELAY_MS.async * 3, `async duplicate ${functionName}`, () =>
        this.attempt(copy),
      );
    }
    return { statusCode: 202, requestId };
  }

  private maxAgeMs(fn: DeployedFunction): number {
    return (fn.async?.maximumEventAgeInSeconds ?? ASYNC_EVENT_AGE_MAX_S) * 1000;
  }

  private attempt(q: QueuedEvent): void {
    const { scheduler, trace } = this.lambda;
    const now = scheduler.now();
    if (now - q.queuedAtMs > this.maxAgeMs(q.fn)) return this.giveUp(q, 'EventAgeExceeded', q.origin.parentId);
    const outcome = this.lambda.run(q.fn.name, q.eventJson, {
      parentId: q.origin.parentId,
      source: q.origin.source,
      model: 'async',
      attempt: q.attempts + 1,
      lineage: q.origin.lineage,
    });
    if (outcome.kind === 'refused') {
      if (outcome.node.reason === 'throttle') {
        // Throttles do not use up retry attempts: back off from 1 s up to 5 min until the event is too old.
        const delay = Math.min(ASYNC_THROTTLE_BACKOFF_FIRST_MS * 2 ** q.throttles++, ASYNC_THROTTLE_BACKOFF_MAX_MS);
        if (now + delay - q.queuedAtMs > this.maxAgeMs(q.fn))
          return this.giveUp(q, 'EventAgeExceeded', outcome.node.id);
        scheduler.after(delay, `async throttled ${q.fn.name}`, () =>
          this.attempt({ ...q, origin: { ...q.origin, parentId: outcome.node.id } }),
        );
        return;
      }
      // A recursive loop: the event is dropped, to the DLQ or on-failure destination when configured.
      return this.giveUp(q, 'RetriesExhausted', outcome.node.id);
    }
    q.attempts++;
    q.last = outcome.record;
    const nodeId = outcome.node.id;
    if (outcome.record.ok) {
      const target = q.fn.async?.onSuccess;
      if (target) this.sendRecord(q, 'Success', target, nodeId);
      return;
    }
    const retries = q.fn.async?.maximumRetryAttempts ?? ASYNC_MAX_RETRY_ATTEMPTS;
    if (q.attempts > retries) return this.giveUp(q, 'RetriesExhausted', nodeId);
    const due = outcome.endMs + ASYNC_RETRY_DELAYS_MS[Math.min(q.attempts - 1, ASYNC_RETRY_DELAYS_MS.length - 1)]!;
    const retryId = trace.add({
      kind: 'retry',
      parentId: nodeId,
      atMs: outcome.endMs,
      functionName: q.fn.name,
      attempt: q.attempts + 1,
      dueMs: due,
      reason: `${outcome.record.error.errorType}: ${outcome.record.error.errorMessage}`,
    });
    scheduler.at(due, `async retry ${q.fn.name}`, () =>
      this.attempt({ ...q, origin: { ...q.origin, parentId: retryId } }),
    );
  }

  private giveUp(q: QueuedEvent, condition: 'RetriesExhausted' | 'EventAgeExceeded', parentId: string | null): void {
    const { trace, scheduler } = this.lambda;
    const parent = parentId ?? q.origin.parentId;
    if (condition === 'EventAgeExceeded') {
      trace.add({
        kind: 'refused',
        parentId: parent,
        atMs: scheduler.now(),
        functionName: q.fn.name,
        reason: 'event-age',
        errorType: 'EventAgeExceeded',
        message: `The event is older than MaximumEventAgeInSeconds (${this.maxAgeMs(q.fn) / 1000} s); Lambda discards it.`,
        log: [],
      });
    }
    const onFailure = q.fn.async?.onFailure;
    if (onFailure) this.sendRecord(q, condition, onFailure, parent);
    const dlq = q.fn.deadLetterTarget;
    if (dlq) {
      const ref = parseTarget(dlq);
      const attributes = deadLetterAttributes(q.requestId, q.last, condition);
      const id = trace.add({
        kind: 'dead-letter',
        parentId: parent,
        atMs: scheduler.now(),
        target: dlq,
        body: q.eventJson,
        attributes,
        text: `${q.fn.name}'s dead-letter queue gets the event after ${q.attempts} attempt${q.attempts === 1 ? '' : 's'}`,
      });
      if (ref)
        this.sink.deliver({
          target: ref,
          body: q.eventJson,
          attributes,
          parentId: id,
          lineage: q.origin.lineage ?? {},
        });
    }
    if (!onFailure && !dlq) {
      trace.add({
        kind: 'note',
        parentId: parent,
        atMs: scheduler.now(),
        text: `${q.fn.name} has no on-failure destination or dead-letter queue: the event is discarded (${condition})`,
      });
    }
  }

  private sendRecord(
    q: QueuedEvent,
    condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded',
    target: string,
    parentId: string | null,
  ): void {
    const { trace, scheduler } = this.lambda;
    const payload = asyncInvocationRecord({
      functionName: q.fn.name,
      requestId: q.requestId,
      condition,
      invokeCount: q.attempts,
      eventJson: q.eventJson,
      last: q.last,
      nowMs: scheduler.now(),
    });
    const id = trace.add({
      kind: 'destination',
      parentId,
      atMs: scheduler.now(),
      functionName: q.fn.name,
      target,
      condition,
      payload,
    });
    const ref = parseTarget(target);
    if (ref)
      this.sink.deliver({
        target: ref,
        body: JSON.stringify(payload),
        attributes: {},
        parentId: id,
        lineage: q.origin.lineage ?? {},
      });
  }
}
