/**
 * Schemas of a lesson folder's files (lessons/NN-slug/). Content is data: every file is validated
 * and a problem is reported with the file and the field, so an author can fix it at once.
 */
import { z } from 'zod';
import type { SingleChoiceQuestion } from './quiz-schema.ts';
import { source, stableId } from './text-schemas.ts';

/** A file name inside the lesson folder (no sub-folders, no way out of it). */
const lessonFile = (extensions: RegExp) =>
  z
    .string()
    .regex(/^[\w.-]+$/, 'name a file in the lesson folder itself, without any path')
    .regex(extensions, 'the file must end in .mjs, .cjs, .js or .ts');

const handlerFiles = /\.(mjs|cjs|js|ts)$/;

/** lesson.yaml: how the lesson's function is set up. */
export const lessonYamlSchema = z.object({
  id: stableId,
  /** Lambda's handler setting, `file.export`. */
  handler: z
    .string()
    .regex(/^[\w.-]+\.[A-Za-z_$][\w$]*$/, 'write the handler setting as file.export, e.g. index.handler'),
  starter: lessonFile(handlerFiles),
  solution: lessonFile(handlerFiles),
  /** Name of an event template (sandbox/events/templates.ts). */
  eventTemplate: z.string().min(1, 'name the event template the event editor starts with'),
});
export type LessonYaml = z.infer<typeof lessonYamlSchema>;

/** Front matter of index.en.md / index.ko.md. */
export const frontMatterSchema = z.object({
  id: stableId,
  title: z.string().min(1, 'the lesson needs a title'),
  summary: z.string().min(1, 'the lesson needs a one-line summary'),
  sources: z.array(source).default([]),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export { quizYamlSchema, type QuizYaml } from './quiz-schema.ts';
export type { BilingualText } from './text-schemas.ts';

/**
 * A single-choice question, the one kind the app's current contract (QuizQuestionView) shows.
 * @deprecated Use QuizQuestionDef from quiz-schema.ts, which covers every kind.
 */
export type QuizQuestion = SingleChoiceQuestion;
