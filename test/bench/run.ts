/**
 * `npm run bench`: prints figures and ratios; nothing here is asserted (this machine is shared
 * and noisy, so timing goals live here and not in the tests). Targets come from the issues.
 */
import { fileURLToPath } from 'node:url';
import { initialJsSize } from './bundle-size.ts';
import { runFleetBench } from './fleet-bench.ts';
import { runPricingBench } from './pricing-bench.ts';
import { runSandboxBench } from './sandbox-bench.ts';
import { benchStartup } from './startup.ts';
import { runStoreBench } from './store-bench.ts';

const distDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const size = initialJsSize(distDir);
console.log(
  `renderer initial JS (before Monaco): ${fmt(size.bytes / 1024)} KiB, ${fmt(size.gzipBytes / 1024)} KiB gzipped, ` +
    `${size.files.length} file(s); Monaco in the initial load: ${size.monacoInInitial ? 'YES (should be lazy)' : 'no'}`,
);

// Execution environment (issue 3 targets: warm <= 60 us and <= 12x V8, cold <= 2 ms, >= 10,000/s,
// <= 1 MB per idle environment, RSS within 50 MB after 10,000 invocations with 1,000 failures).
for (const line of await runSandboxBench()) console.log(line);

const startup = await benchStartup(5);
console.log(
  `start-up in browser mode (median of 5): backend ready ${fmt(startup.serverMs, 0)} ms, ` +
    `interactive course map ${fmt(startup.interactiveMs, 0)} ms`,
);

// Progress store (issue 6 targets: save p99 <= 5 ms, open with 10,000 attempts <= 100 ms, checks <= 200 ms).
for (const line of await runStoreBench()) console.log(line);

// Pricing engine (issue 5 target: 1M invocations priced in <= 50 ms).
for (const line of runPricingBench()) console.log(line);

// Fleet simulation (issue 5 targets: 100,000 real invocations in <= 10 s; 1,000 environments in <= 1 GB).
for (const line of await runFleetBench()) console.log(line);
