/**
 * Building blocks shared by the lesson files' schemas: stable ids, text in both languages, sources.
 */
import { z } from 'zod';

/** Stable ids: progress rows are keyed by them, so they are plain and URL-safe. */
export const stableId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lowercase letters, digits and dashes (at most 64)');

/** A titled link to where a fact can be checked. */
export const source = z.object({
  title: z.string().min(1, 'a source needs a title'),
  url: z.url({ message: 'a source needs a full URL (https://...)' }),
});

/** Text given in both languages. */
const text = (missing: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? missing : 'write the text as a string') }).min(1, missing);

/** `{ en, ko }`: every learner-facing text comes in both languages. */
export const bilingual = z
  .object({
    en: text('the English text is missing'),
    ko: text('the Korean text is missing'),
  })
  // An unquoted comma in a YAML flow mapping ({ en: a, b }) makes a stray key: say so.
  .strict();
export type BilingualText = z.infer<typeof bilingual>;
