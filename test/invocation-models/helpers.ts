/** A LambdaService over a real EnvironmentPool and a virtual clock, for invocation-model tests. */
import { afterAll } from 'vitest';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import { LambdaService, type DeployedFunction } from '../../sandbox/invocation-models/lambda-service.ts';
import { VirtualScheduler } from '../../sandbox/invocation-models/scheduler.ts';
import type { FunctionConfig } from '../../sandbox/invocation/record.ts';

export const T0 = Date.UTC(2026, 3, 9, 12, 0, 0);

const pools: EnvironmentPool[] = [];
afterAll(() => {
  for (const p of pools.splice(0)) p.dispose();
});

export function config(functionName: string, overrides: Partial<FunctionConfig> = {}): FunctionConfig {
  return {
    functionName,
    handler: 'index.handler',
    runtime: 'nodejs24.x',
    architecture: 'x86_64',
    memorySizeMB: 128,
    timeoutSeconds: 3,
    environment: {},
    ...overrides,
  };
}

/** A function from one `index.mjs`. */
export function fn(name: string, code: string, extra: Partial<DeployedFunction> = {}): DeployedFunction {
  return { name, config: config(name, extra.config), files: [{ path: 'index.mjs', code }], ...extra };
}

/** A ready LambdaService with `functions` deployed. */
export async function service(...functions: DeployedFunction[]): Promise<LambdaService> {
  const pool = new EnvironmentPool();
  pools.push(pool);
  const lambda = new LambdaService({ scheduler: new VirtualScheduler(T0), pool, seed: 'test' });
  for (const f of functions) lambda.deploy(f);
  await lambda.prepare();
  return lambda;
}

export const ALWAYS_FAILS = `export const handler = async () => { throw new Error('boom'); };\n`;
export const ALWAYS_OK = `export const handler = async (event) => ({ ok: true });\n`;
