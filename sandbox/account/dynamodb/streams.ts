/**
 * DynamoDB Streams records, as Lambda receives them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html):
 * INSERT / MODIFY / REMOVE with Keys and the images the table's StreamViewType asks for.
 */
import { randomUUID } from 'node:crypto';
import { REGION } from '../account-types.ts';
import type { OpContext } from '../service-types.ts';
import { itemSize, valuesEqual, type Item } from './attribute-values.ts';
import { keyOf, type Table } from './table-store.ts';

/** Emit a stream record for a change (nothing when the table has no stream or nothing changed). */
export function recordChange(ctx: OpContext, table: Table, oldItem: Item | undefined, newItem: Item | undefined): void {
  const stream = table.stream;
  if (!stream || (!oldItem && !newItem)) return;
  if (oldItem && newItem && Object.keys(oldItem).length === Object.keys(newItem).length && Object.keys(oldItem).every((k) => valuesEqual(oldItem[k], newItem[k]))) return;
  stream.sequence += 1;
  const eventName = !oldItem ? 'INSERT' : !newItem ? 'REMOVE' : 'MODIFY';
  const keys = keyOf(table, (newItem ?? oldItem)!, 'item');
  const view = stream.viewType;
  const dynamodb: Record<string, unknown> = {
    ApproximateCreationDateTime: Math.floor(ctx.now / 1000),
    Keys: structuredClone(keys),
  };
  if (newItem && (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES')) dynamodb.NewImage = structuredClone(newItem);
  if (oldItem && (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES')) dynamodb.OldImage = structuredClone(oldItem);
  dynamodb.SequenceNumber = String(stream.sequence * 100).padStart(21, '1');
  dynamodb.SizeBytes = itemSize(keys) + (newItem ? itemSize(newItem) : 0) + (oldItem ? itemSize(oldItem) : 0);
  dynamodb.StreamViewType = view;
  const record = { eventID: randomUUID().replace(/-/g, ''), eventName, eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: REGION, dynamodb, eventSourceARN: stream.arn };
  ctx.emit({ kind: 'dynamodb:stream', at: ctx.now, resource: stream.arn, chain: ctx.chain, detail: { tableName: table.name, record } });
}
