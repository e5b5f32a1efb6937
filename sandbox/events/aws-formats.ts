/**
 * Formats AWS uses inside events: ARNs, time stamps, S3's URL-encoded keys, query strings, trace
 * headers. Account and Region come from sandbox/facts so every part of the simulator agrees.
 */
import { SIMULATED_ACCOUNT_ID, SIMULATED_REGION } from '../facts/limits.ts';
import type { EventGen } from './event-gen.ts';
import { UPPER_ALNUM } from './event-gen.ts';

/** us-east-1 */
export const REGION = SIMULATED_REGION;
/** 123456789012 */
export const ACCOUNT = SIMULATED_ACCOUNT_ID;

/** `arn:aws:<service>:us-east-1:123456789012:<resource>`; pass '' for region or account where AWS omits them. */
export function arn(service: string, resource: string, region: string = REGION, account: string = ACCOUNT): string {
  return `arn:aws:${service}:${region}:${account}:${resource}`;
}

/** ISO 8601 with milliseconds: `2026-04-09T12:34:56.789Z` (S3, SNS). */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO 8601 without fractions: `2026-04-09T12:34:56Z` (EventBridge). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** API Gateway's CLF time: `09/Apr/2026:12:34:56 +0000`. */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Seconds since the epoch with millisecond fraction (Kinesis approximateArrivalTimestamp). */
export function epochSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/**
 * An object key as S3 writes it in event notifications: URL-encoded with spaces as '+'
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html:
 * "red flower.jpg" becomes "red+flower.jpg"). Letters, digits, '/', '-', '_', '.', '*' stay as they
 * are. Decode with `decodeURIComponent(key.replace(/\+/g, ' '))`.
 */
export function s3EventKey(key: string): string {
  let out = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9/\-_.*]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** One `name=value` pair of a raw query string, as sent (still URL-encoded) and decoded. */
export interface QueryPair {
  rawName: string;
  rawValue: string;
  name: string;
  value: string;
}

function decodeQueryPart(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Split `a=1&b=x%20y&a=2` (a leading '?' is ignored) into its pairs, in order. */
export function parseQuery(raw: string): QueryPair[] {
  const text = raw.startsWith('?') ? raw.slice(1) : raw;
  if (text === '') return [];
  return text
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const rawName = eq < 0 ? part : part.slice(0, eq);
      const rawValue = eq < 0 ? '' : part.slice(eq + 1);
      return { rawName, rawValue, name: decodeQueryPart(rawName), value: decodeQueryPart(rawValue) };
    });
}

/** Group values by name: `{ a: ['1', '2'] }`. */
export function multiMap(pairs: readonly { name: string; value: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { name, value } of pairs) (out[name] ??= []).push(value);
  return out;
}

/** The last value of each name, as API Gateway v1 and ALB's single-value maps hold. */
export function lastValueMap(pairs: readonly { name: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of pairs) out[name] = value;
  return out;
}

/** An X-Ray trace header: `Root=1-<8 hex seconds>-<24 hex>`. */
export function traceHeader(gen: EventGen): string {
  return `Root=1-${Math.floor(gen.now / 1000)
    .toString(16)
    .padStart(8, '0')}-${gen.hex(24)}`;
}

/** An IAM user's unique id, `AIDA` + 17 characters (SQS SenderId, S3 principals). */
export function iamUserId(gen: EventGen): string {
  return `AIDA${gen.chars(17, UPPER_ALNUM)}`;
}
