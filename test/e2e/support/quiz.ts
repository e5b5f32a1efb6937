/**
 * Answering a lesson's quiz through its UI, for end-to-end tests: the input each question kind
 * offers (a choice button, checkboxes and Submit, True/False, a number, a predicted output), then
 * the feedback the app shows for that answer.
 */
import type { Locator, Page } from 'playwright-core';
import type { QuizQuestionDef } from '../../../sandbox/course/quiz-schema.ts';

/** The question's box on the page, found by its id. */
export function quizQuestion(page: Page, question: QuizQuestionDef): Locator {
  return page.getByTestId(`quiz-question-${question.id}`);
}

/** An answer the learner gives: the key from quiz.yaml, or another value of the same kind. */
export type GivenAnswer = QuizQuestionDef['answer'];

/**
 * Gives `answer` to `question` as a learner would, and waits until the app shows its verdict
 * (`correct`: the feedback the answer must get). Returns the feedback box.
 */
export async function answerQuestion(
  page: Page,
  question: QuizQuestionDef,
  answer: GivenAnswer,
  correct: boolean,
): Promise<Locator> {
  const box = quizQuestion(page, question);
  await box.scrollIntoViewIfNeeded();
  switch (question.kind) {
    case 'single':
      await box.getByTestId(`quiz-choice-${String(answer)}`).click();
      break;
    case 'multiple':
      await pickExactly(
        box,
        question.choices.map((c) => c.id),
        answer as string[],
      );
      await box.getByTestId('quiz-submit').click();
      break;
    case 'truefalse':
      await box.getByTestId(answer ? 'quiz-true' : 'quiz-false').click();
      break;
    case 'numeric':
      await box.getByTestId('quiz-numeric').fill(String(answer));
      await box.getByTestId('quiz-submit').click();
      break;
    case 'predict':
      await box.getByTestId('quiz-predict').fill(String(answer));
      await box.getByTestId('quiz-submit').click();
      break;
  }
  // A predict question runs its snippet in the sandbox first: the verdict comes after that run.
  const feedback = box.locator(`[data-testid="quiz-feedback"][data-correct="${String(correct)}"]`);
  await feedback.waitFor();
  return feedback;
}

/** Ticks exactly the `wanted` checkboxes of a multiple-choice question (clicking their labels). */
async function pickExactly(box: Locator, choiceIds: string[], wanted: string[]): Promise<void> {
  for (const id of choiceIds) {
    const choice = box.getByTestId(`quiz-choice-${id}`);
    const ticked = await choice.locator('input[type="checkbox"]').isChecked();
    if (ticked !== wanted.includes(id)) await choice.click();
  }
}
