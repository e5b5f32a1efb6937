/**
 * Solution: a month of Lambda's bill, as the pricing page adds it up (us-east-1, first price tier).
 * Event: { requests, durationMs, memoryMB, arch, freeTier, coldStarts, initMs }; every field has a
 * default, so the console's test event prices AWS's first worked example ($2.73).
 */
const PRICE_PER_REQUEST = 0.2 / 1_000_000; // $0.20 per 1M requests, x86_64 and arm64 alike
const PRICE_PER_GB_SECOND = { x86_64: 0.0000166667, arm64: 0.0000133334 };
const FREE_REQUESTS = 1_000_000; // per month
const FREE_GB_SECONDS = 400_000; // per month

/** Dollars rounded to cents, as the pricing page shows each line. */
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

  // Billed per invocation in 1 ms steps, rounded up. A cold start bills Duration + Init Duration
  // (since 1 Aug 2025), rounded up together, as its REPORT line shows.
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
