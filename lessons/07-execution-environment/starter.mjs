/**
 * An order-pricing function that ignores its execution environment: it loads its configuration on
 * every call, keeps one order's lines in module scope, and cannot tell a cold start from a warm one.
 * Run it two or three times and read the REPORT lines: every invoke pays for loadConfig().
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

// BUG (task 5): one order's lines kept in module scope, shared by every invoke of this environment.
const lines = [];

export const handler = async (event, context) => {
  // TODO (task 3): load the configuration once per environment, not on every invoke.
  const config = await loadConfig();

  for (const item of event.items ?? []) lines.push(item);
  const subtotal = lines.reduce((sum, item) => sum + item.price, 0);

  return {
    invocation: 1, // TODO (task 1): count the invokes this environment has served: 1, 2, 3...
    coldStart: true, // TODO (task 2): true only on the first invoke of an environment
    cache: 'miss', // TODO (task 4): 'hit' when /tmp/price-list.json is already there
    lineCount: lines.length,
    total: Math.round(subtotal * (1 + config.taxRate)),
    currency: config.currency,
  };
};
