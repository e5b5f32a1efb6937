/**
 * `review.due` and `review.record`. A review is answered with `quiz.submit` (graded and stored like
 * any answer) and then rated. Chosen design: correctness decides pass or fail, the learner decides
 * how hard it was. A wrong latest answer can only be rated Again (a learner cannot mark a miss as
 * recalled); a right one is rated Hard, Good or Easy by the learner, as in Anki.
 */
import type { LessonLibrary } from '../../sandbox/course/lesson-library.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import type { ReviewQueue, ReviewRecorded } from '../api/learning-types.ts';
import { ApiFailure } from '../api/result.ts';
import { requireLesson } from './lesson-lookup.ts';
import { reviewQueue } from './review-queue.ts';
import type { StoreHolder } from './store-holder.ts';

export function createReviewHandlers(library: LessonLibrary, stores: StoreHolder) {
  return {
    due(args: ApiParsedArgs<'review.due'>): ReviewQueue {
      return reviewQueue(stores.current(), library, args.language);
    },

    record(args: ApiParsedArgs<'review.record'>): ReviewRecorded {
      requireLesson(library, args.lessonId);
      if (!library.quizQuestion(args.lessonId, args.questionId)) {
        throw new ApiFailure(
          'QuestionNotFound',
          `The lesson "${args.lessonId}" has no quiz question "${args.questionId}".`,
        );
      }
      const store = stores.current();
      const latest = store.answerHistory(args.lessonId, args.questionId).at(-1);
      if (!latest) {
        throw new ApiFailure('NotAnswered', 'Answer the question (quiz.submit) before rating the review.');
      }
      if (!latest.correct && args.rating !== 'again') {
        throw new ApiFailure(
          'RatingNotAllowed',
          `The latest answer to "${args.questionId}" was wrong, so the review can only be rated "again".`,
        );
      }
      const card = store.recordReview(args.lessonId, args.questionId, args.rating);
      return { lessonId: args.lessonId, questionId: args.questionId, rating: args.rating, due: card.due };
    },
  };
}
