/**
 * The MD5 digests SQS puts in every message: of the body, and of the message attributes encoded as
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation
 * describes (sorted by name; each of name, data type and value as a 4-byte big-endian length plus
 * UTF-8 bytes, with a transport byte before the value: 1 for String and Number, 2 for Binary).
 */
import { createHash } from 'node:crypto';

/** Hex MD5 of a UTF-8 string. */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** A String or Number message attribute. */
export interface StringAttribute {
  dataType: 'String' | 'Number';
  stringValue: string;
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length, 0);
  return Buffer.concat([len, bytes]);
}

/** md5OfMessageAttributes for string-valued attributes. */
export function md5OfMessageAttributes(attributes: Record<string, StringAttribute>): string {
  const hash = createHash('md5');
  for (const name of Object.keys(attributes).sort()) {
    const a = attributes[name];
    if (!a) continue;
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(a.dataType, 'utf8')));
    hash.update(Buffer.from([1]));
    hash.update(lengthPrefixed(Buffer.from(a.stringValue, 'utf8')));
  }
  return hash.digest('hex');
}
