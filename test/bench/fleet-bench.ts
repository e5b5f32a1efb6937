/**
 * Benchmark of the fleet simulator (issue 5 targets): 100,000 invocations of a trivial handler,
 * every one executed for real in QuickJS, simulated in <= 10 s; 1,000 concurrent environments
 * held in <= 1 GB of host memory (RSS growth while they are alive). Prints figures only; timing
 * goals are never asserted in tests (the machine is shared and noisy).
 */
import { performance } from 'node:perf_hooks';
import { simulateFleet, type FleetInput } from '../../sandbox/fleet/index.ts';
import type { FunctionConfig } from '../../sandbox/invocation/record.ts';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';

const INVOCATIONS = 100_000;
const TIME_TARGET_S = 10;
const ENVIRONMENTS = 1_000;
const MEMORY_TARGET_MB = 1_024;

const CONFIG: FunctionConfig = {
  functionName: 'fleet-bench',
  handler: 'index.handler',
  runtime: 'nodejs24.x',
  architecture: 'x86_64',
  memorySizeMB: 128,
  timeoutSeconds: 60,
  environment: {},
};

const TRIVIAL = 'let n = 0;\nexport const handler = async () => ({ n: ++n });\n';
/** Holds its environment busy for 20 virtual seconds, so a burst keeps every environment alive. */
const HOLD = 'let n = 0;\nexport const handler = async () => { await new Promise((r) => setTimeout(r, 20000)); return ++n; };\n';

const mb = (bytes: number) => bytes / (1024 * 1024);

/** Runs the fleet benchmark and returns the lines to print. */
export async function runFleetBench(): Promise<string[]> {
  const lines: string[] = [];
  const pool = new EnvironmentPool({ maxEnvironments: 2_100, idleReapMs: Number.MAX_SAFE_INTEGER });
  try {
    const files = [{ path: 'index.mjs', code: TRIVIAL }];
    await pool.ready({ files, config: CONFIG });
    // 1,000 requests per second for 100 s, every invocation run for real (exact mode).
    const input: FleetInput = {
      files,
      config: CONFIG,
      eventJson: '{}',
      load: { kind: 'constant', ratePerSecond: 1_000, durationSeconds: INVOCATIONS / 1_000 },
      mode: 'exact',
    };
    const start = performance.now();
    const result = await simulateFleet(input, { pool });
    const seconds = (performance.now() - start) / 1000;
    lines.push(
      `fleet: ${result.sampling.executedInvocations.toLocaleString('en-US')} invocations executed for real (${result.mode}, ` +
        `${result.totals.environments} environments, ${result.totals.coldStarts} cold starts) in ${seconds.toFixed(2)} s ` +
        `(${Math.round(result.sampling.executedInvocations / seconds).toLocaleString('en-US')}/s; target <= ${TIME_TARGET_S} s: ${seconds <= TIME_TARGET_S ? 'met' : 'NOT met'})`,
    );
    pool.dispose();

    // A burst of 1,000 whose handlers wait 20 s: 1,000 environments alive at once.
    const holdFiles = [{ path: 'index.mjs', code: HOLD }];
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const burst = await simulateFleet(
      { files: holdFiles, config: CONFIG, eventJson: '{}', load: { kind: 'burst', count: ENVIRONMENTS }, mode: 'exact' },
      { pool, keepEnvironments: true },
    );
    // The environments stay alive in the pool (kept past their reaping): measure them now.
    peak = Math.max(peak, process.memoryUsage().rss);
    clearInterval(sampler);
    const grew = mb(peak - before);
    lines.push(
      `fleet: ${burst.totals.maxConcurrency.toLocaleString('en-US')} concurrent environments held (${pool.size} alive in QuickJS, ` +
        `engine memory ${mb(pool.engineMemoryBytes()).toFixed(0)} MB): host RSS +${grew.toFixed(0)} MB, ` +
        `${((grew * 1024) / Math.max(1, pool.size)).toFixed(0)} KB per environment, in ${((performance.now() - t0) / 1000).toFixed(2)} s ` +
        `(target <= ${MEMORY_TARGET_MB} MB: ${grew <= MEMORY_TARGET_MB ? 'met' : 'NOT met'})`,
    );
  } finally {
    pool.dispose();
  }
  return lines;
}

// `node test/bench/fleet-bench.ts` prints the figures on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await runFleetBench()) console.log(line);
}
