/**
 * Quiz attempts of every kind. Every answer is kept (not only the latest) so reviews and the
 * dashboard can see the history; the first answer to a question also makes its review card.
 */
import { randomUUID } from 'node:crypto';
import type { QuizAnswer } from '../../sandbox/course/quiz-schema.ts';
import type { QuizAnswerRecord, StoreContext } from './progress-types.ts';
import type { createReviewCards } from './review-cards.ts';

interface AnswerRow {
  uid: string;
  lesson_id: string;
  question_id: string;
  answer_json: string;
  correct: number;
  answered_at: string;
}

export const toAnswerRecord = (row: AnswerRow): QuizAnswerRecord => ({
  id: row.uid,
  lessonId: row.lesson_id,
  questionId: row.question_id,
  answer: JSON.parse(row.answer_json) as QuizAnswer,
  correct: row.correct === 1,
  answeredAt: row.answered_at,
});

/** What the backend passes in: the graded answer (id and time are filled in when missing). */
export type NewQuizAnswer = Omit<QuizAnswerRecord, 'id' | 'answeredAt'> & { id?: string; answeredAt?: string };

export function createQuizAnswers(ctx: StoreContext, cards: ReturnType<typeof createReviewCards>) {
  const { db } = ctx;
  const insert = db.prepare(
    `INSERT INTO quiz_attempts (uid, lesson_id, question_id, kind, answer_json, correct, answered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // Latest answer per question (by time, then insertion), in the order questions were first answered.
  const latest = db.prepare(
    `WITH ranked AS (
       SELECT a.*,
              ROW_NUMBER() OVER (PARTITION BY question_id ORDER BY answered_at DESC, rowid DESC) AS newest,
              MIN(answered_at) OVER (PARTITION BY question_id) AS first_at,
              FIRST_VALUE(rowid) OVER (PARTITION BY question_id ORDER BY answered_at, rowid) AS first_rid
       FROM quiz_attempts a WHERE lesson_id = ?)
     SELECT * FROM ranked WHERE newest = 1 ORDER BY first_at, first_rid`,
  );
  const history = db.prepare(
    'SELECT * FROM quiz_attempts WHERE lesson_id = ? AND question_id = ? ORDER BY answered_at, rowid',
  );
  const accuracy = db.prepare(
    `WITH ranked AS (
       SELECT lesson_id, correct,
              ROW_NUMBER() OVER (PARTITION BY lesson_id, question_id ORDER BY answered_at DESC, rowid DESC) AS newest
       FROM quiz_attempts)
     SELECT lesson_id, COUNT(*) AS answered, SUM(correct) AS correct FROM ranked WHERE newest = 1 GROUP BY lesson_id`,
  );

  return {
    recordAnswer: db.transaction((input: NewQuizAnswer): QuizAnswerRecord => {
      const record: QuizAnswerRecord = {
        ...input,
        id: input.id ?? randomUUID(),
        answeredAt: input.answeredAt ?? ctx.now().toISOString(),
      };
      insert.run(
        record.id,
        record.lessonId,
        record.questionId,
        record.answer.kind,
        JSON.stringify(record.answer),
        record.correct ? 1 : 0,
        record.answeredAt,
      );
      cards.cardFromAnswer(record.lessonId, record.questionId, record.correct, new Date(record.answeredAt));
      ctx.touch();
      return record;
    }),
    latestAnswers: (lessonId: string): QuizAnswerRecord[] => (latest.all(lessonId) as AnswerRow[]).map(toAnswerRecord),
    answerHistory: (lessonId: string, questionId: string): QuizAnswerRecord[] =>
      (history.all(lessonId, questionId) as AnswerRow[]).map(toAnswerRecord),
    /** Per lesson: questions answered and how many of their latest answers are right. */
    quizAccuracy: (): { lessonId: string; answered: number; correct: number }[] =>
      (accuracy.all() as { lesson_id: string; answered: number; correct: number }[]).map((r) => ({
        lessonId: r.lesson_id,
        answered: r.answered,
        correct: r.correct,
      })),
  };
}
