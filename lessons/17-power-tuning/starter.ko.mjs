// 튜닝해 볼 CPU 위주의 함수예요: event.limit(기본값 10,000)까지의 소수를 세요.
// { memoryMB, primes, picks: { speed, cost } }를 반환하세요.

/** k가 소수인지 알려 줘요. */
function isPrime(k) {
  if (k < 2) return false;
  // k보다 작은 모든 수로 나눠 봐요: 맞긴 하지만 느려요.
  for (let d = 2; d < k; d++) {
    if (k % d === 0) return false;
  }
  return true;
}

/**
 * @param {{ limit?: number }} event
 * @param {import('aws-lambda').Context} context  context.memoryLimitInMB가 메모리 설정이에요.
 */
export const handler = async (event, context) => {
  const limit = event.limit ?? 10_000;
  let primes = 0;
  for (let k = 2; k <= limit; k++) {
    if (isPrime(k)) primes++;
  }

  return {
    memoryMB: context.memoryLimitInMB, // TODO: 숫자로 주세요(이 값의 타입이 무엇인지 보세요)
    primes,
    // TODO: {"limit": 10000}으로 128,512,1024,1769,3008 MB에서 파워 튜닝을 해 보고,
    // 전략마다 고른 크기를 적으세요.
    picks: { speed: null, cost: null },
  };
};
