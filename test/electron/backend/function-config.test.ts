import { describe, expect, it } from 'vitest';
import { api } from '../../../electron/api/contract.ts';
import { functionConfigFor, functionNameFor } from '../../../electron/backend/function-config.ts';

const args = (extra: Record<string, unknown> = {}) =>
  api['invoke.run'].args.parse({
    sessionId: 'first-function',
    filename: 'index.mjs',
    handler: 'index.handler',
    code: '',
    eventJson: '{}',
    ...extra,
  });

describe('functionConfigFor', () => {
  it("starts from Lambda's defaults: 128 MB, 3 s, nodejs24.x, x86_64", () => {
    expect(functionConfigFor(args())).toEqual({
      functionName: 'first-function',
      handler: 'index.handler',
      runtime: 'nodejs24.x',
      architecture: 'x86_64',
      memorySizeMB: 128,
      timeoutSeconds: 3,
      environment: {},
    });
  });

  it("takes the learner's configuration over the defaults", () => {
    const config = functionConfigFor(
      args({
        config: {
          memorySizeMB: 1024,
          timeoutSeconds: 30,
          runtime: 'nodejs22.x',
          architecture: 'arm64',
          ephemeralStorageMB: 2048,
          environment: { GREETING: 'hi' },
        },
      }),
    );
    expect(config).toMatchObject({
      memorySizeMB: 1024,
      timeoutSeconds: 30,
      runtime: 'nodejs22.x',
      architecture: 'arm64',
      ephemeralStorageMB: 2048,
      environment: { GREETING: 'hi' },
    });
  });

  it('passes on exactly what config.validate approved', async () => {
    const { validateConfig } = await import('../../../electron/backend/config-validation.ts');
    const approved = validateConfig({ config: { memorySizeMB: 512, environment: [{ key: 'A', value: 'b' }] } });
    expect(functionConfigFor(args({ config: approved.config }))).toMatchObject({
      memorySizeMB: 512,
      timeoutSeconds: 3,
      environment: { A: 'b' },
    });
  });
});

describe('functionNameFor', () => {
  it('makes a valid Lambda function name from any session id', () => {
    expect(functionNameFor('first-function')).toBe('first-function');
    expect(functionNameFor('lesson:first function/2')).toBe('lesson-first-function-2');
    expect(functionNameFor('...')).toBe('my-function');
    expect(functionNameFor('x'.repeat(100))).toHaveLength(64);
  });
});
