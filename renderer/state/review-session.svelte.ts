/**
 * A spaced-review session: the questions due across lessons, one at a time. The learner answers
 * (graded and stored by quiz.submit like any answer), sees the feedback, then rates: a wrong answer
 * can only be Again, a right one Hard, Good or Easy (see electron/backend/review-handlers.ts).
 * When the queue runs out it is fetched again, so a question rated Again that is due again within
 * the session comes back, as in Anki; when nothing is due the session is done.
 */
import type { ReviewItem, ReviewRatingName } from '../../electron/api/learning-types.ts';
import type { AnsweredQuestion, Language, QuizAnswer } from '../../electron/api/types.ts';
import { api } from '../lib/api-client.ts';
import { emitAppEvent } from '../lib/app-events.ts';
import { i18n } from './i18n.svelte.ts';
import { notices } from './notices.svelte.ts';
import { progressEvents } from './progress-events.svelte.ts';
import { submitAnswer } from './quiz.svelte.ts';

export type ReviewPhase = 'loading' | 'question' | 'rating' | 'done' | 'failed';

export class ReviewSessionState {
  phase = $state<ReviewPhase>('loading');
  queue = $state.raw<ReviewItem[]>([]);
  answered = $state.raw<AnsweredQuestion | null>(null);
  pending = $state(false);
  /** Questions rated in this session. */
  reviewed = $state(0);
  /** When the next question will be due, once nothing is due now. */
  nextDue = $state<string | null>(null);

  current = $derived(this.queue[0] ?? null);

  async load(language: Language): Promise<void> {
    const result = await api['review.due']({ language });
    if (!result.ok) {
      this.phase = 'failed';
      notices.show(i18n.t('errors.loadReviews'), result.error);
      return;
    }
    progressEvents.reviewsDue = result.value.due;
    this.nextDue = result.value.nextDue;
    // The question on screen keeps its place (in the new language) when the language changes.
    const shown = this.phase === 'question' || this.phase === 'rating' ? this.current : null;
    const same = (i: ReviewItem) =>
      shown !== null && i.lessonId === shown.lessonId && i.question.id === shown.question.id;
    const items = result.value.items;
    this.queue = shown ? [items.find(same) ?? shown, ...items.filter((i) => !same(i))] : items;
    if (this.phase === 'loading' || this.phase === 'done' || this.phase === 'failed') {
      this.phase = this.queue.length > 0 ? 'question' : 'done';
    }
  }

  async answer(answer: QuizAnswer, language: Language): Promise<void> {
    const item = this.current;
    if (!item || this.pending) return;
    this.pending = true;
    const answered = await submitAnswer(item.lessonId, item.question.id, answer, language);
    this.pending = false;
    if (!answered) return;
    this.answered = answered;
    this.phase = 'rating';
  }

  async rate(rating: ReviewRatingName, language: Language): Promise<void> {
    const item = this.current;
    if (!item || this.pending) return;
    this.pending = true;
    const result = await api['review.record']({ lessonId: item.lessonId, questionId: item.question.id, rating });
    this.pending = false;
    if (!result.ok) {
      notices.show(i18n.t('errors.recordReview'), result.error);
      return;
    }
    emitAppEvent('review-recorded', { lessonId: item.lessonId, questionId: item.question.id, rating });
    this.reviewed += 1;
    this.answered = null;
    this.queue = this.queue.slice(1);
    this.phase = 'loading';
    if (this.queue.length > 0) {
      this.phase = 'question';
      void progressEvents.refreshReviews();
    } else {
      await this.load(language);
    }
  }
}
