/**
 * Simulated latency of one API call, in virtual ms: what `client.send()` costs a handler's
 * Duration. AWS publishes no latency numbers for these APIs; the defaults are typical in-Region
 * round trips from Lambda as measured in public benchmarks and AWS's own wording:
 * - DynamoDB: "single-digit millisecond performance at any scale" (https://aws.amazon.com/dynamodb/) -> 6 ms.
 * - S3: first-byte latency "100-200 milliseconds" for small objects in S3's performance guidelines
 *   (https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance-guidelines.html)
 *   is the upper range; Lambda in-Region PUT/GET of small objects is usually 20-40 ms -> 25 ms.
 * - SQS and SNS: "typical latencies for SendMessage, ReceiveMessage, and DeleteMessage API requests
 *   are in the tens or low hundreds of milliseconds" (SQS FAQ, https://aws.amazon.com/sqs/faqs/) -> 15 ms / 20 ms.
 * - EventBridge PutEvents: about half a second end to end, but the API call itself returns in tens
 *   of ms (https://aws.amazon.com/eventbridge/faqs/) -> 20 ms.
 * Configurable per account (AccountOptions.latency).
 */
import type { LatencyOption, ServiceName } from './account-types.ts';

export const DEFAULT_LATENCY_MS: Readonly<Record<ServiceName, number>> = {
  s3: 25,
  dynamodb: 6,
  sqs: 15,
  sns: 20,
  events: 20,
};

/** The latency of `service.operation` under `option`. */
export function latencyFor(option: LatencyOption | undefined, service: ServiceName, operation: string): number {
  if (typeof option === 'function') {
    const n = option(service, operation);
    return Number.isFinite(n) && n >= 0 ? n : DEFAULT_LATENCY_MS[service];
  }
  const n = option?.[service];
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : DEFAULT_LATENCY_MS[service];
}
