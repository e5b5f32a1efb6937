/**
 * Grading a learner's answer against a question's key. Choice, true/false and numeric questions
 * are graded by pure functions; predict-the-output runs the snippet in the sandbox first.
 */
import type { LambdaHost } from '../runtime/lambda-host-types.ts';
import { predictionMatches, runPrediction, type PredictRun } from './quiz-predict.ts';
import type { NumericQuestion, QuizAnswer, QuizQuestionDef } from './quiz-schema.ts';

/** The outcome of grading one answer. */
export interface QuizGrade {
  questionId: string;
  kind: QuizQuestionDef['kind'];
  correct: boolean;
  /** The right answer in the same shape as the learner's. */
  correctAnswer: QuizAnswer;
  /** For predict-the-output: what the snippet did on every invoke. */
  run?: PredictRun;
}

/** The answer does not fit the question (another kind, or a choice it does not have). */
export class QuizAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuizAnswerError';
  }
}

/**
 * Floating point slack so that an answer typed to the stated precision is accepted:
 * |0.1 + 0.2 - 0.3| is 5.6e-17, not 0.
 */
const EPSILON = 1e-9;

/** Whether `value` is within the question's tolerance of its answer. */
export function numericMatches(question: NumericQuestion, value: number): boolean {
  const slack = EPSILON * Math.max(1, Math.abs(question.answer));
  return Math.abs(value - question.answer) <= question.tolerance + slack;
}

/** Set equality of choice ids (order and repeats do not matter). */
export function sameChoices(picked: readonly string[], key: readonly string[]): boolean {
  const a = new Set(picked);
  const b = new Set(key);
  return a.size === b.size && [...a].every((id) => b.has(id));
}

function checkChoices(question: QuizQuestionDef & { choices: { id: string }[] }, ids: readonly string[]): void {
  const known = question.choices.map((c) => c.id);
  const unknown = ids.find((id) => !known.includes(id));
  if (unknown !== undefined) {
    throw new QuizAnswerError(
      `"${unknown}" is not one of the choices of question "${question.id}" (${known.join(', ')}).`,
    );
  }
}

function kindMismatch(question: QuizQuestionDef, answer: QuizAnswer): QuizAnswerError {
  return new QuizAnswerError(
    `Question "${question.id}" is a ${question.kind} question; the answer given is for a ${answer.kind} question.`,
  );
}

/**
 * Grades an answer to a choice, true/false or numeric question (no sandbox needed).
 * @throws QuizAnswerError when the answer does not fit the question, or the question is predict-the-output.
 */
export function gradeSync(question: QuizQuestionDef, answer: QuizAnswer): QuizGrade {
  const base = { questionId: question.id, kind: question.kind };
  if (question.kind === 'single' && answer.kind === 'single') {
    checkChoices(question, [answer.choiceId]);
    return {
      ...base,
      correct: answer.choiceId === question.answer,
      correctAnswer: { kind: 'single', choiceId: question.answer },
    };
  }
  if (question.kind === 'multiple' && answer.kind === 'multiple') {
    checkChoices(question, answer.choiceIds);
    return {
      ...base,
      correct: sameChoices(answer.choiceIds, question.answer),
      correctAnswer: { kind: 'multiple', choiceIds: [...question.answer] },
    };
  }
  if (question.kind === 'truefalse' && answer.kind === 'truefalse') {
    return {
      ...base,
      correct: answer.value === question.answer,
      correctAnswer: { kind: 'truefalse', value: question.answer },
    };
  }
  if (question.kind === 'numeric' && answer.kind === 'numeric') {
    return {
      ...base,
      correct: numericMatches(question, answer.value),
      correctAnswer: { kind: 'numeric', value: question.answer },
    };
  }
  if (question.kind === 'predict' && answer.kind === 'predict') {
    throw new QuizAnswerError(`Question "${question.id}" runs code in the sandbox: grade it with gradeQuizAnswer.`);
  }
  throw kindMismatch(question, answer);
}

/** Grades a predict-the-output answer from a finished run of its snippet. */
export function gradePrediction(
  question: Extract<QuizQuestionDef, { kind: 'predict' }>,
  text: string,
  run: PredictRun,
): QuizGrade {
  return {
    questionId: question.id,
    kind: 'predict',
    correct: predictionMatches(question.ask.what, run.expected, text),
    correctAnswer: { kind: 'predict', text: run.expected },
    run,
  };
}

/** Options of {@link gradeQuizAnswer}. */
export interface GradeOptions {
  /** Runs predict-the-output snippets; needed only for that kind. */
  host?: LambdaHost;
}

/**
 * Grades any kind of answer. Predict-the-output runs the snippet in `options.host` (cached).
 * @throws QuizAnswerError when the answer does not fit the question or no host was given for a snippet.
 */
export async function gradeQuizAnswer(
  question: QuizQuestionDef,
  answer: QuizAnswer,
  options: GradeOptions = {},
): Promise<QuizGrade> {
  if (question.kind !== 'predict') return gradeSync(question, answer);
  if (answer.kind !== 'predict') throw kindMismatch(question, answer);
  if (!options.host) throw new QuizAnswerError(`Question "${question.id}" needs the sandbox to be graded.`);
  const run = await runPrediction(question, options.host);
  return gradePrediction(question, answer.text, run);
}
