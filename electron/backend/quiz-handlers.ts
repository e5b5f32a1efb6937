/**
 * `quiz.list`, `quiz.submit` and `quiz.answers`: questions of every kind without their keys, answers
 * graded against the key (which never leaves the backend; predict-the-output runs its snippet in
 * the simulator), every attempt stored, and the feedback in the learner's language.
 */
import { gradeQuizAnswer, QuizAnswerError, type QuizGrade } from '../../sandbox/course/quiz-grade.ts';
import type { LessonLibrary } from '../../sandbox/course/lesson-library.ts';
import type { QuizAnswer, QuizQuestionDef } from '../../sandbox/course/quiz-schema.ts';
import { toFeedbackView, type QuizView } from '../../sandbox/course/quiz-view.ts';
import type { ApiParsedArgs } from '../api/contract.ts';
import { ApiFailure } from '../api/result.ts';
import type { AnsweredQuestion, Language } from '../api/types.ts';
import type { HostProvider } from './host-provider.ts';
import { requireLesson } from './lesson-lookup.ts';
import type { StoreHolder } from './store-holder.ts';

export function createQuizHandlers(library: LessonLibrary, stores: StoreHolder, hosts: HostProvider) {
  const requireQuestion = (lessonId: string, questionId: string): QuizQuestionDef => {
    requireLesson(library, lessonId);
    const question = library.quizQuestion(lessonId, questionId);
    if (!question) {
      throw new ApiFailure('QuestionNotFound', `The lesson "${lessonId}" has no quiz question "${questionId}".`);
    }
    return question;
  };

  /** Grades against today's key; only predict-the-output needs the simulator (started on demand). */
  const grade = async (question: QuizQuestionDef, answer: QuizAnswer): Promise<QuizGrade> => {
    try {
      const host = question.kind === 'predict' ? await hosts.get() : undefined;
      return await gradeQuizAnswer(question, answer, host ? { host } : {});
    } catch (error) {
      if (error instanceof QuizAnswerError) throw new ApiFailure('InvalidAnswer', error.message);
      throw error;
    }
  };

  const answered = (
    lessonId: string,
    question: QuizQuestionDef,
    answer: QuizAnswer,
    answeredAt: string,
    quizGrade: QuizGrade,
    language: Language,
  ): AnsweredQuestion => ({
    lessonId,
    questionId: question.id,
    answer,
    answeredAt,
    feedback: toFeedbackView(question, quizGrade, language),
    tolerance: question.kind === 'numeric' ? question.tolerance : null,
  });

  return {
    list(args: ApiParsedArgs<'quiz.list'>): QuizView[] {
      requireLesson(library, args.lessonId);
      return library.quiz(args.lessonId, args.language) ?? [];
    },

    async submit(args: ApiParsedArgs<'quiz.submit'>): Promise<AnsweredQuestion> {
      const question = requireQuestion(args.lessonId, args.questionId);
      const quizGrade = await grade(question, args.answer);
      const record = stores.current().recordAnswer({
        lessonId: args.lessonId,
        questionId: question.id,
        answer: args.answer,
        correct: quizGrade.correct,
      });
      return answered(args.lessonId, question, args.answer, record.answeredAt, quizGrade, args.language);
    },

    async answers(args: ApiParsedArgs<'quiz.answers'>): Promise<AnsweredQuestion[]> {
      const results: AnsweredQuestion[] = [];
      for (const record of stores.current().latestAnswers(args.lessonId)) {
        // A question removed from the lesson since keeps its rows but is no longer shown.
        const question = library.quizQuestion(args.lessonId, record.questionId);
        if (!question) continue;
        let quizGrade: QuizGrade;
        try {
          quizGrade = await grade(question, record.answer);
        } catch {
          // The answer no longer fits the question (its kind or choices changed): show it as not answered.
          continue;
        }
        results.push(answered(args.lessonId, question, record.answer, record.answeredAt, quizGrade, args.language));
      }
      return results;
    },
  };
}
