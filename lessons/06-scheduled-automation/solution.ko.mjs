/**
 * 정답: 개발 서버를 정해진 시간에 켜거나 꺼요.
 * EventBridge 규칙 두 개가 이 함수를 호출해요(시각은 UTC예요. 서울 시각(UTC+9)으로 09:00과 19:00):
 *   dev-servers-start  cron(0 0 ? * MON-FRI *)
 *   dev-servers-stop   cron(0 10 ? * MON-FRI *)
 * 그 밖의 규칙(예: dev-servers-hourly, rate(1 hour))은 이벤트의 시각으로 정해요.
 * 인스턴스 ID는 INSTANCE_IDS 환경 변수에서 가져와요(쉼표로 구분).
 */

/** UTC 기준 근무 시간: [START, STOP)은 서울 시각 09:00-19:00이에요. */
const START_HOUR_UTC = 0;
const STOP_HOUR_UTC = 10;

/** 'arn:aws:events:us-east-1:123456789012:rule/dev-servers-start'에서 뽑은 'dev-servers-start'. */
const ruleName = (event) => String(event.resources?.[0] ?? '').split('/').pop();

const instanceIds = () =>
  (process.env.INSTANCE_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

/** 이벤트만 보고 'start', 'stop', 'skip'을 정해요: 늦게 오거나 두 번 온 이벤트도 똑같이 판단해요. */
function decide(rule, time) {
  const day = time.getUTCDay(); // 0 = 일요일, 6 = 토요일. cron 식처럼 UTC 기준이에요
  if (day === 0 || day === 6) return 'skip';
  if (rule.endsWith('-start')) return 'start';
  if (rule.endsWith('-stop')) return 'stop';
  const hour = time.getUTCHours();
  return hour >= START_HOUR_UTC && hour < STOP_HOUR_UTC ? 'start' : 'stop';
}

export const handler = async (event) => {
  const rule = ruleName(event);
  // 예약된 시각은 이벤트에 들어 있어요. new Date()는 쓰지 마세요: 재시도하면 다른 시각이 나와요.
  const action = decide(rule, new Date(event.time));
  const ids = action === 'skip' ? [] : instanceIds();

  if (action === 'skip') {
    console.log(`skip: ${event.time} is a weekend (rule ${rule})`);
  } else {
    // 실제 함수라면 여기서 EC2의 StartInstances / StopInstances를 불러요. 둘 다 여러 번 불러도 안전해요:
    // 이미 켜진 인스턴스를 켜거나, 꺼진 인스턴스를 꺼도 아무것도 바뀌지 않아요.
    console.log(`${action} ${ids.join(', ') || '(no instances)'} (rule ${rule}, ${event.time})`);
  }
  return { action, rule, instanceIds: ids };
};
