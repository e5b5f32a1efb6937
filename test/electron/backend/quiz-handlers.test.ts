/**
 * quiz.list / quiz.submit / quiz.answers over the fixture course, which has one question of every
 * kind: real grading (predict-the-output runs its snippet in the real sandbox) and real SQLite.
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { call, failure, FIXTURE_COURSE, useBackends } from './support/backend.ts';

const tempDir = useTempDirs();
const backendAt = useBackends();
const LESSON = 'passes';

describe('quiz methods', () => {
  it('lists every kind of question without its answer key', async () => {
    const backend = backendAt(tempDir(), FIXTURE_COURSE);
    const questions = await call(backend, 'quiz.list', { lessonId: LESSON, language: 'ko' });
    expect(questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'truefalse', 'numeric', 'predict', 'predict']);
    expect(JSON.stringify(questions)).not.toContain('"answer"');
    expect(questions[3]).toMatchObject({ kind: 'numeric', unit: 'USD' });
    expect(questions[4]).toMatchObject({
      kind: 'predict',
      ask: { invoke: 3, what: 'result' },
      events: ['{}', '{}', '{}'],
    });
    // lessons.get serves the same questions (all kinds), so the lesson page needs one call.
    const lesson = await call(backend, 'lessons.get', { id: LESSON, language: 'ko' });
    expect(lesson.quiz).toEqual(questions);
  });

  it('grades every kind: choices as sets, numbers within tolerance, predictions against a real run', async () => {
    const backend = backendAt(tempDir(), FIXTURE_COURSE);
    const submit = async (questionId: string, answer: unknown) =>
      (await call(backend, 'quiz.submit', { lessonId: LESSON, questionId, answer, language: 'en' })).feedback;

    expect(await submit('cold-report-fields', { kind: 'multiple', choiceIds: ['init', 'duration'] })).toMatchObject({
      correct: true,
      source: { title: 'Node.js logging', url: 'https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html' },
    });
    expect(await submit('cold-report-fields', { kind: 'multiple', choiceIds: ['init'] })).toMatchObject({
      correct: false,
      correctAnswer: { kind: 'multiple', choiceIds: ['duration', 'init'] },
    });
    expect(await submit('env-per-variable', { kind: 'truefalse', value: false })).toMatchObject({ correct: true });
    expect(await submit('million-requests', { kind: 'numeric', value: 0.2005 })).toMatchObject({ correct: true });
    expect(await submit('million-requests', { kind: 'numeric', value: 0.25 })).toMatchObject({
      correct: false,
      correctAnswer: { kind: 'numeric', value: 0.2 },
    });

    const predicted = await submit('warm-counter', { kind: 'predict', text: '{ "count": 3 }' });
    expect(predicted.correct).toBe(true);
    expect(predicted.run?.invocations.map((i) => i.coldStart)).toEqual([true, false, false]);
    expect(predicted.run?.invocations[2]?.messages).toEqual(['count is 3']);
    const wrongLog = await submit('cold-log', { kind: 'predict', text: 'init 2 Ada' });
    expect(wrongLog).toMatchObject({ correct: false, correctAnswer: { kind: 'predict', text: 'init 1 Ada' } });
  });

  it('keeps the latest answer per question, re-explained in the language asked for', async () => {
    const dataDir = tempDir();
    const first = backendAt(dataDir, FIXTURE_COURSE);
    await call(first, 'quiz.submit', {
      lessonId: LESSON,
      questionId: 'env-per-variable',
      answer: { kind: 'truefalse', value: true },
      language: 'en',
    });
    await call(first, 'quiz.submit', {
      lessonId: LESSON,
      questionId: 'warm-counter',
      answer: { kind: 'predict', text: '{"count":1}' },
      language: 'en',
    });
    await first.close();

    const second = backendAt(dataDir, FIXTURE_COURSE);
    const answers = await call(second, 'quiz.answers', { lessonId: LESSON, language: 'ko' });
    expect(answers.map((a) => [a.questionId, a.feedback.correct])).toEqual([
      ['env-per-variable', false],
      ['warm-counter', false],
    ]);
    expect(answers[0]?.feedback.explanation).toBe('모든 변수를 합쳐서 4 KB예요.');
    // The predict feedback carries the actual run again, so the learner sees what really happened.
    expect(answers[1]?.feedback.run?.expected).toBe('{"count":3}');
  });

  it('refuses an answer of another kind, naming both kinds', async () => {
    const backend = backendAt(tempDir(), FIXTURE_COURSE);
    const error = await failure(backend, 'quiz.submit', {
      lessonId: LESSON,
      questionId: 'million-requests',
      answer: { kind: 'truefalse', value: true },
      language: 'en',
    });
    expect(error).toEqual({
      name: 'InvalidAnswer',
      message: 'Question "million-requests" is a numeric question; the answer given is for a truefalse question.',
    });
  });
});
