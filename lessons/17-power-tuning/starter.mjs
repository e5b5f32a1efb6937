// A CPU-bound function to tune: it counts the prime numbers up to event.limit (default 10,000).
// Return { memoryMB, primes, picks: { speed, cost } }.

/** Whether k is a prime number. */
function isPrime(k) {
  if (k < 2) return false;
  // Tries every divisor below k: correct, but slow.
  for (let d = 2; d < k; d++) {
    if (k % d === 0) return false;
  }
  return true;
}

/**
 * @param {{ limit?: number }} event
 * @param {import('aws-lambda').Context} context  context.memoryLimitInMB is the memory setting.
 */
export const handler = async (event, context) => {
  const limit = event.limit ?? 10_000;
  let primes = 0;
  for (let k = 2; k <= limit; k++) {
    if (isPrime(k)) primes++;
  }

  return {
    memoryMB: context.memoryLimitInMB, // TODO: a number, please (look at what type this is)
    primes,
    // TODO: after power tuning with {"limit": 10000} at 128,512,1024,1769,3008 MB,
    // write the size each strategy picks.
    picks: { speed: null, cost: null },
  };
};
