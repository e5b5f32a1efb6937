/** Scenario files publish layer versions and functions attach them by ARN, as Lambda's API takes them. */
import { afterAll, describe, expect, it } from 'vitest';
import type { InvocationNode } from '../../sandbox/invocation-models/trace-types.ts';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import { loadScenarioData, ScenarioError } from '../../sandbox/scenario/load-scenario.ts';
import { runScenario } from '../../sandbox/scenario/run-scenario.ts';

const pool = new EnvironmentPool();
afterAll(() => pool.dispose());

const ARN = 'arn:aws:lambda:us-east-1:123456789012:layer:greeter:1';
const scenario = (layers: string[]) => ({
  name: 'layers',
  layers: [
    {
      name: 'greeter',
      version: 1,
      files: { 'nodejs/node_modules/greeter/index.js': "exports.greet = (n) => 'hello ' + n;" },
    },
  ],
  functions: {
    hello: {
      code: "import { greet } from 'greeter';\nexport const handler = async () => greet('Ada');",
      config: { layers },
    },
  },
  steps: ['invoke hello'],
});

describe('scenario layers', () => {
  it("extracts a function's layers into /opt", async () => {
    const r = await runScenario(loadScenarioData(scenario([ARN]), 'layers.yaml', '/tmp'), { pool });
    const inv = r.trace.find((n): n is InvocationNode => n.kind === 'invocation');
    expect(inv?.record.ok && inv.record.result).toBe('"hello Ada"');
  });

  it("refuses an unpublished layer version with Lambda's message, naming the function", () => {
    const missing = ARN.replace(':1', ':2');
    expect(() => loadScenarioData(scenario([missing]), 'layers.yaml', '/tmp')).toThrow(ScenarioError);
    try {
      loadScenarioData(scenario([missing]), 'layers.yaml', '/tmp');
    } catch (err) {
      expect((err as ScenarioError).problems).toEqual([
        `functions.hello.config.layers: Layer version ${missing} does not exist.`,
      ]);
    }
  });
});
