/** Scenario validation: clear messages naming the path of the refused value. */
import { describe, expect, it } from 'vitest';
import { loadScenarioData, ScenarioError } from '../../sandbox/scenario/load-scenario.ts';
import { parseDuration, parseStepText } from '../../sandbox/scenario/step-schema.ts';

const BASE = { name: 't', functions: { f: { code: 'export const handler = async () => 1;' } }, steps: ['invoke f'] };

function problems(data: unknown): string[] {
  try {
    loadScenarioData(data, 'test.yaml', '/tmp');
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems;
    throw err;
  }
  return [];
}

describe('scenario schema', () => {
  it('accepts a minimal scenario and fills Lambda defaults (configuration-memory.html, configuration-timeout.html)', () => {
    const s = loadScenarioData(BASE, 'test.yaml', '/tmp');
    expect(s.functions[0]!.config).toMatchObject({
      functionName: 'f',
      handler: 'index.handler',
      memorySizeMB: 128,
      timeoutSeconds: 3,
      runtime: 'nodejs24.x',
    });
    expect(s.file.steps[0]).toEqual({ action: 'invoke', args: { function: 'f' }, text: 'invoke f' });
  });

  it('names the path of an invalid function configuration', () => {
    expect(problems({ ...BASE, functions: { f: { code: 'x', config: { memorySizeMB: 64 } } } })).toEqual([
      'functions.f.config.memorySizeMB: memory must be at least 128 MB',
    ]);
  });

  it('checks async settings against invocation-async-error-handling.html ranges', () => {
    expect(problems({ ...BASE, functions: { f: { code: 'x', async: { maximumRetryAttempts: 3 } } } })[0]).toMatch(
      /^functions\.f\.async\.maximumRetryAttempts: /,
    );
    expect(
      problems({ ...BASE, functions: { f: { code: 'x', async: { maximumEventAgeInSeconds: 30 } } } })[0],
    ).toContain('MaximumEventAgeInSeconds is 60-21600');
  });

  it('refuses unknown steps and triggers that name missing things', () => {
    expect(problems({ ...BASE, steps: ['jump around'] })[0]).toMatch(/^steps\.0: 'jump around' is not a step/);
    expect(problems({ ...BASE, triggers: [{ type: 's3', bucket: 'nope', function: 'f' }] })).toEqual([
      "triggers.0.bucket: no bucket named 'nope' in resources.buckets",
    ]);
    expect(problems({ ...BASE, steps: [{ advance: 'soon' }] })[0]).toContain('steps.0.advance');
  });

  it('parses text steps', () => {
    expect(parseStepText('put object photos/uploads/cat.jpg')).toEqual({
      put: { bucket: 'photos', key: 'uploads/cat.jpg' },
    });
    expect(parseStepText('send API request GET /items?limit=2')).toEqual({
      request: { method: 'GET', path: '/items', query: 'limit=2' },
    });
    expect(parseStepText('advance 5 minutes')).toEqual({ advance: '5 minutes' });
    expect(parseDuration('5 minutes')).toBe(300_000);
    expect(parseDuration('90 s')).toBe(90_000);
  });
});
