/**
 * `quiz.answer` and `quiz.answers`: checks a choice against the answer key (which never leaves the
 * backend), stores every attempt, and explains the answer in the learner's language.
 */
import type { ApiParsedArgs } from '../api/contract.ts';
import { ApiFailure } from '../api/result.ts';
import type { Language, QuizAnswerResult } from '../api/types.ts';
import type { LessonLibrary } from '../../sandbox/course/lesson-library.ts';
import type { QuizQuestion } from '../../sandbox/course/lesson-schemas.ts';
import type { ProgressStore, QuizAttempt } from '../store/progress-store.ts';

const toResult = (question: QuizQuestion, attempt: QuizAttempt, language: Language): QuizAnswerResult => ({
  questionId: question.id,
  choiceId: attempt.choiceId,
  // Judged against today's key, so the result always agrees with correctChoiceId shown beside it.
  correct: attempt.choiceId === question.answer,
  correctChoiceId: question.answer,
  explanation: question.explanation[language],
  answeredAt: attempt.answeredAt,
});

export function createQuizHandlers(library: LessonLibrary, store: ProgressStore) {
  return {
    answer(args: ApiParsedArgs<'quiz.answer'>): QuizAnswerResult {
      if (!library.course().lessons.some((lesson) => lesson.id === args.lessonId)) {
        throw new ApiFailure('LessonNotFound', `There is no lesson with the id "${args.lessonId}".`);
      }
      const question = library.question(args.lessonId, args.questionId);
      if (!question) {
        throw new ApiFailure(
          'QuestionNotFound',
          `The lesson "${args.lessonId}" has no quiz question "${args.questionId}".`,
        );
      }
      if (!question.choices.some((choice) => choice.id === args.choiceId)) {
        throw new ApiFailure(
          'InvalidChoice',
          `"${args.choiceId}" is not one of the choices of question "${args.questionId}" (${question.choices.map((c) => c.id).join(', ')}).`,
        );
      }
      const attempt = store.recordQuizAttempt({
        lessonId: args.lessonId,
        questionId: question.id,
        choiceId: args.choiceId,
        correct: args.choiceId === question.answer,
        answeredAt: new Date().toISOString(),
      });
      return toResult(question, attempt, args.language);
    },

    answers(args: ApiParsedArgs<'quiz.answers'>): QuizAnswerResult[] {
      const results: QuizAnswerResult[] = [];
      for (const attempt of store.latestQuizAttempts(args.lessonId)) {
        // A question removed from the lesson since keeps its rows but is no longer shown.
        const question = library.question(args.lessonId, attempt.questionId);
        if (question) results.push(toResult(question, attempt, args.language));
      }
      return results;
    },
  };
}
