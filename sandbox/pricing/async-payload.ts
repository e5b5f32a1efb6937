/**
 * Extra requests for large async events. FACTS.md (from the pricing page): "events over 256 KB are
 * charged 1 extra request per 64 KB". Our reading, stated because the page does not spell out
 * partial chunks: the first 256 KB are the request itself; every started 64 KB chunk beyond that
 * adds one request (the page says "for each 64 KB of chunk", and billing elsewhere rounds up).
 * So 257 KB = 1 + 1 requests, 320 KB = 1 + 1, 321 KB = 1 + 2, and the 1 MB maximum =
 * 1 + (1,024 - 256) / 64 = 1 + 12 = 13 requests. KB is 1,024 bytes.
 * Only async invocations pay this; synchronous payloads are never charged extra.
 */
import { ASYNC_PAYLOAD_CHUNK_BYTES, ASYNC_PAYLOAD_INCLUDED_BYTES } from '../facts/pricing.ts';
import { ASYNC_PAYLOAD_MAX_BYTES } from '../facts/limits.ts';
import { PricingInputError, requireNonNegative } from './errors.ts';

/** Extra billed requests for one async event of `payloadBytes` (0 up to 256 KB, 12 at 1 MB). */
export function asyncExtraRequests(payloadBytes: number): number {
  requireNonNegative(payloadBytes, 'Async payload size (bytes)');
  if (payloadBytes > ASYNC_PAYLOAD_MAX_BYTES) {
    throw new PricingInputError(
      `An async event of ${payloadBytes} bytes is over the ${ASYNC_PAYLOAD_MAX_BYTES}-byte limit: Lambda rejects it, so it is never billed.`,
    );
  }
  if (payloadBytes <= ASYNC_PAYLOAD_INCLUDED_BYTES) return 0;
  return Math.ceil((payloadBytes - ASYNC_PAYLOAD_INCLUDED_BYTES) / ASYNC_PAYLOAD_CHUNK_BYTES);
}

/** Total billed requests for one async event: the request itself plus its extra chunks. */
export function asyncBilledRequests(payloadBytes: number): number {
  return 1 + asyncExtraRequests(payloadBytes);
}
