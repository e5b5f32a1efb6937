/** Shared pieces of the fleet simulator tests: a configuration, handlers, an input builder. */
import type { FleetInput, LoadPattern } from '../../sandbox/fleet/index.ts';
import type { FunctionConfig } from '../../sandbox/invocation/record.ts';

export const CONFIG: FunctionConfig = {
  functionName: 'fleet-test',
  handler: 'index.handler',
  runtime: 'nodejs24.x',
  architecture: 'x86_64',
  memorySizeMB: 128,
  timeoutSeconds: 90,
  environment: {},
};

/** Counts its invocations in a module-level global: each environment has its own count. */
export const COUNTER = 'let n = 0;\nexport const handler = async () => ({ n: ++n });\n';

/** Keeps its environment busy for `ms` virtual milliseconds. */
export function holding(ms: number): string {
  return `let n = 0;\nexport const handler = async () => { await new Promise((r) => setTimeout(r, ${ms})); return { n: ++n }; };\n`;
}

/** Always throws. */
export const FAILING = "export const handler = async () => { throw new Error('boom'); };\n";

/** A FleetInput for `code` under `load`, with overrides. */
export function fleetInput(code: string, load: LoadPattern, extra: Partial<FleetInput> = {}): FleetInput {
  return { files: [{ path: 'index.mjs', code }], config: CONFIG, eventJson: '{}', load, ...extra };
}
