/**
 * 정답: 체로 event.limit까지의 소수를 세고, 메모리 설정을 숫자로 알려 주고,
 * {"limit": 10000}에 대해 파워 튜닝이 고른 크기를 적어 둬요.
 * @param {{ limit?: number }} event
 * @param {import('aws-lambda').Context} context
 */
export const handler = async (event, context) => {
  const limit = event.limit ?? 10_000;

  // 에라토스테네스의 체: 수마다 모든 약수로 나눠 보는 대신, 소수마다 그 배수를 한 번씩 지워요.
  // 대략 limit x limit 단계가 아니라 limit x log(log(limit)) 단계면 끝나요.
  const composite = new Uint8Array(limit + 1);
  let primes = 0;
  for (let k = 2; k <= limit; k++) {
    if (composite[k]) continue;
    primes++;
    for (let m = k * k; m <= limit; m += k) composite[m] = 1;
  }

  return {
    // Lambda는 메모리 설정을 문자열("128")로 넘겨요. JSON에서는 여기에 숫자가 필요해요.
    memoryMB: Number(context.memoryLimitInMB),
    primes,
    // `coldstart tune index.mjs --event '{"limit":10000}' --memory 128,512,1024,1769,3008`의 결과:
    // speed: 1,769 MB에서 가장 빨라요(vCPU 한 개를 다 써요. 3,008 MB는 더 빠르지 않고 더 비싸요).
    // cost: 128 MB에서 가장 싸요(1,769 MB 아래에서는 같은 CPU 작업의 비용이 거의 같고,
    // 1 ms 단위 올림은 가장 작은 크기에서 가장 덜 무거워요).
    picks: { speed: 1769, cost: 128 },
  };
};
