/**
 * A capacity planner: given the traffic you expect, how many execution environments will Lambda
 * need, and will some requests be throttled? It is only half written.
 * @param {{ requestsPerSecond?: number, durationMs?: number, accountLimit?: number, reserved?: number }} event
 *   e.g. {"requestsPerSecond":200,"durationMs":300,"accountLimit":1000}
 */
const DEFAULT_ACCOUNT_LIMIT = 1000; // concurrency per Region per account, until you ask for more
const UNRESERVED_MINIMUM = 100; // Lambda keeps at least this much of the account limit unreserved

export const handler = async (event) => {
  const requestsPerSecond = event.requestsPerSecond ?? 0;
  const durationMs = event.durationMs ?? 0;
  const accountLimit = event.accountLimit ?? DEFAULT_ACCOUNT_LIMIT;
  const reserved = event.reserved; // undefined: no reserved concurrency

  // TODO (task 1): concurrency = requests per second x average duration in seconds, rounded up.
  const concurrency = requestsPerSecond;

  // TODO (tasks 2-4): compare with the limit that applies (the account limit, or the reservation)
  // and give advice: "ok", "request-quota-increase", "raise-reserved" or "invalid-reserved".
  const throttled = false;
  const advice = 'ok';

  // TODO (task 5): count the requests THIS execution environment has served.
  const servedHere = 1;

  return { concurrency, throttled, advice, servedHere };
};
