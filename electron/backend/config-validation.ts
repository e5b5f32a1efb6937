/**
 * `config.validate` and `config.options`: the configuration form checked as Lambda's
 * CreateFunction/UpdateFunctionConfiguration API checks it. The rules are the sandbox's own
 * (functionConfigSchema and the 4 KB environment quota measured as the runtime measures it), so the
 * app, the `coldstart` command and lesson checks refuse exactly the same values.
 */
import type { z } from 'zod';
import { functionConfigSchema, type FunctionConfigInput } from '../../sandbox/config/function-config-schema.ts';
import {
  ARCHITECTURES,
  DEFAULT_RUNTIME,
  ENV_VARS_MAX_BYTES,
  LAYERS_MAX,
  MEMORY_DEFAULT_MB,
  MEMORY_MAX_MB,
  MEMORY_MIN_MB,
  RUNTIMES,
  TIMEOUT_DEFAULT_S,
  TIMEOUT_MAX_S,
  TIMEOUT_MIN_S,
  TMP_MAX_MB,
  TMP_MIN_MB,
  PACKAGE_UNZIPPED_MAX_BYTES,
} from '../../sandbox/facts/limits.ts';
import { NO_LAYERS, type LayerLibrary } from '../../sandbox/layers/layer-library.ts';
import { environmentSizeBytes } from '../../sandbox/runtime/lambda-identity.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import type { ConfigField, ConfigFieldError, ConfigOptions, ConfigValidation } from '../api/types.ts';
import { validateLayers, type LayerVerdict } from './layer-handlers.ts';

const FIELDS: readonly ConfigField[] = [
  'memorySizeMB',
  'timeoutSeconds',
  'runtime',
  'architecture',
  'ephemeralStorageMB',
];

/** What the learner would call each field, for the English messages. */
const FIELD_WORDS: Record<ConfigField, string> = {
  memorySizeMB: 'memory',
  timeoutSeconds: 'the timeout',
  runtime: 'the runtime',
  architecture: 'the architecture',
  ephemeralStorageMB: '/tmp size',
};

export function configOptions(): ConfigOptions {
  return {
    runtimes: [...RUNTIMES],
    architectures: [...ARCHITECTURES],
    defaults: {
      memorySizeMB: MEMORY_DEFAULT_MB,
      timeoutSeconds: TIMEOUT_DEFAULT_S,
      runtime: DEFAULT_RUNTIME,
      architecture: 'x86_64',
      ephemeralStorageMB: TMP_MIN_MB,
    },
    memoryMB: { min: MEMORY_MIN_MB, max: MEMORY_MAX_MB },
    timeoutSeconds: { min: TIMEOUT_MIN_S, max: TIMEOUT_MAX_S },
    ephemeralStorageMB: { min: TMP_MIN_MB, max: TMP_MAX_MB },
    environmentLimitBytes: ENV_VARS_MAX_BYTES,
    layersMax: LAYERS_MAX,
    packageUnzippedMaxBytes: PACKAGE_UNZIPPED_MAX_BYTES,
  };
}

/** One zod issue of a scalar field -> the form's error, with a code the UI can translate. */
function fieldError(field: ConfigField, issue: z.core.$ZodIssue): ConfigFieldError {
  switch (issue.code) {
    case 'too_small':
      return { field, code: 'too_small', limit: Number(issue.minimum), message: issue.message };
    case 'too_big':
      return { field, code: 'too_big', limit: Number(issue.maximum), message: issue.message };
    case 'invalid_value':
      return {
        field,
        code: 'not_an_option',
        message: `${FIELD_WORDS[field]} must be one of ${issue.values.join(', ')}`,
      };
    case 'invalid_type':
      // zod reports a fractional number as "expected int"; the schema's message says which unit.
      return issue.expected === 'int'
        ? { field, code: 'not_integer', message: issue.message }
        : { field, code: 'not_number', message: `${FIELD_WORDS[field]} must be a number` };
    default:
      return { field, code: 'invalid', message: issue.message };
  }
}

/**
 * Checks the form. Blank environment rows (no name, no value) are left out, as a form that was
 * just given a new row should not refuse to run; every other row must be a valid, unused name.
 * Layers are checked against `layers`, the published layer versions.
 */
export function validateConfig(
  { config: draft }: ApiParsedArgs<'config.validate'>,
  layers: LayerLibrary = NO_LAYERS,
): ConfigValidation {
  const errors: ConfigFieldError[] = [];

  const scalars: Record<string, unknown> = {};
  for (const field of FIELDS) if (draft[field] !== undefined) scalars[field] = draft[field];
  const parsed = functionConfigSchema.safeParse(scalars);
  if (!parsed.success) {
    for (const field of FIELDS) {
      // One reason per field is enough to fix it; the first is the most basic one.
      const issue = parsed.error.issues.find((i) => i.path[0] === field);
      if (issue) errors.push(fieldError(field, issue));
    }
  }

  const environment: Record<string, string> = {};
  const rows = draft.environment ?? [];
  rows.forEach(({ key, value }, index) => {
    if (key === '' && value === '') return;
    const field = `environment.${index}` as const;
    const nameCheck = functionConfigSchema.shape.environment.safeParse({ [key]: value });
    if (!nameCheck.success) {
      errors.push({
        field,
        code: 'bad_name',
        message: `"${key}" is not a valid name: variable names start with a letter and use only letters, digits and _`,
      });
    } else if (Object.hasOwn(environment, key)) {
      errors.push({
        field,
        code: 'duplicate_name',
        message: `"${key}" is already set above; each name can be set once`,
      });
    } else {
      environment[key] = value;
    }
  });

  // Measured with the runtime's own function, so the form and a run never disagree about 4 KB.
  const environmentBytes = Object.keys(environment).length === 0 ? 0 : environmentSizeBytes(environment);
  if (environmentBytes > ENV_VARS_MAX_BYTES) {
    errors.push({
      field: 'environment',
      code: 'env_too_large',
      limit: ENV_VARS_MAX_BYTES,
      message:
        `your environment variables take ${environmentBytes} bytes; Lambda allows ${ENV_VARS_MAX_BYTES} bytes ` +
        'for all names and values together',
    });
  }

  // Warnings about runtimes name the runtime the form asks for (Lambda's default when it is invalid).
  let layerVerdict: LayerVerdict | undefined;
  if (draft.layers !== undefined) {
    const runtime = parsed.success ? parsed.data.runtime : undefined;
    const architecture = parsed.success ? parsed.data.architecture : undefined;
    layerVerdict = validateLayers(draft.layers, layers, {
      runtime: runtime ?? DEFAULT_RUNTIME,
      architecture: architecture ?? 'x86_64',
    });
    errors.push(...layerVerdict.errors);
  }

  const result: ConfigValidation = {
    ok: errors.length === 0,
    errors,
    environmentBytes,
    environmentLimitBytes: ENV_VARS_MAX_BYTES,
  };
  if (layerVerdict) result.warnings = layerVerdict.warnings;
  if (result.ok && parsed.success) {
    const config: FunctionConfigInput = { ...parsed.data };
    if (rows.length > 0) config.environment = environment;
    if (layerVerdict?.arns?.length) config.layers = layerVerdict.arns;
    result.config = config;
  }
  return result;
}
