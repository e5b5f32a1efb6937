/**
 * Solution: recognise the event source from the event's shape and summarise it.
 * @param {object} event  An event from S3, SQS, Kinesis, DynamoDB Streams, SNS, API Gateway or EventBridge.
 * @returns {{ source: string, count: number, invocation: string }}
 */

/** How each source invokes a function (https://docs.aws.amazon.com/lambda/latest/dg/lambda-invocation.html). */
const INVOCATION = {
  apigateway: 'sync', // the caller waits for the response
  s3: 'async', // queued by Lambda, answered 202
  sns: 'async',
  eventbridge: 'async',
  sqs: 'poll', // event source mapping: Lambda's poller reads batches
  kinesis: 'poll',
  dynamodb: 'poll',
};

/** 's3', 'sqs', ... from the event's shape; 'unknown' when nothing matches. */
function sourceOf(event) {
  const first = event.Records?.[0];
  if (first) {
    // Every Records event names its source as 'aws:<service>'; only SNS capitalises the field.
    const tag = first.eventSource ?? first.EventSource;
    if (typeof tag === 'string' && tag.startsWith('aws:')) return tag.slice('aws:'.length);
  }
  // REST API (payload 1.0) has httpMethod; HTTP API (payload 2.0) has requestContext.http.
  if (event.httpMethod || event.requestContext?.http) return 'apigateway';
  if (event['detail-type'] !== undefined) return 'eventbridge';
  return 'unknown';
}

export const handler = async (event) => {
  const source = sourceOf(event);
  // Queues and streams send batches: count every record, never only the first.
  const count = Array.isArray(event.Records) ? event.Records.length : source === 'unknown' ? 0 : 1;
  const invocation = INVOCATION[source] ?? 'unknown';
  console.log(`${source}: ${count} record(s), invoked ${invocation}`);
  return { source, count, invocation };
};
