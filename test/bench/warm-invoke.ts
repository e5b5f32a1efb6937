/**
 * Warm-invoke benchmark through the same LambdaHost the app uses (backend -> worker thread ->
 * QuickJS -> back), with a trivial async handler and a 1 KB event, logs and report included.
 */
import { performance } from 'node:perf_hooks';
import { createLambdaHost } from '../../sandbox/runtime/lambda-host.ts';
import { median, percentile } from './stats.ts';

const HANDLER = `export const handler = async (event) => { console.log('got', event.id); return { ok: true, n: event.items.length }; };`;

export async function benchHostWarmInvoke(iterations: number): Promise<{ medianUs: number; p99Us: number; perSecond: number }> {
  const host = createLambdaHost();
  const event = JSON.stringify({ id: 'bench', items: Array.from({ length: 40 }, (_, i) => `item-${i}-xxxxxxxxxx`) });
  const request = {
    environmentKey: 'bench',
    files: [{ path: 'index.mjs', code: HANDLER }],
    config: {
      functionName: 'bench',
      handler: 'index.handler',
      runtime: 'nodejs24.x' as const,
      architecture: 'x86_64' as const,
      memorySizeMB: 128,
      timeoutSeconds: 3,
      environment: {},
    },
    eventJson: event,
  };
  try {
    const first = await host.invoke(request);
    if (!first.ok) throw new Error(`bench handler failed: ${first.error.errorMessage}`);
    const samples: number[] = [];
    const start = performance.now();
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      await host.invoke(request);
      samples.push((performance.now() - t0) * 1000);
    }
    const elapsed = performance.now() - start;
    return { medianUs: median(samples), p99Us: percentile(samples, 99), perSecond: (iterations / elapsed) * 1000 };
  } finally {
    await host.dispose();
  }
}
