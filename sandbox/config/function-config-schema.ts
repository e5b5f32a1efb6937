/**
 * Function configuration as Lambda's CreateFunction/UpdateFunctionConfiguration API validates it.
 * One schema for the app's API, the `coldstart` command and lesson checks; each message says which
 * value is refused and why, in the words a learner would need to fix it.
 */
import { z } from 'zod';
import {
  ARCHITECTURES,
  LAYERS_MAX,
  MEMORY_MAX_MB,
  MEMORY_MIN_MB,
  RUNTIMES,
  TIMEOUT_MAX_S,
  TIMEOUT_MIN_S,
  TMP_MAX_MB,
  TMP_MIN_MB,
} from '../facts/limits.ts';
import { sameLayerTwice, sameLayerTwiceMessage, TOO_MANY_LAYERS } from '../layers/layer-rules.ts';
import { LAYER_VERSION_ARN } from '../layers/layer-version.ts';

/** Environment variable names as Lambda accepts them: a letter first, then letters, digits and _. */
const envName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'variable names start with a letter and use only letters, digits and _');

/**
 * Layer version ARNs, in order (later layers overwrite earlier ones in /opt). Whether each exists,
 * and the 250 MB size with the code, are checked against the published layers (layer-library.ts).
 */
const layerArns = z
  .array(
    z
      .string()
      .regex(
        LAYER_VERSION_ARN,
        'a layer is given by its version ARN: arn:aws:lambda:<region>:<account>:layer:<name>:<version>',
      ),
  )
  .max(LAYERS_MAX, TOO_MANY_LAYERS)
  .superRefine((arns, ctx) => {
    const twice = sameLayerTwice(arns);
    if (twice) ctx.addIssue({ code: 'custom', message: sameLayerTwiceMessage(...twice) });
  });

/** Every field optional: what is left out takes Lambda's default. */
export const functionConfigSchema = z
  .object({
    memorySizeMB: z
      .number()
      .int('memory is set in whole megabytes (1 MB steps)')
      .min(MEMORY_MIN_MB, `memory must be at least ${MEMORY_MIN_MB} MB`)
      .max(MEMORY_MAX_MB, `memory can be at most ${MEMORY_MAX_MB} MB`),
    timeoutSeconds: z
      .number()
      .int('the timeout is set in whole seconds')
      .min(TIMEOUT_MIN_S, `the timeout must be at least ${TIMEOUT_MIN_S} second`)
      .max(TIMEOUT_MAX_S, `the timeout can be at most ${TIMEOUT_MAX_S} seconds (15 minutes)`),
    runtime: z.enum(RUNTIMES),
    architecture: z.enum(ARCHITECTURES),
    ephemeralStorageMB: z
      .number()
      .int('/tmp size is set in whole megabytes (1 MB steps)')
      .min(TMP_MIN_MB, `/tmp must be at least ${TMP_MIN_MB} MB`)
      .max(TMP_MAX_MB, `/tmp can be at most ${TMP_MAX_MB} MB`),
    environment: z.record(envName, z.string()),
    layers: layerArns,
  })
  .partial()
  .strict();

export type FunctionConfigInput = z.input<typeof functionConfigSchema>;
