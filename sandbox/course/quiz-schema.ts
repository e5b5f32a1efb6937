/**
 * quiz.yaml: the question kinds, their answer keys, and the shape of a learner's answer.
 * Every kind stores its key in `answer`; the schema checks that the key is consistent
 * (a single answer names a choice, a multiple answer names distinct choices, and so on).
 */
import { z } from 'zod';
import { functionConfigSchema } from '../config/function-config-schema.ts';
import { bilingual, source } from './text-schemas.ts';

/** Question and choice ids: stable within their lesson, since progress rows are keyed by them. */
const questionId = z
  .string()
  .regex(/^[A-Za-z0-9][\w-]{0,99}$/, 'use letters, digits, "-" and "_" (at most 100), starting with a letter or digit');
const choiceId = z.string().min(1).max(100);
const choice = z.object({ id: choiceId, text: bilingual }).strict();

const common = {
  id: questionId,
  prompt: bilingual,
  /** Shown after answering, in the learner's language (Markdown). */
  explanation: bilingual,
  /** Where the stated fact can be checked: a URL, or a titled link. */
  source: z.union([z.url(), source]).optional(),
};

const singleQuestion = z
  .object({
    ...common,
    kind: z.literal('single'),
    choices: z.array(choice).min(2, 'a question needs at least two choices'),
    answer: z.string().min(1, 'name the id of the right choice'),
  })
  .strict();

const multipleQuestion = z
  .object({
    ...common,
    kind: z.literal('multiple'),
    choices: z.array(choice).min(2, 'a question needs at least two choices'),
    /** Every right choice; the learner must pick exactly this set. */
    answer: z.array(z.string().min(1)).min(1, 'name at least one right choice'),
  })
  .strict();

const trueFalseQuestion = z.object({ ...common, kind: z.literal('truefalse'), answer: z.boolean() }).strict();

const numericQuestion = z
  .object({
    ...common,
    kind: z.literal('numeric'),
    answer: z.number().finite(),
    /** Largest accepted distance from `answer`, in the same unit (default 0: exact). */
    tolerance: z.number().finite().nonnegative('the tolerance cannot be negative').default(0),
    /** Shown beside the input, e.g. `USD`, `ms`, `MB`. */
    unit: z.string().min(1).max(20).optional(),
  })
  .strict();

/** Which output of which invoke the learner predicts. */
const predictAsk = z
  .object({
    /** 1-based: 1 is the cold start, 2 the first warm invoke, ... */
    invoke: z.number().int().min(1, 'invokes are counted from 1'),
    /** `result`: the returned value as JSON; `log`: the handler's console lines (messages only). */
    what: z.enum(['result', 'log']),
  })
  .strict();

const predictQuestion = z
  .object({
    ...common,
    kind: z.literal('predict'),
    /** The handler module the sandbox runs (an ES module unless `filename` ends in .cjs/.js). */
    snippet: z.string().min(1, 'give the handler code to run'),
    filename: z
      .string()
      .regex(/^[\w.-]+\.(mjs|cjs|js)$/, 'name a .mjs, .cjs or .js file')
      .default('index.mjs'),
    /** Export the handler is read from (default `handler`). */
    export: z
      .string()
      .regex(/^[A-Za-z_$][\w$]*$/)
      .default('handler'),
    /** Events invoked in order in one execution environment: the first is cold, the rest warm. */
    events: z.array(z.unknown()).min(1, 'give at least one event').max(20).default([{}]),
    // Without layers: a snippet runs alone, with nothing published for it to attach.
    config: functionConfigSchema.omit({ layers: true }).optional(),
    ask: predictAsk,
    /** The author's expected prediction, checked against the real sandbox by lessons:check. */
    answer: z.string(),
  })
  .strict();

const KINDS = ['single', 'multiple', 'truefalse', 'numeric', 'predict'] as const;

/** Finds the first repeated value. */
const firstDuplicate = (values: readonly string[]): string | undefined =>
  values.find((value, i) => values.indexOf(value) !== i);

/** One question of any kind, with its answer key checked against its choices. */
export const quizQuestionSchema = z
  .discriminatedUnion('kind', [singleQuestion, multipleQuestion, trueFalseQuestion, numericQuestion, predictQuestion], {
    error: (issue) => (issue.code === 'invalid_union' ? `kind must be one of ${KINDS.join(', ')}` : undefined),
  })
  .superRefine((question, ctx) => {
    if (question.kind === 'single' || question.kind === 'multiple') {
      const ids = question.choices.map((c) => c.id);
      const duplicate = firstDuplicate(ids);
      if (duplicate !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['choices'], message: `the choice id "${duplicate}" is used twice` });
      }
      const keys = typeof question.answer === 'string' ? [question.answer] : question.answer;
      for (const key of keys) {
        if (!ids.includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['answer'],
            message: `"${key}" is not one of the choice ids (${ids.join(', ')})`,
          });
        }
      }
      const repeated = firstDuplicate(keys);
      if (repeated !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['answer'], message: `"${repeated}" is named twice` });
      }
    }
    if (question.kind === 'predict' && question.ask.invoke > question.events.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['ask', 'invoke'],
        message: `asks about invoke ${question.ask.invoke} but only ${question.events.length} event(s) are listed`,
      });
    }
  });

export type QuizQuestionDef = z.infer<typeof quizQuestionSchema>;
export type QuizKind = QuizQuestionDef['kind'];
export type SingleChoiceQuestion = Extract<QuizQuestionDef, { kind: 'single' }>;
export type MultipleChoiceQuestion = Extract<QuizQuestionDef, { kind: 'multiple' }>;
export type TrueFalseQuestion = Extract<QuizQuestionDef, { kind: 'truefalse' }>;
export type NumericQuestion = Extract<QuizQuestionDef, { kind: 'numeric' }>;
export type PredictQuestion = Extract<QuizQuestionDef, { kind: 'predict' }>;

/** quiz.yaml. */
export const quizYamlSchema = z
  .object({ questions: z.array(quizQuestionSchema) })
  .strict()
  .superRefine((quiz, ctx) => {
    const duplicate = firstDuplicate(quiz.questions.map((q) => q.id));
    if (duplicate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['questions'], message: `the question id "${duplicate}" is used twice` });
    }
  });
export type QuizYaml = z.infer<typeof quizYamlSchema>;

/** A learner's answer, one shape per kind (validated wherever it crosses a process boundary). */
export const quizAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), choiceId: choiceId }).strict(),
  z.object({ kind: z.literal('multiple'), choiceIds: z.array(choiceId).max(50) }).strict(),
  z.object({ kind: z.literal('truefalse'), value: z.boolean() }).strict(),
  z.object({ kind: z.literal('numeric'), value: z.number().finite() }).strict(),
  z.object({ kind: z.literal('predict'), text: z.string().max(10_000) }).strict(),
]);
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;
