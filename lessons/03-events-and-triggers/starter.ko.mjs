/**
 * 이 이벤트는 어느 서비스가 보냈을까요? 이벤트 소스마다 모양이 다르고, 함수가 받는 건 그 모양뿐이에요.
 * 요약을 반환하세요: { source, count } (나중에 invocation도).
 * @param {object} event  S3, SQS, Kinesis, DynamoDB Streams, SNS, API Gateway, EventBridge 중 하나가 보낸 이벤트.
 */
export const handler = async (event) => {
  const records = event.Records ?? [];
  console.log(`Top-level fields: ${Object.keys(event).join(', ')}`);

  // TODO 1: records[0].eventSource가 'aws:s3', 'aws:sqs', 'aws:kinesis', 'aws:dynamodb' 중 하나면
  //         source는 's3', 'sqs', 'kinesis', 'dynamodb'이고 count = records.length예요.
  // TODO 2: SNS만 E를 대문자로 써요: records[0].EventSource === 'aws:sns'.
  // TODO 3: API Gateway: event.httpMethod(REST API)나 event.requestContext.http(HTTP API)가 있으면 'apigateway', count 1.
  // TODO 4: EventBridge: event['detail-type']이 있으면 'eventbridge', count 1.
  // TODO 5: invocation을 추가하세요: 'sync', 'async', 'poll' 중 하나.
  return { source: 'unknown', count: 0 };
};
