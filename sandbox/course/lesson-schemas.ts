/**
 * Schemas of a lesson folder's files (lessons/NN-slug/). Content is data: every file is validated
 * and a problem is reported with the file and the field, so an author can fix it at once.
 */
import { z } from 'zod';

/** Stable ids: progress rows are keyed by them, so they are plain and URL-safe. */
const stableId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lowercase letters, digits and dashes (at most 64)');

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

const source = z.object({
  title: z.string().min(1, 'a source needs a title'),
  url: z.url({ message: 'a source needs a full URL (https://...)' }),
});

/** Front matter of index.en.md / index.ko.md. */
export const frontMatterSchema = z.object({
  id: stableId,
  title: z.string().min(1, 'the lesson needs a title'),
  summary: z.string().min(1, 'the lesson needs a one-line summary'),
  sources: z.array(source).default([]),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Text given in both languages. */
const text = (missing: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? missing : 'write the text as a string') }).min(1, missing);
const bilingual = z.object({
  en: text('the English text is missing'),
  ko: text('the Korean text is missing'),
});
export type BilingualText = z.infer<typeof bilingual>;

const choice = z.object({ id: z.string().min(1).max(100), text: bilingual });

const singleChoiceQuestion = z
  .object({
    id: z.string().min(1).max(100),
    kind: z.literal('single'),
    prompt: bilingual,
    choices: z.array(choice).min(2, 'a question needs at least two choices'),
    answer: z.string().min(1, 'name the id of the right choice'),
    explanation: bilingual,
    /** Where the answer can be checked: a URL, or a titled link. */
    source: z.union([z.url(), source]).optional(),
  })
  .superRefine((question, ctx) => {
    const ids = question.choices.map((c) => c.id);
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `the choice id "${duplicate}" is used twice` });
    }
    if (!ids.includes(question.answer)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `"${question.answer}" is not one of the choice ids (${ids.join(', ')})`,
      });
    }
  });
export type QuizQuestion = z.infer<typeof singleChoiceQuestion>;

/** quiz.yaml. */
export const quizYamlSchema = z.object({ questions: z.array(singleChoiceQuestion) }).superRefine((quiz, ctx) => {
  const ids = quiz.questions.map((q) => q.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['questions'], message: `the question id "${duplicate}" is used twice` });
  }
});
export type QuizYaml = z.infer<typeof quizYamlSchema>;
