/**
 * 정답: 이벤트의 모양을 보고 이벤트 소스를 알아낸 뒤 요약해요.
 * @param {object} event  S3, SQS, Kinesis, DynamoDB Streams, SNS, API Gateway, EventBridge 중 하나가 보낸 이벤트.
 * @returns {{ source: string, count: number, invocation: string }}
 */

/** 소스마다 함수를 호출하는 방식(https://docs.aws.amazon.com/lambda/latest/dg/lambda-invocation.html). */
const INVOCATION = {
  apigateway: 'sync', // 호출한 쪽이 응답을 기다려요
  s3: 'async', // Lambda가 큐에 넣고 202로 바로 답해요
  sns: 'async',
  eventbridge: 'async',
  sqs: 'poll', // 이벤트 소스 매핑: Lambda의 폴러가 배치를 읽어 와요
  kinesis: 'poll',
  dynamodb: 'poll',
};

/** 이벤트 모양으로 알아낸 's3', 'sqs', ...; 맞는 게 없으면 'unknown'. */
function sourceOf(event) {
  const first = event.Records?.[0];
  if (first) {
    // Records 이벤트는 모두 'aws:<서비스>'로 소스를 밝혀요. 필드 이름을 대문자로 쓰는 건 SNS뿐이에요.
    const tag = first.eventSource ?? first.EventSource;
    if (typeof tag === 'string' && tag.startsWith('aws:')) return tag.slice('aws:'.length);
  }
  // REST API(페이로드 1.0)에는 httpMethod가, HTTP API(페이로드 2.0)에는 requestContext.http가 있어요.
  if (event.httpMethod || event.requestContext?.http) return 'apigateway';
  if (event['detail-type'] !== undefined) return 'eventbridge';
  return 'unknown';
}

export const handler = async (event) => {
  const source = sourceOf(event);
  // 큐와 스트림은 배치로 보내요. 첫 레코드만 말고 전부 세야 해요.
  const count = Array.isArray(event.Records) ? event.Records.length : source === 'unknown' ? 0 : 1;
  const invocation = INVOCATION[source] ?? 'unknown';
  console.log(`${source}: ${count} record(s), invoked ${invocation}`);
  return { source, count, invocation };
};
