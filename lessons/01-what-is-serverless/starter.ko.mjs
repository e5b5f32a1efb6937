/**
 * 서버 없이 함수 하나만: 트리거가 어떤 이벤트를 보내든 Lambda가 이 함수를 실행해 줘요.
 * 지금은 누가 호출하든 모든 이벤트에 똑같은 인사말로만 답해요.
 * @param {object} event  트리거가 보낸 것: API Gateway의 HTTP 요청, S3의 Records 목록, ...
 */
export const handler = async (event) => {
  // 트리거마다 이벤트 모양이 달라요. 무엇이 들어왔는지 로그로 찍어 보세요.
  console.log('Event:', JSON.stringify(event));

  // TODO 1: API Gateway(event.httpMethod가 있어요): statusCode 200과 JSON 본문 { method, path }를 반환하세요.
  // TODO 2: S3(event.Records의 각 항목에 eventSource 'aws:s3'가 있어요): ObjectCreated 이벤트면
  //         `New object: <bucket>/<key> (<size> bytes)`를 로그로 남기세요.
  // TODO 3: ObjectRemoved 이벤트면 `Deleted object: <bucket>/<key>`를 남기세요(삭제에는 크기가 없어요).
  return {
    statusCode: 200,
    body: JSON.stringify({ message: 'Hello from Lambda!' }),
  };
};
