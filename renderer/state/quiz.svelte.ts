/**
 * A lesson's quiz answers: loaded from `quiz.answers` (so answers survive restarts) and updated by
 * `quiz.submit`, for every kind of question. Feedback comes back in the requested language, so a
 * language switch reloads it.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { AnsweredQuestion, Language, QuizAnswer } from '../../electron/api/types.ts';
import { api } from '../lib/api-client.ts';
import { emitAppEvent } from '../lib/app-events.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';
import { progressEvents } from './progress-events.svelte.ts';

/** Stores an answer and returns it graded, or null when the call failed (a toast says why). */
export async function submitAnswer(
  lessonId: string,
  questionId: string,
  answer: QuizAnswer,
  language: Language,
): Promise<AnsweredQuestion | null> {
  const result = await api['quiz.submit']({ lessonId, questionId, answer, language });
  if (!result.ok) {
    notices.show(i18n.t('errors.answerQuiz'), result.error);
    return null;
  }
  emitAppEvent('quiz-answered', { lessonId, questionId, correct: result.value.feedback.correct });
  // A first answer makes a review card: the due count may have changed.
  void progressEvents.refreshReviews();
  return result.value;
}

export class QuizState {
  answers = $state.raw<Record<string, AnsweredQuestion>>({});
  /** Question ids whose answer is being graded and stored. */
  readonly pending = new SvelteSet<string>();
  #lessonId: string;
  #loadRequest = 0;

  constructor(lessonId: string) {
    this.#lessonId = lessonId;
  }

  async load(language: Language): Promise<void> {
    const request = ++this.#loadRequest;
    const result = await api['quiz.answers']({ lessonId: this.#lessonId, language });
    // Only the latest language's explanations are kept.
    if (request !== this.#loadRequest) return;
    if (!result.ok) {
      notices.show(i18n.t('errors.loadQuiz'), result.error);
      return;
    }
    this.answers = Object.fromEntries(result.value.map((a) => [a.questionId, a]));
  }

  async submit(questionId: string, answer: QuizAnswer, language: Language): Promise<void> {
    this.pending.add(questionId);
    const answered = await submitAnswer(this.#lessonId, questionId, answer, language);
    this.pending.delete(questionId);
    if (answered) this.answers = { ...this.answers, [questionId]: answered };
  }
}
