/**
 * 정답: 이벤트가 알려 준 이름으로 인사하고, 요청 ID를 로그로 남겨요.
 * @param {Record<string, string>} event  호출한 쪽이 보낸 JSON, 예: {"name":"Ada"}.
 * @param {import('aws-lambda').Context} context  이번 호출에 대한 정보.
 */
export const handler = async (event, context) => {
  // `??`는 name이 없을 때(undefined나 null)만 기본값을 써요. ""일 때는 그대로 두고요.
  const name = event.name ?? 'world';

  // START, END, REPORT 줄에도 같은 ID가 찍히니, 이 ID로 로그 줄을 서로 맞춰 볼 수 있어요.
  console.log(`Request ${context.awsRequestId} greets ${name}`);

  return {
    statusCode: 200,
    body: JSON.stringify({ message: `Hello, ${name}!` }),
  };
};
