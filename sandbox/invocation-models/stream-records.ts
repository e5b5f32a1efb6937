/**
 * Records of Kinesis and DynamoDB streams as Lambda hands them to a function, built with the event
 * templates (so every field has AWS's format) and given the stream's own sequence numbers.
 */
import { buildEvent } from '../events/templates.ts';

/** A record waiting in a shard. */
export interface ShardRecord {
  /** Increasing within the shard. */
  sequenceNumber: string;
  /** The record as it appears in the event's Records list. */
  record: Record<string, unknown>;
  arrivalMs: number;
}

function firstRecord(
  template: string,
  params: Record<string, string>,
  nowMs: number,
  seed: string,
): Record<string, unknown> {
  const built = buildEvent(template, params, { now: nowMs, seed });
  if (!built.ok) throw new Error(built.message);
  return (built.event as { Records: Record<string, unknown>[] }).Records[0]!;
}

/** A 21-digit DynamoDB Streams / 56-digit Kinesis style sequence number from a counter. */
export function sequenceNumber(kind: 'kinesis' | 'dynamodb', n: number): string {
  return kind === 'kinesis' ? `4960${String(n).padStart(52, '0')}` : `1${String(n).padStart(20, '0')}`;
}

/** A Kinesis record carrying `data` (any JSON value or text; base64 in the event). */
export function kinesisRecord(
  stream: string,
  shard: number,
  data: unknown,
  partitionKey: string,
  seq: string,
  nowMs: number,
): ShardRecord {
  const record = firstRecord(
    'kinesis',
    { stream, shard: String(shard), partitionKey, records: JSON.stringify([data]) },
    nowMs,
    seq,
  );
  const kinesis = record.kinesis as Record<string, unknown>;
  kinesis.sequenceNumber = seq;
  record.eventID = `shardId-${String(shard).padStart(12, '0')}:${seq}`;
  return { sequenceNumber: seq, record, arrivalMs: nowMs };
}

/** One DynamoDB change: INSERT (newImage), MODIFY (both) or REMOVE (oldImage). */
export interface TableChange {
  table: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  keys: Record<string, unknown>;
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
  streamViewType?: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
}

/** A DynamoDB Streams record for `change`. */
export function dynamodbRecord(change: TableChange, seq: string, nowMs: number): ShardRecord {
  const template =
    change.eventName === 'INSERT'
      ? 'dynamodb-insert'
      : change.eventName === 'MODIFY'
        ? 'dynamodb-modify'
        : 'dynamodb-remove';
  const params: Record<string, string> = {
    table: change.table,
    keys: JSON.stringify(change.keys),
    streamViewType: change.streamViewType ?? 'NEW_AND_OLD_IMAGES',
  };
  if (change.eventName !== 'REMOVE') params.newImage = JSON.stringify(change.newImage ?? change.keys);
  if (change.eventName !== 'INSERT') params.oldImage = JSON.stringify(change.oldImage ?? change.keys);
  const record = firstRecord(template, params, nowMs, seq);
  (record.dynamodb as Record<string, unknown>).SequenceNumber = seq;
  return { sequenceNumber: seq, record, arrivalMs: nowMs };
}
