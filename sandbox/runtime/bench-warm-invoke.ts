/**
 * A tiny benchmark of warm invokes through the whole host (worker round trip included), for
 * `npm run bench`. Reports real time, so it measures this machine, not the simulated Lambda.
 */
import type { FunctionConfig } from '../invocation/record.ts';
import { createLambdaHost } from './lambda-host.ts';

/** Result of benchWarmInvoke. */
export interface WarmInvokeBench {
  /** Median real time of one warm invoke, microseconds. */
  medianUs: number;
  invokesPerSecond: number;
}

const CONFIG: FunctionConfig = {
  functionName: 'bench',
  handler: 'index.handler',
  runtime: 'nodejs24.x',
  architecture: 'x86_64',
  memorySizeMB: 128,
  timeoutSeconds: 3,
  environment: {},
};

const CODE = `let n = 0;
export const handler = async (event) => {
  n += 1;
  console.log('invoke', n, event.key1);
  return { statusCode: 200, body: JSON.stringify({ n }) };
};`;

/** Run one cold invoke, then `iterations` warm ones; report the median and the throughput. */
export async function benchWarmInvoke(iterations = 200): Promise<WarmInvokeBench> {
  const host = createLambdaHost();
  try {
    const request = { environmentKey: 'bench', files: [{ path: 'index.mjs', code: CODE }], config: CONFIG, eventJson: '{"key1":"value1"}' };
    const cold = await host.invoke(request);
    if (!cold.ok) throw new Error(`bench handler failed: ${cold.error.errorMessage}`);
    const times: number[] = [];
    const start = performance.now();
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      await host.invoke(request);
      times.push(performance.now() - t);
    }
    const total = performance.now() - start;
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    return { medianUs: Math.round(median * 1000), invokesPerSecond: Math.round((iterations / total) * 1000) };
  } finally {
    await host.dispose();
  }
}
