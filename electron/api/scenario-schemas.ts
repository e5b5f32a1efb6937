/** Argument schemas of the scenario methods (kept here so contract.ts stays a readable list). */
import { z } from 'zod';

/** Largest scenario text accepted: scenarios inline their handlers, yet a megabyte is plenty. */
export const MAX_SCENARIO_TEXT = 1024 * 1024;

export const scenarioName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an example scenario name is lowercase letters, digits and dashes');

/** Exactly one of `name` (a bundled example) or `text` (YAML or JSON the learner edited). */
export const scenarioRunArgs = z
  .object({
    name: scenarioName.optional(),
    text: z.string().max(MAX_SCENARIO_TEXT, 'the scenario is larger than 1 MB').optional(),
  })
  .strict()
  .refine((a) => (a.name === undefined) !== (a.text === undefined), {
    message: 'give either the name of an example scenario or the text of one, not both',
  });
