/**
 * Benchmark: pricing 1M individual invocations (an array of 1M per-invocation records, priced and
 * summed into one monthly bill). Target from issue 5: <= 50 ms on this machine. Prints figures
 * only; timing goals are never asserted in tests (the machine is shared and noisy).
 */
import { performance } from 'node:perf_hooks';
import { priceInvocations, type PricedInvocation } from '../../sandbox/pricing/index.ts';
import { median } from './stats.ts';

const COUNT = 1_000_000;
const TARGET_MS = 50;

/** 1M varied records: x86 and Arm, 128-3,008 MB, 1-2,000 ms, some /tmp and large async events. */
function makeRecords(count: number): PricedInvocation[] {
  const records: PricedInvocation[] = new Array(count);
  let seed = 42;
  // A small LCG so every run prices the same records.
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 0; i < count; i++) {
    const r: PricedInvocation = {
      billedDurationMs: 1 + Math.floor(next() * 2000),
      memorySizeMB: 128 + 64 * Math.floor(next() * 45),
      architecture: i % 3 === 0 ? 'arm64' : 'x86_64',
    };
    if (i % 10 === 0) r.ephemeralStorageMB = 1024;
    if (i % 50 === 0) r.asyncPayloadBytes = 300 * 1024;
    records[i] = r;
  }
  return records;
}

/** Runs the pricing benchmark and returns the lines to print. */
export function runPricingBench(runs = 7): string[] {
  const records = makeRecords(COUNT);
  priceInvocations(records); // warm up the JIT
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    total = priceInvocations(records).displayTotalUsd;
    times.push(performance.now() - start);
  }
  const ms = median(times);
  return [
    `pricing of ${COUNT.toLocaleString('en-US')} invocations (priced and summed into one bill): median ${ms.toFixed(1)} ms ` +
      `of ${runs} runs (target <= ${TARGET_MS} ms: ${ms <= TARGET_MS ? 'met' : 'NOT met'}); bill $${total.toFixed(2)}`,
  ];
}

// `node test/bench/pricing-bench.ts` prints the figure on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of runPricingBench()) console.log(line);
}
