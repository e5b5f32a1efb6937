/**
 * 나의 첫 Lambda 함수. Lambda는 호출될 때마다 `handler`를 한 번 불러요.
 * @param {Record<string, string>} event  호출한 쪽이 보낸 JSON. 이미 객체로 파싱되어 있어요.
 * @param {import('aws-lambda').Context} context  이번 호출에 대한 정보(요청 ID, 남은 시간...).
 */
export const handler = async (event, context) => {
  // console.log로 찍은 줄은 CloudWatch Logs의 START 줄과 END 줄 사이에 남아요.
  console.log(`Got key1: ${event.key1}`);

  // TODO: event.name에게 인사하고(없으면 'world'), context.awsRequestId를 로그로 남기세요.
  const message = `You sent key1 = ${event.key1}`;

  // 반환한 값은 무엇이든 JSON으로 바뀌어 호출한 쪽에 전달돼요.
  // statusCode + body는 API Gateway와 함수 URL이 기대하는 모양이에요.
  return {
    statusCode: 200,
    body: JSON.stringify({ message }),
  };
};
