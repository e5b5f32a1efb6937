/**
 * What the learner sees of a question (never its answer key) and of a graded answer. Plain data in
 * one language, ready to cross IPC/HTTP.
 */
import type { Language } from '../../electron/api/types.ts';
import type { QuizGrade } from './quiz-grade.ts';
import type { PredictRun } from './quiz-predict.ts';
import { predictConfig } from './quiz-predict.ts';
import type { QuizAnswer, QuizQuestionDef } from './quiz-schema.ts';

interface ViewBase {
  id: string;
  prompt: string;
}

type Choices = { choices: { id: string; text: string }[] };

/** A question of any kind as the learner sees it. */
export type QuizView =
  | (ViewBase & Choices & { kind: 'single' })
  | (ViewBase & Choices & { kind: 'multiple' })
  | (ViewBase & { kind: 'truefalse' })
  | (ViewBase & { kind: 'numeric'; unit: string | null })
  | (ViewBase & {
      kind: 'predict';
      /** The handler code, shown read-only. */
      snippet: string;
      filename: string;
      /** Each event as pretty JSON, in invoke order (1 is cold, the rest warm). */
      events: string[];
      memorySizeMB: number;
      timeoutSeconds: number;
      ask: { invoke: number; what: 'result' | 'log' };
    });

/** A source link: the question's, when it names one. */
export interface QuizSourceView {
  title: string | null;
  url: string;
}

/** What the learner sees after answering. */
export interface QuizFeedbackView {
  questionId: string;
  kind: QuizQuestionDef['kind'];
  correct: boolean;
  correctAnswer: QuizAnswer;
  /** Why, in the requested language (Markdown). */
  explanation: string;
  source: QuizSourceView | null;
  /** For predict-the-output: every invoke's result/error and log lines. */
  run: PredictRun | null;
}

/** The learner's view of a question: prompt, choices or input hints, never the answer. */
export function toQuizView(question: QuizQuestionDef, language: Language): QuizView {
  const base = { id: question.id, prompt: question.prompt[language] };
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        kind: question.kind,
        choices: question.choices.map((choice) => ({ id: choice.id, text: choice.text[language] })),
      };
    case 'truefalse':
      return { ...base, kind: 'truefalse' };
    case 'numeric':
      return { ...base, kind: 'numeric', unit: question.unit ?? null };
    case 'predict': {
      const config = predictConfig(question);
      return {
        ...base,
        kind: 'predict',
        snippet: question.snippet,
        filename: question.filename,
        events: question.events.map((event) => JSON.stringify(event ?? {}, null, 2)),
        memorySizeMB: config.memorySizeMB,
        timeoutSeconds: config.timeoutSeconds,
        ask: { ...question.ask },
      };
    }
  }
}

/** The feedback for a graded answer in one language. */
export function toFeedbackView(question: QuizQuestionDef, grade: QuizGrade, language: Language): QuizFeedbackView {
  const source =
    question.source === undefined
      ? null
      : typeof question.source === 'string'
        ? { title: null, url: question.source }
        : { title: question.source.title, url: question.source.url };
  return {
    questionId: question.id,
    kind: question.kind,
    correct: grade.correct,
    correctAnswer: grade.correctAnswer,
    explanation: question.explanation[language],
    source,
    run: grade.run ?? null,
  };
}
