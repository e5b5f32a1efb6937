/**
 * Bodies and binary values: what callers may pass (string, Uint8Array/Buffer, or the sandbox wire
 * form `{ $bytes: latin1 }`) turned into a Buffer.
 */
export function toBuffer(value: unknown): Buffer | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'object' && typeof (value as { $bytes?: unknown }).$bytes === 'string') return Buffer.from((value as { $bytes: string }).$bytes, 'latin1');
  return undefined;
}

/** The text of a body when it is valid UTF-8 without control characters (for previews). */
export function textPreview(body: Buffer, max = 256): string | undefined {
  const text = body.subarray(0, max * 4).toString('utf8');
  // eslint-disable-next-line no-control-regex -- control characters mark binary content
  if (text.includes('\uFFFD') || /[\u0000-\u0008\u000E-\u001F]/.test(text)) return undefined;
  return text.slice(0, max);
}
