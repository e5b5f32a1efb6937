/**
 * Solution: count the primes up to event.limit with a sieve, report the memory setting as a
 * number, and record what power tuning picked for {"limit": 10000}.
 * @param {{ limit?: number }} event
 * @param {import('aws-lambda').Context} context
 */
export const handler = async (event, context) => {
  const limit = event.limit ?? 10_000;

  // Sieve of Eratosthenes: cross out the multiples of each prime once, instead of trying every
  // divisor of every number. Roughly limit x log(log(limit)) steps instead of limit x limit.
  const composite = new Uint8Array(limit + 1);
  let primes = 0;
  for (let k = 2; k <= limit; k++) {
    if (composite[k]) continue;
    primes++;
    for (let m = k * k; m <= limit; m += k) composite[m] = 1;
  }

  return {
    // Lambda passes the memory setting as a string ("128"); JSON needs a number here.
    memoryMB: Number(context.memoryLimitInMB),
    primes,
    // From `coldstart tune index.mjs --event '{"limit":10000}' --memory 128,512,1024,1769,3008`:
    // speed: fastest at 1,769 MB (one full vCPU; 3,008 MB is no faster and costs more);
    // cost: cheapest at 128 MB (the same CPU work costs about the same below 1,769 MB, and the
    // 1 ms rounding weighs least at the smallest size).
    picks: { speed: 1769, cost: 128 },
  };
};
