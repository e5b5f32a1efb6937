/**
 * A lesson's quiz answers: loaded from `quiz.answers` (so answers survive restarts) and updated by
 * `quiz.answer`. Explanations come back in the requested language, so a language switch reloads them.
 */
import { SvelteSet } from 'svelte/reactivity';
import type { Language, QuizAnswerResult } from '../../electron/api/types.ts';
import { api } from '../lib/api-client.ts';
import { emitAppEvent } from '../lib/app-events.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';

export class QuizState {
  answers = $state.raw<Record<string, QuizAnswerResult>>({});
  /** Question ids whose answer is being stored. */
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

  async answer(questionId: string, choiceId: string, language: Language): Promise<void> {
    this.pending.add(questionId);
    const result = await api['quiz.answer']({ lessonId: this.#lessonId, questionId, choiceId, language });
    this.pending.delete(questionId);
    if (!result.ok) {
      notices.show(i18n.t('errors.answerQuiz'), result.error);
      return;
    }
    this.answers = { ...this.answers, [questionId]: result.value };
    emitAppEvent('quiz-answered', { lessonId: this.#lessonId, questionId, correct: result.value.correct });
  }
}
