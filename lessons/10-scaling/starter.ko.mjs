/**
 * 용량 계획 도우미: 예상 트래픽을 넣으면 Lambda에 실행 환경이 몇 개 필요한지, 스로틀링되는 요청이
 * 생길지 알려 줘요. 아직 절반만 만들어져 있어요.
 * @param {{ requestsPerSecond?: number, durationMs?: number, accountLimit?: number, reserved?: number }} event
 *   예: {"requestsPerSecond":200,"durationMs":300,"accountLimit":1000}
 */
const DEFAULT_ACCOUNT_LIMIT = 1000; // 계정의 리전별 동시성. 늘려 달라고 요청하기 전까지는 이 값이에요
const UNRESERVED_MINIMUM = 100; // Lambda는 계정 한도 가운데 최소한 이만큼은 예약하지 않은 채로 남겨 둬요

export const handler = async (event) => {
  const requestsPerSecond = event.requestsPerSecond ?? 0;
  const durationMs = event.durationMs ?? 0;
  const accountLimit = event.accountLimit ?? DEFAULT_ACCOUNT_LIMIT;
  const reserved = event.reserved; // undefined: 예약된 동시성 없음

  // TODO (과제 1): 동시성 = 초당 요청 수 x 평균 실행 시간(초), 올림.
  const concurrency = requestsPerSecond;

  // TODO (과제 2-4): 적용되는 한도(계정 한도, 또는 예약된 동시성)와 비교해서 조언을 정하세요:
  // "ok", "request-quota-increase", "raise-reserved", "invalid-reserved" 중 하나.
  const throttled = false;
  const advice = 'ok';

  // TODO (과제 5): 이 실행 환경이 처리한 요청 수를 세세요.
  const servedHere = 1;

  return { concurrency, throttled, advice, servedHere };
};
