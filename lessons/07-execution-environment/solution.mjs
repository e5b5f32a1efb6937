/**
 * Solution: work done once per execution environment lives at module level (INIT); everything that
 * belongs to one request lives inside the handler.
 * @param {{ items?: { price: number }[] }} event  e.g. {"items":[{"price":1000},{"price":2500}]}
 * @param {import('aws-lambda').Context} context
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pretends to fetch settings from a parameter store: about 300 ms per call. */
async function loadConfig() {
  console.log('Loading config...');
  await sleep(300);
  return { currency: 'KRW', taxRate: 0.1 };
}

// Module scope runs once, during INIT. Top-level await makes INIT wait for the config,
// so warm invokes find it ready (and since 1 Aug 2025 those 300 ms are billed once, as INIT).
const config = await loadConfig();

// Also module scope: they survive warm invokes of THIS environment only.
let invocations = 0;
let coldStart = true;

const CACHE_FILE = '/tmp/price-list.json';

export const handler = async (event, context) => {
  invocations += 1;
  const wasCold = coldStart;
  coldStart = false;

  // /tmp survives warm invokes too: a cache, never the only copy of anything.
  let cache = 'hit';
  if (!existsSync(CACHE_FILE)) {
    cache = 'miss';
    writeFileSync(CACHE_FILE, JSON.stringify({ savedBy: context.awsRequestId }));
  } else {
    readFileSync(CACHE_FILE, 'utf8');
  }

  // One order's data belongs to this invoke: a local variable, fresh every time.
  const lines = event.items ?? [];
  const subtotal = lines.reduce((sum, item) => sum + item.price, 0);
  console.log(`Invocation ${invocations} (${wasCold ? 'cold' : 'warm'}), cache ${cache}`);

  return {
    invocation: invocations,
    coldStart: wasCold,
    cache,
    lineCount: lines.length,
    total: Math.round(subtotal * (1 + config.taxRate)),
    currency: config.currency,
  };
};
