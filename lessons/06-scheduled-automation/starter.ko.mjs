/**
 * 개발 서버를 정해진 시간에 켜거나 꺼요.
 * EventBridge 예약 규칙이 이 함수를 호출하고, 이벤트는 이렇게 생겼어요:
 *   { "detail-type": "Scheduled Event", "source": "aws.events", "time": "2026-04-09T00:00:00Z",
 *     "resources": ["arn:aws:events:us-east-1:123456789012:rule/dev-servers-start"], "detail": {} }
 * { action, rule, instanceIds }를 반환하세요.
 */
export const handler = async (event) => {
  console.log(JSON.stringify(event));

  // TODO 1: 규칙 이름은 event.resources[0]의 마지막 부분이에요('dev-servers-start').
  //         이름이 -start로 끝나면 'start', -stop으로 끝나면 'stop'이에요.
  // TODO 2: instanceIds: process.env.INSTANCE_IDS를 쉼표로 나누고, 공백을 다듬고, 빈 값은 버리세요.
  // TODO 3: 그 밖의 규칙(dev-servers-hourly): UTC 00:00부터 09:59까지는 'start', 나머지는 'stop'.
  // TODO 4: 토요일과 일요일(UTC)에는 아무것도 하지 마세요: action 'skip', instanceIds [].
  //         시각은 시계가 아니라 event.time에서 읽어야 해요.
  // TODO 5: 무엇을 하는지 로그로 남기세요: action과 모든 인스턴스 ID.
  return { action: 'none' };
};
