/**
 * DynamoDB Streams records for the INSERT, MODIFY and REMOVE templates, shaped like the sample in
 * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html and the StreamRecord reference
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { REGION, arn } from './aws-formats.ts';
import { imageSize, toImage, type Image } from './dynamodb-json.ts';
import type { EventGen } from './event-gen.ts';
import { EventParameterError, type EventParameter } from './template-types.ts';

/** Which images the stream writes (the table's StreamViewType). */
export const STREAM_VIEW_TYPES = ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'] as const;

/** table, keys and streamViewType: every DynamoDB template's first parameters. */
export const DYNAMODB_PARAMETERS = [
  {
    name: 'table',
    kind: 'string',
    default: 'Orders',
    pattern: '[A-Za-z0-9_.-]{3,255}',
    patternHint: "a table name (3-255 letters, digits, '_', '-' and '.')",
    label: { en: 'Table', ko: '테이블' },
    description: { en: 'The table whose stream this is.', ko: '이 스트림을 가진 테이블.' },
  },
  {
    name: 'keys',
    kind: 'json',
    shape: 'object',
    default: { orderId: 'o-1001' },
    label: { en: 'Key', ko: '키' },
    description: {
      en: 'The primary key as plain JSON: the partition key and, if the table has one, the sort key (strings or numbers).',
      ko: '일반 JSON으로 쓴 기본 키: 파티션 키와, 테이블에 있으면 정렬 키 (문자열 또는 숫자).',
    },
  },
  {
    name: 'streamViewType',
    kind: 'enum',
    options: STREAM_VIEW_TYPES,
    default: 'NEW_AND_OLD_IMAGES',
    label: { en: 'Stream view type', ko: '스트림 보기 유형' },
    description: { en: 'Which item images the stream records carry.', ko: '스트림 레코드가 담는 항목 이미지.' },
  },
] as const satisfies readonly EventParameter[];

/** A plain-JSON item image parameter. */
export function imageParameter<const N extends 'newImage' | 'oldImage'>(name: N, item: Record<string, unknown>) {
  const isNew = name === 'newImage';
  return {
    name,
    kind: 'json',
    shape: 'object',
    default: item,
    label: isNew ? { en: 'New image', ko: '새 이미지' } : { en: 'Old image', ko: '이전 이미지' },
    description: isNew
      ? {
          en: 'The item after the change, as plain JSON (typed as S, N, BOOL, L, M, NULL in the event).',
          ko: '변경 후 항목. 일반 JSON으로 쓰면 이벤트에서는 S, N, BOOL, L, M, NULL로 바뀝니다.',
        }
      : {
          en: 'The item before the change, as plain JSON (typed as S, N, BOOL, L, M, NULL in the event).',
          ko: '변경 전 항목. 일반 JSON으로 쓰면 이벤트에서는 S, N, BOOL, L, M, NULL로 바뀝니다.',
        },
  } as const;
}

/** What a template passes to build one stream record. */
export interface StreamChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  table: string;
  keys: unknown;
  streamViewType: (typeof STREAM_VIEW_TYPES)[number];
  newImage?: unknown;
  oldImage?: unknown;
  /** REMOVE by Time to Live: userIdentity names the DynamoDB service. */
  ttl?: boolean;
}

function checkedKeys(keys: unknown): Record<string, string | number> {
  const entries = Object.entries(keys as Record<string, unknown>);
  if (entries.length < 1 || entries.length > 2) {
    throw new EventParameterError(
      `parameter 'keys' expects the partition key and at most one sort key, e.g. {"orderId": "o-1001"}; got ${entries.length} attributes`,
    );
  }
  for (const [k, v] of entries) {
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new EventParameterError(
        `parameter 'keys': key attribute '${k}' must be a string or a number, got ${JSON.stringify(v)}`,
      );
    }
  }
  return Object.fromEntries(entries) as Record<string, string | number>;
}

/** The item with its key attributes; a key value that contradicts `keys` is an error. */
function fullItem(param: string, item: unknown, keys: Record<string, string | number>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...keys };
  for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
    if (k in keys && v !== keys[k]) {
      throw new EventParameterError(
        `parameter '${param}' has ${k} = ${JSON.stringify(v)} but parameter 'keys' says ${JSON.stringify(keys[k])}`,
      );
    }
    out[k] = v;
  }
  return out;
}

/** One-record DynamoDB Streams event. */
export function streamEvent(c: StreamChange, gen: EventGen): DynamoDBStreamEvent {
  const keyValues = checkedKeys(c.keys);
  const Keys = toImage(keyValues);
  const view = c.streamViewType;
  const wantsNew = view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES';
  const wantsOld = view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES';
  const NewImage: Image | undefined =
    c.newImage !== undefined && wantsNew ? toImage(fullItem('newImage', c.newImage, keyValues)) : undefined;
  const OldImage: Image | undefined =
    c.oldImage !== undefined && wantsOld ? toImage(fullItem('oldImage', c.oldImage, keyValues)) : undefined;
  // A stream's label is the time it was enabled, ISO 8601 without the zone: here 30 days earlier.
  const label = new Date(gen.now - 30 * 86_400_000).toISOString().replace('Z', '');
  return {
    Records: [
      {
        eventID: gen.hex(32),
        eventName: c.eventName,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: REGION,
        dynamodb: {
          ApproximateCreationDateTime: Math.floor(gen.now / 1000),
          Keys,
          ...(NewImage ? { NewImage } : {}),
          ...(OldImage ? { OldImage } : {}),
          SequenceNumber: gen.digits(21),
          SizeBytes: imageSize(Keys) + (NewImage ? imageSize(NewImage) : 0) + (OldImage ? imageSize(OldImage) : 0),
          StreamViewType: view,
        },
        ...(c.ttl ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } } : {}),
        eventSourceARN: arn('dynamodb', `table/${c.table}/stream/${label}`),
      },
    ],
  };
}
