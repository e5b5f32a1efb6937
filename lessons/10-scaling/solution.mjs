/**
 * Solution: the capacity planner. Concurrency is requests per second times the average duration;
 * the limit is the function's reserved concurrency when it has one, the account's otherwise.
 * @param {{ requestsPerSecond?: number, durationMs?: number, accountLimit?: number, reserved?: number }} event
 *   e.g. {"requestsPerSecond":200,"durationMs":300,"accountLimit":1000}
 */
const DEFAULT_ACCOUNT_LIMIT = 1000; // concurrency per Region per account, until you ask for more
const UNRESERVED_MINIMUM = 100; // Lambda keeps at least this much of the account limit unreserved

// Module scope: one counter per execution environment, never a total for the function.
let servedHere = 0;

export const handler = async (event) => {
  servedHere += 1;
  const requestsPerSecond = event.requestsPerSecond ?? 0;
  const durationMs = event.durationMs ?? 0;
  const accountLimit = event.accountLimit ?? DEFAULT_ACCOUNT_LIMIT;
  const reserved = event.reserved; // undefined: no reserved concurrency

  // Multiply first, then divide: 200 * 300 / 1000 = 60 environments busy at once.
  const concurrency = Math.ceil((requestsPerSecond * durationMs) / 1000);

  let limit = accountLimit;
  let advice;
  if (reserved !== undefined && reserved > accountLimit - UNRESERVED_MINIMUM) {
    // Lambda refuses this setting: at least 100 must stay unreserved for the other functions.
    advice = 'invalid-reserved';
  } else if (reserved !== undefined) {
    limit = reserved; // a cap and a guarantee; 0 throttles every request
    advice = concurrency > limit ? 'raise-reserved' : 'ok';
  } else {
    advice = concurrency > limit ? 'request-quota-increase' : 'ok';
  }
  const throttled = concurrency > limit;

  console.log(`${requestsPerSecond} req/s x ${durationMs} ms = ${concurrency} concurrent; limit ${limit}: ${advice}`);
  return { concurrency, throttled, advice, servedHere };
};
