/**
 * What Lambda sends when it gives up on (or completes) an asynchronous event:
 * - the invocation record for destinations, shaped as in
 *   https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 * - the dead-letter message: the event as the body, with RequestID, ErrorCode and ErrorMessage
 *   attributes (invocation-async-retain-records.html, "Dead-letter queues").
 */
import type { InvocationRecord } from '../invocation/record.ts';
import { lambdaArn } from './lambda-service.ts';

/** The record destinations receive. */
export interface AsyncInvocationRecord {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  responsePayload: unknown;
}

function parseOrText(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/** Build the destination record of an async event after `invokeCount` attempts ending with `last`. */
export function asyncInvocationRecord(input: {
  functionName: string;
  requestId: string;
  condition: AsyncInvocationRecord['requestContext']['condition'];
  invokeCount: number;
  eventJson: string;
  last: InvocationRecord | undefined;
  nowMs: number;
}): AsyncInvocationRecord {
  const { last } = input;
  const responseContext: AsyncInvocationRecord['responseContext'] = { statusCode: 200, executedVersion: '$LATEST' };
  let responsePayload: unknown = null;
  if (last && !last.ok) {
    responseContext.functionError = 'Unhandled';
    responsePayload = {
      errorType: last.error.errorType,
      errorMessage: last.error.errorMessage,
      trace: last.error.trace,
    };
  } else if (last?.ok) responsePayload = parseOrText(last.result);
  return {
    version: '1.0',
    timestamp: new Date(input.nowMs).toISOString(),
    requestContext: {
      requestId: input.requestId,
      functionArn: `${lambdaArn(input.functionName)}:$LATEST`,
      condition: input.condition,
      approximateInvokeCount: input.invokeCount,
    },
    requestPayload: parseOrText(input.eventJson),
    responseContext,
    responsePayload,
  };
}

/** Attributes of a dead-letter message: ErrorMessage is the first 1 KB of the error message. */
export function deadLetterAttributes(
  requestId: string,
  last: InvocationRecord | undefined,
  fallback: string,
): Record<string, string> {
  const message = last && !last.ok ? last.error.errorMessage : fallback;
  return { RequestID: requestId, ErrorCode: '200', ErrorMessage: message.slice(0, 1024) };
}
