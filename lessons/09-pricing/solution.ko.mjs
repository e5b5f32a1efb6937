/**
 * 정답: 요금 페이지가 더하는 방식 그대로 한 달 치 Lambda 요금을 계산해요(us-east-1, 첫 번째 가격 구간).
 * 이벤트: { requests, durationMs, memoryMB, arch, freeTier, coldStarts, initMs }. 필드마다 기본값이
 * 있어서, 콘솔의 테스트 이벤트를 그대로 보내면 AWS의 첫 번째 계산 예시($2.73)가 나와요.
 */
const PRICE_PER_REQUEST = 0.2 / 1_000_000; // 요청 100만 건에 $0.20, x86_64와 arm64 모두 같아요
const PRICE_PER_GB_SECOND = { x86_64: 0.0000166667, arm64: 0.0000133334 };
const FREE_REQUESTS = 1_000_000; // 한 달에
const FREE_GB_SECONDS = 400_000; // 한 달에

/** 센트 단위로 반올림한 달러. 요금 페이지도 항목마다 이렇게 보여 줘요. */
const cents = (usd) => Math.round(usd * 100) / 100;

export const handler = async (event) => {
  const {
    requests = 3_000_000,
    durationMs = 120,
    memoryMB = 1536,
    arch = 'x86_64',
    freeTier = true,
    coldStarts = 0,
    initMs = 0,
  } = event;

  // 호출마다 1 ms 단위로 올림해서 과금해요. 콜드 스타트는 Duration + Init Duration을 합쳐서
  // 한 번에 올림해 과금해요(2025년 8월 1일부터). REPORT 줄에 나오는 그대로예요.
  const warmMs = Math.ceil(durationMs);
  const coldMs = Math.ceil(durationMs + initMs);
  const billedMs = (requests - coldStarts) * warmMs + coldStarts * coldMs;
  const gbSeconds = (billedMs / 1000) * (memoryMB / 1024);

  const billableRequests = freeTier ? Math.max(0, requests - FREE_REQUESTS) : requests;
  const billableGbSeconds = freeTier ? Math.max(0, gbSeconds - FREE_GB_SECONDS) : gbSeconds;

  const requestsUsd = cents(billableRequests * PRICE_PER_REQUEST);
  const durationUsd = cents(billableGbSeconds * PRICE_PER_GB_SECOND[arch]);
  return { gbSeconds, requestsUsd, durationUsd, totalUsd: cents(requestsUsd + durationUsd) };
};
