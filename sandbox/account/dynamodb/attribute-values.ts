/**
 * DynamoDB AttributeValues (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html):
 * validation of what callers send, comparison and equality as DynamoDB defines them, and plain JSON
 * for the UI. Binary values are kept as base64 strings inside the account.
 */
import { toBuffer } from '../bytes.ts';
import { validation } from '../errors.ts';

export interface AttributeValue {
  S?: string;
  N?: string;
  B?: string;
  BOOL?: boolean;
  NULL?: boolean;
  SS?: string[];
  NS?: string[];
  BS?: string[];
  L?: AttributeValue[];
  M?: Record<string, AttributeValue>;
}

export type Item = Record<string, AttributeValue>;

const TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M'] as const;
export type AttributeType = (typeof TYPES)[number];

/** The type descriptor of a value (S, N, ...). */
export function typeOf(v: AttributeValue): AttributeType {
  for (const t of TYPES) if (v[t] !== undefined) return t;
  throw validation('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
}

function normalizeNumber(n: unknown): string {
  const s = String(n).trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) throw validation(`The parameter cannot be converted to a numeric value: ${s}`);
  return s;
}

const b64 = (v: unknown): string => {
  if (typeof v === 'string') return v;
  const buf = toBuffer(v);
  if (!buf) throw validation('Invalid binary value');
  return buf.toString('base64');
};

/** Check and normalise one value from a caller (binary -> base64, numbers -> strings). */
export function normalizeValue(raw: unknown): AttributeValue {
  if (!raw || typeof raw !== 'object') throw validation('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  const v = raw as Record<string, unknown>;
  const present = TYPES.filter((t) => v[t] !== undefined);
  if (present.length !== 1) throw validation('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
  const t = present[0]!;
  const x = v[t];
  switch (t) {
    case 'S':
      return { S: String(x) };
    case 'N':
      return { N: normalizeNumber(x) };
    case 'B':
      return { B: b64(x) };
    case 'BOOL':
      return { BOOL: Boolean(x) };
    case 'NULL':
      return { NULL: true };
    case 'SS':
    case 'NS':
    case 'BS': {
      if (!Array.isArray(x) || !x.length) throw validation('One or more parameter values were invalid: An string set  may not be empty');
      const items = t === 'NS' ? x.map(normalizeNumber) : t === 'BS' ? x.map(b64) : x.map(String);
      if (new Set(items).size !== items.length) throw validation('One or more parameter values were invalid: Input collection contains duplicates');
      return { [t]: items };
    }
    case 'L':
      if (!Array.isArray(x)) throw validation('L must be a list');
      return { L: x.map(normalizeValue) };
    case 'M':
      return { M: normalizeItem(x) };
  }
}

/** Check and normalise an item or key. */
export function normalizeItem(raw: unknown): Item {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw validation('One or more parameter values were invalid: item must be a map');
  const out: Item = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = normalizeValue(v);
  return out;
}

/** Equality as DynamoDB compares values (numbers numerically, sets ignoring order). */
export function valuesEqual(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (!a || !b) return false;
  const t = typeOf(a);
  if (t !== typeOf(b)) return false;
  switch (t) {
    case 'N':
      return Number(a.N) === Number(b.N);
    case 'SS':
    case 'BS':
    case 'NS': {
      const norm = (s: string[]) => (t === 'NS' ? s.map((x) => String(Number(x))) : s).slice().sort().join('\u0000');
      return norm(a[t]!) === norm(b[t]!);
    }
    case 'L':
      return a.L!.length === b.L!.length && a.L!.every((x, i) => valuesEqual(x, b.L![i]));
    case 'M': {
      const ka = Object.keys(a.M!);
      return ka.length === Object.keys(b.M!).length && ka.every((k) => valuesEqual(a.M![k], b.M![k]));
    }
    default:
      return JSON.stringify(a) === JSON.stringify(b);
  }
}

/** Ordering for <, >, BETWEEN and sort keys: N numerically, S and B by bytes; undefined for other types. */
export function compareValues(a: AttributeValue, b: AttributeValue): number | undefined {
  const t = typeOf(a);
  if (t !== typeOf(b)) return undefined;
  if (t === 'N') return Math.sign(Number(a.N) - Number(b.N));
  if (t === 'S') return Buffer.compare(Buffer.from(a.S!, 'utf8'), Buffer.from(b.S!, 'utf8'));
  if (t === 'B') return Buffer.compare(Buffer.from(a.B!, 'base64'), Buffer.from(b.B!, 'base64'));
  return undefined;
}

/** A value as plain JSON (numbers as numbers, sets as arrays, binary as base64). */
export function toPlain(v: AttributeValue): unknown {
  const t = typeOf(v);
  switch (t) {
    case 'N':
      return Number(v.N);
    case 'NS':
      return v.NS!.map(Number);
    case 'NULL':
      return null;
    case 'L':
      return v.L!.map(toPlain);
    case 'M':
      return itemToPlain(v.M!);
    default:
      return v[t];
  }
}

export function itemToPlain(item: Item): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toPlain(v)]));
}

/** A deep copy with binary values as Buffers (what the SDK returns). */
export function toOutput(item: Item): Record<string, unknown> {
  const conv = (v: AttributeValue): unknown => {
    if (v.B !== undefined) return { B: Buffer.from(v.B, 'base64') };
    if (v.BS !== undefined) return { BS: v.BS.map((x) => Buffer.from(x, 'base64')) };
    if (v.L !== undefined) return { L: v.L.map(conv) };
    if (v.M !== undefined) return { M: toOutput(v.M) };
    return structuredClone(v);
  };
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, conv(v)]));
}

/** Bytes of an item as DynamoDB counts them (names + values), for the 400 KB limit and streams. */
export function itemSize(item: Item): number {
  const size = (v: AttributeValue): number => {
    if (v.S !== undefined) return Buffer.byteLength(v.S);
    if (v.N !== undefined) return Math.ceil(v.N.replace(/^[-+]/, '').replace('.', '').replace(/^0+/, '').replace(/e.*$/i, '').length / 2) + 1;
    if (v.B !== undefined) return Buffer.from(v.B, 'base64').length;
    if (v.SS) return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
    if (v.NS) return v.NS.reduce((n, s) => n + Math.ceil(s.length / 2) + 1, 0);
    if (v.BS) return v.BS.reduce((n, s) => n + Buffer.from(s, 'base64').length, 0);
    if (v.L) return 3 + v.L.reduce((n, x) => n + 1 + size(x), 0);
    if (v.M) return 3 + itemSize(v.M) + Object.keys(v.M).length;
    return 1;
  };
  return Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + size(v), 0);
}
