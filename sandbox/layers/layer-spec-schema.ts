/**
 * Layer versions written as data (a lesson's exercise.yaml, a scenario file): what
 * PublishLayerVersion takes, with the .zip's files inline as `path: content`.
 *
 * ```yaml
 * layers:
 *   - name: price-utils
 *     version: 1
 *     description: { en: Price helpers, ko: 가격 도우미 }
 *     compatibleRuntimes: [nodejs22.x, nodejs24.x]
 *     compatibleArchitectures: [x86_64, arm64]
 *     files:
 *       nodejs/node_modules/price-utils/index.js: |
 *         exports.withTax = (cents) => Math.round(cents * 1.1);
 * ```
 */
import { z } from 'zod';
import { ARCHITECTURES, RUNTIMES } from '../facts/limits.ts';
import {
  LAYER_NAME,
  layerVersionArn,
  makeLayerVersion,
  normalizeLayerPath,
  type LayerVersion,
} from './layer-version.ts';

const text = z.string().min(1);

export const layerSpecSchema = z
  .object({
    name: z.string().regex(LAYER_NAME, 'a layer name uses letters, digits, - and _ (at most 140)'),
    version: z.number().int('a layer version is a whole number').min(1, 'layer versions start at 1'),
    description: z.union([text, z.object({ en: text, ko: text }).strict()]).optional(),
    compatibleRuntimes: z.array(z.enum(RUNTIMES)).min(1).optional(),
    compatibleArchitectures: z.array(z.enum(ARCHITECTURES)).min(1).optional(),
    /** path inside the layer's .zip -> file content. */
    files: z
      .record(z.string(), z.string())
      .refine((files) => Object.keys(files).length > 0, 'a layer needs at least one file')
      .superRefine((files, ctx) => {
        for (const path of Object.keys(files)) {
          if (!normalizeLayerPath(path))
            ctx.addIssue({ code: 'custom', path: [path], message: 'a path inside the layer: relative, without ..' });
        }
      }),
  })
  .strict();
export type LayerSpec = z.infer<typeof layerSpecSchema>;

/** A list of layer versions, each ARN at most once. */
export const layerSpecsSchema = z.array(layerSpecSchema).superRefine((specs, ctx) => {
  const arns = specs.map((s) => layerVersionArn(s.name, s.version));
  arns.forEach((arn, i) => {
    if (arns.indexOf(arn) !== i)
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `${arn} is published twice: give each version of a layer its own number`,
      });
  });
});

/** The layer version a spec describes, in Coldstart's simulated account. */
export function layerFromSpec(spec: LayerSpec): LayerVersion {
  return makeLayerVersion({
    name: spec.name,
    version: spec.version,
    files: Object.entries(spec.files).map(([path, code]) => ({ path, code })),
    ...(spec.compatibleRuntimes ? { compatibleRuntimes: spec.compatibleRuntimes } : {}),
    ...(spec.compatibleArchitectures ? { compatibleArchitectures: spec.compatibleArchitectures } : {}),
    ...(spec.description === undefined ? {} : { description: spec.description }),
  });
}
