/**
 * REPORT 줄과 트래픽 숫자로 한 달 치 Lambda 요금을 계산해요.
 * 이벤트: { requests, durationMs, memoryMB, arch, freeTier, coldStarts, initMs }. 필드마다 기본값이
 * 있어서, 콘솔의 테스트 이벤트를 그대로 보내면 AWS의 첫 번째 계산 예시가 나와요.
 * { gbSeconds, requestsUsd, durationUsd, totalUsd }를 반환하세요. 달러는 센트 단위로 반올림해요.
 */
const PRICE_PER_REQUEST = 0.2 / 1_000_000; // 요청 100만 건에 $0.20
const PRICE_PER_GB_SECOND = 0.0000166667; // x86_64, us-east-1

export const handler = async (event) => {
  const {
    requests = 3_000_000,
    durationMs = 120,
    memoryMB = 1536,
    arch = 'x86_64', // TODO: arm64는 GB-초당 가격이 따로 있어요
    freeTier = true, // TODO: 매달 요청 100만 건과 400,000 GB-초는 무료예요
    coldStarts = 0, // TODO: 요청 가운데 콜드 스타트가 몇 번이었는지...
    initMs = 0, // ...그리고 그때마다의 Init Duration
  } = event;

  // 어느 블로그 글에서 Lambda는 "100 ms 단위로" 과금한다고 했어요. 지금도 그럴까요?
  const billedMs = Math.ceil(durationMs / 100) * 100;
  const gbSeconds = requests * (billedMs / 1000) * (memoryMB / 1024);

  const requestsUsd = requests * PRICE_PER_REQUEST;
  const durationUsd = gbSeconds * PRICE_PER_GB_SECOND;
  return { gbSeconds, requestsUsd, durationUsd, totalUsd: requestsUsd + durationUsd };
};
