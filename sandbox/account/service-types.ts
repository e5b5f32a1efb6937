/**
 * What the services share: an operation table (IAM permissions + behaviour per API operation), the
 * context one call runs in, and fan-out between services (S3/SNS/EventBridge -> SQS/SNS).
 */
import type { AccountEvent, Caller, ChainRef } from './account-types.ts';
import type { Permission } from './iam/access-denied.ts';

/** A feed event before the account numbers it. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEvent = Without<AccountEvent, 'seq'>;

/** Deliveries from one service into another, inside the account. */
export interface Fanout {
  /** Put a message on a queue (dropped silently when the queue does not exist, as AWS does). */
  toQueue(queueArn: string, body: string, ctx: OpContext, options?: { groupId?: string; dedupId?: string; attributes?: Record<string, unknown> }): void;
  /** Publish to a topic (dropped silently when it does not exist). */
  toTopic(topicArn: string, message: string, subject: string | undefined, ctx: OpContext): void;
}

/** The context of one call. */
export interface OpContext {
  /** Virtual time of the call. */
  now: number;
  caller: Caller;
  chain?: ChainRef;
  emit(event: NewEvent): void;
  fanout: Fanout;
}

/** One simulated API operation. */
export interface Operation {
  /** The IAM permissions the call needs (checked before `run`; may throw a validation error). */
  permissions(input: Record<string, unknown>): Permission[];
  run(input: Record<string, unknown>, ctx: OpContext): Record<string, unknown>;
}

export type OperationTable = Record<string, Operation>;
