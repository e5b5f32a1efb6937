/**
 * Which service sent this event? Every source has its own shape; the shape is all the function gets.
 * Return a summary: { source, count } (and later invocation).
 * @param {object} event  An event from S3, SQS, Kinesis, DynamoDB Streams, SNS, API Gateway or EventBridge.
 */
export const handler = async (event) => {
  const records = event.Records ?? [];
  console.log(`Top-level fields: ${Object.keys(event).join(', ')}`);

  // TODO 1: records[0].eventSource is 'aws:s3', 'aws:sqs', 'aws:kinesis' or 'aws:dynamodb':
  //         source 's3', 'sqs', 'kinesis' or 'dynamodb', and count = records.length.
  // TODO 2: SNS spells it with a capital E: records[0].EventSource === 'aws:sns'.
  // TODO 3: API Gateway: event.httpMethod (REST API) or event.requestContext.http (HTTP API): 'apigateway', count 1.
  // TODO 4: EventBridge: event['detail-type'] is set: 'eventbridge', count 1.
  // TODO 5: add invocation: 'sync', 'async' or 'poll'.
  return { source: 'unknown', count: 0 };
};
