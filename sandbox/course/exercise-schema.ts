/**
 * exercise.yaml: a lesson's exercise as numbered tasks. The checks themselves are trusted lesson
 * code in checks.ts (see README.md); this file holds what the learner reads: titles and hints.
 */
import { z } from 'zod';
import { functionConfigSchema } from '../config/function-config-schema.ts';
import { unknownLayerMessage } from '../layers/layer-rules.ts';
import { layerSpecsSchema } from '../layers/layer-spec-schema.ts';
import { layerVersionArn } from '../layers/layer-version.ts';
import { bilingual, stableId } from './text-schemas.ts';

const task = z
  .object({
    /** Stable id: progress (hints revealed, tasks passed) is keyed by it; checks.ts names it. */
    id: stableId,
    title: bilingual,
    /** Revealed one at a time, mildest first. */
    hints: z.array(bilingual).min(1, 'give every task at least one hint'),
  })
  .strict();
export type ExerciseTask = z.infer<typeof task>;

export const exerciseYamlSchema = z
  .object({
    /**
     * Layer versions this lesson publishes: the learner can attach them in the function
     * configuration, and checks attach them by ARN (see README.md).
     */
    layers: layerSpecsSchema.optional(),
    /**
     * Configuration every check invoke starts from (Lambda's defaults for what is left out);
     * `layers` names ARNs of the layers above.
     */
    config: functionConfigSchema.optional(),
    /** In the order the learner does them; task N is the Nth entry. */
    tasks: z.array(task).min(1, 'an exercise needs at least one task').max(20),
  })
  .strict()
  .superRefine((exercise, ctx) => {
    const ids = exercise.tasks.map((t) => t.id);
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['tasks'], message: `the task id "${duplicate}" is used twice` });
    }
    const published = new Set((exercise.layers ?? []).map((l) => layerVersionArn(l.name, l.version)));
    (exercise.config?.layers ?? []).forEach((arn, i) => {
      if (!published.has(arn)) {
        ctx.addIssue({
          code: 'custom',
          path: ['config', 'layers', i],
          message: `${unknownLayerMessage(arn)} Publish it under \`layers\` first.`,
        });
      }
    });
  });
export type ExerciseYaml = z.infer<typeof exerciseYamlSchema>;
