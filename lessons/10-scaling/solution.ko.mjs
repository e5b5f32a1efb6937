/**
 * 정답: 용량 계획 도우미. 동시성은 초당 요청 수 곱하기 평균 실행 시간이에요. 한도는 함수에 예약된
 * 동시성이 있으면 그 값이고, 없으면 계정의 한도예요.
 * @param {{ requestsPerSecond?: number, durationMs?: number, accountLimit?: number, reserved?: number }} event
 *   예: {"requestsPerSecond":200,"durationMs":300,"accountLimit":1000}
 */
const DEFAULT_ACCOUNT_LIMIT = 1000; // 계정의 리전별 동시성. 늘려 달라고 요청하기 전까지는 이 값이에요
const UNRESERVED_MINIMUM = 100; // Lambda는 계정 한도 가운데 최소한 이만큼은 예약하지 않은 채로 남겨 둬요

// 모듈 스코프: 실행 환경마다 하나씩 있는 카운터예요. 함수 전체의 합계가 아니에요.
let servedHere = 0;

export const handler = async (event) => {
  servedHere += 1;
  const requestsPerSecond = event.requestsPerSecond ?? 0;
  const durationMs = event.durationMs ?? 0;
  const accountLimit = event.accountLimit ?? DEFAULT_ACCOUNT_LIMIT;
  const reserved = event.reserved; // undefined: 예약된 동시성 없음

  // 곱하기를 먼저, 나누기는 나중에: 200 * 300 / 1000 = 동시에 바쁜 실행 환경 60개.
  const concurrency = Math.ceil((requestsPerSecond * durationMs) / 1000);

  let limit = accountLimit;
  let advice;
  if (reserved !== undefined && reserved > accountLimit - UNRESERVED_MINIMUM) {
    // Lambda가 이 설정을 거부해요: 다른 함수들을 위해 최소 100은 예약하지 않고 남겨 둬야 해요.
    advice = 'invalid-reserved';
  } else if (reserved !== undefined) {
    limit = reserved; // 상한이자 보장이에요. 0이면 모든 요청이 스로틀링돼요
    advice = concurrency > limit ? 'raise-reserved' : 'ok';
  } else {
    advice = concurrency > limit ? 'request-quota-increase' : 'ok';
  }
  const throttled = concurrency > limit;

  console.log(`${requestsPerSecond} req/s x ${durationMs} ms = ${concurrency} concurrent; limit ${limit}: ${advice}`);
  return { concurrency, throttled, advice, servedHere };
};
