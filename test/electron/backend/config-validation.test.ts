import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import type { ApiHandlers } from '../../../electron/api/dispatch.ts';
import type { ConfigValidation } from '../../../electron/api/types.ts';
import { configOptions, validateConfig } from '../../../electron/backend/config-validation.ts';
import { ENV_VARS_MAX_BYTES } from '../../../sandbox/facts/limits.ts';
import { environmentSizeBytes } from '../../../sandbox/runtime/lambda-identity.ts';

const handlers = {
  'config.validate': validateConfig,
  'config.options': configOptions,
} as unknown as ApiHandlers;

/** Validates through dispatch, as both transports do, and unwraps the result. */
async function validate(config: unknown): Promise<ConfigValidation> {
  const result = await dispatch(handlers, 'config.validate', { config });
  if (!result.ok) throw new Error(`${result.error.name}: ${result.error.message}`);
  return result.value as ConfigValidation;
}

describe('config.validate', () => {
  it('accepts a full, valid configuration and hands back what invoke.run takes', async () => {
    const result = await validate({
      memorySizeMB: 1024,
      timeoutSeconds: 1,
      runtime: 'nodejs22.x',
      architecture: 'arm64',
      ephemeralStorageMB: 2048,
      environment: [{ key: 'GREETING', value: 'hi' }],
    });
    expect(result).toEqual({
      ok: true,
      errors: [],
      environmentBytes: environmentSizeBytes({ GREETING: 'hi' }),
      environmentLimitBytes: ENV_VARS_MAX_BYTES,
      config: {
        memorySizeMB: 1024,
        timeoutSeconds: 1,
        runtime: 'nodejs22.x',
        architecture: 'arm64',
        ephemeralStorageMB: 2048,
        environment: { GREETING: 'hi' },
      },
    });
  });

  it("accepts an empty form (Lambda's defaults apply)", async () => {
    expect(await validate({})).toMatchObject({ ok: true, errors: [], environmentBytes: 0, config: {} });
  });

  it('refuses values out of Lambda range, with the bound and a reason per field', async () => {
    const result = await validate({ memorySizeMB: 99, timeoutSeconds: 901, ephemeralStorageMB: 511 });
    expect(result.ok).toBe(false);
    expect(result.config).toBeUndefined();
    expect(result.errors).toEqual([
      { field: 'memorySizeMB', code: 'too_small', limit: 128, message: 'memory must be at least 128 MB' },
      {
        field: 'timeoutSeconds',
        code: 'too_big',
        limit: 900,
        message: 'the timeout can be at most 900 seconds (15 minutes)',
      },
      { field: 'ephemeralStorageMB', code: 'too_small', limit: 512, message: '/tmp must be at least 512 MB' },
    ]);
  });

  it('refuses fractions, empty number fields and unknown runtimes or architectures', async () => {
    const result = await validate({
      memorySizeMB: 256.5,
      timeoutSeconds: null,
      runtime: 'nodejs18.x',
      architecture: 'x86',
    });
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['memorySizeMB', 'not_integer'],
      ['timeoutSeconds', 'not_number'],
      ['runtime', 'not_an_option'],
      ['architecture', 'not_an_option'],
    ]);
    expect(result.errors[2]?.message).toContain('nodejs24.x, nodejs22.x');
  });

  it('points at the environment row with a bad or repeated name; blank rows are left out', async () => {
    const result = await validate({
      environment: [
        { key: 'OK', value: '1' },
        { key: '', value: '' },
        { key: '1BAD', value: 'x' },
        { key: 'OK', value: '2' },
        { key: '', value: 'orphan value' },
      ],
    });
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['environment.2', 'bad_name'],
      ['environment.3', 'duplicate_name'],
      ['environment.4', 'bad_name'],
    ]);
    expect(result.environmentBytes).toBe(environmentSizeBytes({ OK: '1' }));
  });

  it('refuses more than 4 KB of variables, measured as the runtime measures it (names + values)', async () => {
    // Just under and just over: {"A":"..."} is 8 bytes of JSON around the value.
    const fits = 'x'.repeat(ENV_VARS_MAX_BYTES - 8);
    expect(await validate({ environment: [{ key: 'A', value: fits }] })).toMatchObject({
      ok: true,
      environmentBytes: ENV_VARS_MAX_BYTES,
    });
    const over = await validate({ environment: [{ key: 'A', value: `${fits}y` }] });
    expect(over.ok).toBe(false);
    expect(over.environmentBytes).toBe(ENV_VARS_MAX_BYTES + 1);
    expect(over.errors).toEqual([
      expect.objectContaining({ field: 'environment', code: 'env_too_large', limit: ENV_VARS_MAX_BYTES }),
    ]);
  });

  it('refuses a malformed request (not a form) as InvalidArguments', async () => {
    const result = await dispatch(handlers, 'config.validate', { config: { memory: 128 } });
    expect(result).toMatchObject({ ok: false, error: { name: 'InvalidArguments' } });
  });
});

describe('config.options', () => {
  it("offers Lambda's runtimes, architectures, defaults and bounds", async () => {
    const result = await dispatch(handlers, 'config.options', {});
    expect(result).toEqual({
      ok: true,
      value: {
        runtimes: ['nodejs24.x', 'nodejs22.x'],
        architectures: ['x86_64', 'arm64'],
        defaults: {
          memorySizeMB: 128,
          timeoutSeconds: 3,
          runtime: 'nodejs24.x',
          architecture: 'x86_64',
          ephemeralStorageMB: 512,
        },
        memoryMB: { min: 128, max: 10_240 },
        timeoutSeconds: { min: 1, max: 900 },
        ephemeralStorageMB: { min: 512, max: 10_240 },
        environmentLimitBytes: 4096,
        layersMax: 5,
        packageUnzippedMaxBytes: 262_144_000,
      },
    });
  });
});
