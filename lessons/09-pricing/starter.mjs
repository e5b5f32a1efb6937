/**
 * A month of Lambda's bill, from the numbers a REPORT line and your traffic give you.
 * Event: { requests, durationMs, memoryMB, arch, freeTier, coldStarts, initMs }. Every field has
 * a default, so the console's test event prices AWS's first worked example.
 * Return { gbSeconds, requestsUsd, durationUsd, totalUsd }, dollars rounded to cents.
 */
const PRICE_PER_REQUEST = 0.2 / 1_000_000; // $0.20 per 1M requests
const PRICE_PER_GB_SECOND = 0.0000166667; // x86_64, us-east-1

export const handler = async (event) => {
  const {
    requests = 3_000_000,
    durationMs = 120,
    memoryMB = 1536,
    arch = 'x86_64', // TODO: arm64 has its own price per GB-s
    freeTier = true, // TODO: 1M requests and 400,000 GB-s a month are free
    coldStarts = 0, // TODO: how many of the requests were cold starts...
    initMs = 0, // ...and the Init Duration of each
  } = event;

  // A blog post said Lambda bills "in 100 ms units". Is that still true?
  const billedMs = Math.ceil(durationMs / 100) * 100;
  const gbSeconds = requests * (billedMs / 1000) * (memoryMB / 1024);

  const requestsUsd = requests * PRICE_PER_REQUEST;
  const durationUsd = gbSeconds * PRICE_PER_GB_SECOND;
  return { gbSeconds, requestsUsd, durationUsd, totalUsd: requestsUsd + durationUsd };
};
