/**
 * Admission checks Lambda's Invoke API makes before anything runs: the request payload (the event
 * JSON) must fit the invocation type's quota, 6 MB (6,291,456 bytes) for a synchronous invoke and
 * 1 MB (1,048,576 bytes) for an asynchronous one. A larger request is refused with HTTP 413
 * RequestEntityTooLargeException; no environment starts and nothing is billed.
 * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, API_Invoke.html
 */
import { ASYNC_PAYLOAD_MAX_BYTES, SYNC_PAYLOAD_MAX_BYTES } from '../facts/limits.ts';
import { failureRecord } from '../invocation/failure-record.ts';
import type { FunctionConfig, InvocationRecord, LambdaError } from '../invocation/record.ts';

/** How the caller invokes: RequestResponse (sync) or Event (async). */
export type RequestInvocationType = 'sync' | 'async';

/** HTTP status of the refusal. */
export const REQUEST_TOO_LARGE_STATUS = 413;

/** The request payload quota of an invocation type, in bytes. */
export function requestPayloadLimitBytes(type: RequestInvocationType): number {
  return type === 'async' ? ASYNC_PAYLOAD_MAX_BYTES : SYNC_PAYLOAD_MAX_BYTES;
}

/**
 * The error Invoke returns for an over-size request, or undefined when it fits. The sync wording
 * is what Lambda answers (AWS CLI: "Request must be smaller than 6291456 bytes for the
 * InvokeFunction operation"); the async one follows the same pattern for InvokeAsync, as the
 * simulated account's async invoker words it.
 */
export function requestTooLarge(eventJson: string, type: RequestInvocationType = 'sync'): (LambdaError & { statusCode: number; bytes: number }) | undefined {
  const limit = requestPayloadLimitBytes(type);
  // Cheap exits: a UTF-16 string of n units is at least n and at most 3n UTF-8 bytes.
  if (eventJson.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(eventJson, 'utf8');
  if (bytes <= limit) return undefined;
  const operation = type === 'async' ? 'InvokeAsync' : 'InvokeFunction';
  return {
    errorType: 'RequestEntityTooLargeException',
    errorMessage: `Request must be smaller than ${limit} bytes for the ${operation} operation`,
    trace: [],
    statusCode: REQUEST_TOO_LARGE_STATUS,
    bytes,
  };
}

/** The record of a refused request: nothing ran, nothing billed, a note saying why. */
export function requestTooLargeRecord(requestId: string, config: FunctionConfig, eventJson: string, type: RequestInvocationType = 'sync'): InvocationRecord | undefined {
  const refused = requestTooLarge(eventJson, type);
  if (!refused) return undefined;
  const { statusCode, bytes, ...error } = refused;
  const limit = requestPayloadLimitBytes(type);
  const kind = type === 'async' ? 'an asynchronous (Event)' : 'a synchronous';
  return failureRecord({
    requestId,
    config,
    status: 'error',
    durationMs: 0,
    ran: false,
    error,
    notes: [
      `Lambda refused this request before running the function (HTTP ${statusCode} ${error.errorType}): the event is ${bytes} bytes, and ${kind} invoke accepts at most ${limit} bytes (${limit / 1024 / 1024} MB).`,
    ],
  });
}
