/**
 * Plain JSON to DynamoDB's AttributeValue form (as the streams carry images), and the item size
 * DynamoDB counts (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html).
 */
import type { AttributeValue } from 'aws-lambda';

/** An image: attribute name -> typed value. */
export type Image = Record<string, AttributeValue>;

/** `"a"` -> {S}, `1` -> {N: "1"}, `true` -> {BOOL}, `null` -> {NULL: true}, arrays -> {L}, objects -> {M}. */
export function toAttributeValue(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null || value === undefined) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: toImage(value as Record<string, unknown>) };
}

/** A plain object as an image. */
export function toImage(item: Record<string, unknown>): Image {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toAttributeValue(v)]));
}

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return utf8(v.S);
  if (v.N !== undefined) {
    const significant = v.N.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/e.*$/i, '').length;
    return Math.ceil(significant / 2) + 1;
  }
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L !== undefined) return 3 + v.L.reduce((n, x) => n + 1 + valueSize(x), 0);
  if (v.M !== undefined) return 3 + imageSize(v.M) + Object.keys(v.M).length;
  if (v.B !== undefined) return Buffer.from(v.B, 'base64').length;
  return 0;
}

/** Bytes of an image as DynamoDB counts them: each attribute name plus its value. */
export function imageSize(image: Image): number {
  return Object.entries(image).reduce((n, [k, v]) => n + utf8(k) + valueSize(v), 0);
}
