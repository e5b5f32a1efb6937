/**
 * Layers through the API: `layers.list` for the configuration panel, `config.validate` refusing
 * what Lambda's API refuses (in its words) and warning about what it silently accepts, and
 * `invoke.run` extracting the attached layers into /opt.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/create-backend.ts';
import type { InvocationRecord } from '../../../electron/api/types.ts';
import { courseWithLayers, GREETER_V1, GREETER_V2, OLD_RUNTIME } from '../../support/layer-lesson.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { call, useBackends } from './support/backend.ts';

const tempDir = useTempDirs();
const backendAt = useBackends();

function layerBackend(): Backend {
  const root = tempDir();
  return backendAt(root, courseWithLayers(root));
}

const HANDLER = `import { greet } from 'greeter';
import { readFileSync } from 'node:fs';
export const handler = async () => ({ message: greet('Ada'), file: readFileSync('/opt/nodejs/greeting.txt', 'utf8') });`;

const invoke = (backend: Backend, layers: string[]): Promise<InvocationRecord> =>
  call(backend, 'invoke.run', {
    sessionId: 'passes',
    filename: 'index.mjs',
    handler: 'index.handler',
    code: HANDLER,
    eventJson: '{}',
    config: { layers },
  });

describe('layers.list', () => {
  it("lists a lesson's layer versions with ARN, description in the language asked, and readable files", async () => {
    const layers = await call(layerBackend(), 'layers.list', { lessonId: 'passes', language: 'ko' });
    expect(layers.map((l) => l.arn)).toEqual([GREETER_V1, GREETER_V2, OLD_RUNTIME]);
    expect(layers[0]).toMatchObject({
      name: 'greeter',
      version: 1,
      description: '영어로 인사해요',
      compatibleRuntimes: ['nodejs22.x', 'nodejs24.x'],
      compatibleArchitectures: null,
      files: [
        { path: 'nodejs/greeting.txt', sizeBytes: 5, text: 'Hello' },
        { path: 'nodejs/node_modules/greeter/index.js', text: "exports.greet = (n) => 'Hello, ' + n + '!';" },
      ],
    });
  });
});

describe('config.validate with layers', () => {
  const validate = (backend: Backend, config: Record<string, unknown>) => call(backend, 'config.validate', { config });

  it('accepts published versions in order and hands their ARNs to invoke.run', async () => {
    const result = await validate(layerBackend(), { layers: [GREETER_V2] });
    expect(result).toMatchObject({ ok: true, errors: [], warnings: [], config: { layers: [GREETER_V2] } });
  });

  it("refuses what Lambda's API refuses, in its words", async () => {
    const backend = layerBackend();
    const unknown = GREETER_V1.replace(/:1$/, ':5');
    expect((await validate(backend, { layers: [unknown] })).errors).toEqual([
      { field: 'layers.0', code: 'unknown_layer', message: `Layer version ${unknown} does not exist.` },
    ]);
    expect((await validate(backend, { layers: [GREETER_V1, GREETER_V2] })).errors[0]).toMatchObject({
      field: 'layers',
      code: 'same_layer_twice',
      message: `Two different versions of the same layer are not allowed to be referenced in the same function. ${GREETER_V1} and ${GREETER_V2} are versions of the same layer.`,
    });
    const six = Array.from({ length: 6 }, () => GREETER_V1);
    expect((await validate(backend, { layers: six })).errors[0]).toMatchObject({
      field: 'layers',
      code: 'too_many_layers',
      limit: 5,
      message: 'Cannot reference more than 5 layers.',
    });
    expect((await validate(backend, { layers: ['greeter:1'] })).errors[0]).toMatchObject({
      field: 'layers.0',
      code: 'not_a_layer_arn',
    });
  });

  it('accepts a layer that does not list the runtime or architecture, with warnings, as Lambda does', async () => {
    const result = await validate(layerBackend(), { runtime: 'nodejs24.x', layers: [GREETER_V1, OLD_RUNTIME] });
    expect(result.ok).toBe(true);
    expect(result.warnings?.map((w) => [w.field, w.code, w.uses, w.declared])).toEqual([
      ['layers.1', 'runtime_not_listed', 'nodejs24.x', ['nodejs22.x']],
      ['layers.1', 'architecture_not_listed', 'x86_64', ['arm64']],
    ]);
  });
});

describe('invoke.run with layers', () => {
  it('extracts the attached layers into /opt, and a new set of layers is a new deployment', async () => {
    const backend = layerBackend();
    const v1 = await invoke(backend, [GREETER_V1]);
    expect(v1.ok && JSON.parse(v1.result)).toEqual({ message: 'Hello, Ada!', file: 'Hello' });
    expect((await invoke(backend, [GREETER_V1])).coldStart).toBe(false);
    const both = await invoke(backend, [GREETER_V1, GREETER_V2.replace(/greeter:2$/, 'old-runtime:1')]);
    expect(both.coldStart).toBe(true);
  });

  it('refuses an unpublished version with InvalidParameterValueException, without running', async () => {
    const unknown = GREETER_V1.replace(/:1$/, ':5');
    const record = await invoke(layerBackend(), [unknown]);
    expect(record.ok).toBe(false);
    expect(!record.ok && record.error).toMatchObject({
      errorType: 'InvalidParameterValueException',
      errorMessage: `Layer version ${unknown} does not exist.`,
    });
    expect(record.logs.some((l) => l.kind === 'start')).toBe(false);
  });
});
