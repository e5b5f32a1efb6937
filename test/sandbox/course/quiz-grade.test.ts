/**
 * Grading every quiz kind, including predict-the-output in the real sandbox (cold, then warm).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../sandbox/course/lesson-library.ts';
import { gradeQuizAnswer, gradeSync, numericMatches, QuizAnswerError } from '../../../sandbox/course/quiz-grade.ts';
import { predictionMatches } from '../../../sandbox/course/quiz-predict.ts';
import type { QuizQuestionDef } from '../../../sandbox/course/quiz-schema.ts';
import { toFeedbackView, toQuizView } from '../../../sandbox/course/quiz-view.ts';
import { createLambdaHost } from '../../../sandbox/runtime/lambda-host.ts';

const COURSE = fileURLToPath(new URL('../../fixtures/course', import.meta.url));
const lesson = loadCourse(COURSE).lessons.find((l) => l.id === 'passes');
const question = (id: string): QuizQuestionDef => {
  const q = lesson?.quiz.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const host = createLambdaHost();
afterAll(() => host.dispose());

describe('choice, true/false and numeric grading', () => {
  it('grades single choice', () => {
    expect(gradeSync(question('billing-unit'), { kind: 'single', choiceId: 'ms1' }).correct).toBe(true);
    const wrong = gradeSync(question('billing-unit'), { kind: 'single', choiceId: 'ms100' });
    expect(wrong).toMatchObject({ correct: false, correctAnswer: { kind: 'single', choiceId: 'ms1' } });
  });

  it('grades multiple choice by set equality', () => {
    const q = question('cold-report-fields');
    expect(gradeSync(q, { kind: 'multiple', choiceIds: ['init', 'duration'] }).correct).toBe(true);
    expect(gradeSync(q, { kind: 'multiple', choiceIds: ['init', 'duration', 'init'] }).correct).toBe(true);
    expect(gradeSync(q, { kind: 'multiple', choiceIds: ['init'] }).correct).toBe(false);
    expect(gradeSync(q, { kind: 'multiple', choiceIds: ['init', 'duration', 'cpu'] }).correct).toBe(false);
  });

  it('grades true/false', () => {
    expect(gradeSync(question('env-per-variable'), { kind: 'truefalse', value: false }).correct).toBe(true);
    expect(gradeSync(question('env-per-variable'), { kind: 'truefalse', value: true }).correct).toBe(false);
  });

  it('grades numbers within the tolerance, edges included', () => {
    const q = question('million-requests');
    if (q.kind !== 'numeric') throw new Error('numeric expected');
    expect([0.2, 0.199, 0.201, 0.1 + 0.1].map((v) => numericMatches(q, v))).toEqual([true, true, true, true]);
    expect([0.198, 0.202, 2].map((v) => numericMatches(q, v))).toEqual([false, false, false]);
    expect(toQuizView(q, 'en')).toEqual({
      id: 'million-requests',
      kind: 'numeric',
      prompt: expect.any(String),
      unit: 'USD',
    });
  });

  it('refuses answers of another kind or naming unknown choices', () => {
    expect(() => gradeSync(question('billing-unit'), { kind: 'truefalse', value: true })).toThrow(QuizAnswerError);
    expect(() => gradeSync(question('billing-unit'), { kind: 'single', choiceId: 'zz' })).toThrow(
      /not one of the choices/,
    );
  });
});

describe('predict-the-output', () => {
  it('runs the snippet cold then warm in one environment and grades the third result', async () => {
    const q = question('warm-counter');
    const right = await gradeQuizAnswer(q, { kind: 'predict', text: '{ "count": 3 }' }, { host });
    expect(right.correct).toBe(true);
    expect(right.correctAnswer).toEqual({ kind: 'predict', text: '{"count":3}' });
    expect(right.run?.invocations.map((i) => [i.coldStart, i.messages])).toEqual([
      [true, ['count is 1']],
      [false, ['count is 2']],
      [false, ['count is 3']],
    ]);
    const wrong = await gradeQuizAnswer(q, { kind: 'predict', text: '{"count":1}' }, { host });
    expect(wrong.correct).toBe(false);
  });

  it('grades a predicted log line, ignoring spacing', async () => {
    const q = question('cold-log');
    expect((await gradeQuizAnswer(q, { kind: 'predict', text: '  init  1 Ada \n' }, { host })).correct).toBe(true);
    expect((await gradeQuizAnswer(q, { kind: 'predict', text: 'init 2 Ada' }, { host })).correct).toBe(false);
  });

  it('shows the learner the snippet and events, never the answer', () => {
    const view = toQuizView(question('warm-counter'), 'ko');
    expect(view).toMatchObject({
      kind: 'predict',
      filename: 'index.mjs',
      ask: { invoke: 3, what: 'result' },
      memorySizeMB: 128,
    });
    expect(JSON.stringify(view)).not.toContain('"count": 3');
    expect(Object.keys(view)).not.toContain('answer');
  });

  it('compares results as JSON and strings without quotes', () => {
    expect(predictionMatches('result', '{"a":1,"b":[2]}', '{ "b": [2], "a": 1 }')).toBe(true);
    expect(predictionMatches('result', '"hello"', 'hello')).toBe(true);
    expect(predictionMatches('result', '"hello"', '"hello"')).toBe(true);
    expect(predictionMatches('result', '3', '"3"')).toBe(false);
    expect(predictionMatches('log', 'a\nb', 'a\n\nb')).toBe(false);
  });
});

describe('feedback', () => {
  it('gives the explanation and source in the learner language', () => {
    const q = question('cold-report-fields');
    const grade = gradeSync(q, { kind: 'multiple', choiceIds: ['cpu'] });
    expect(toFeedbackView(q, grade, 'ko')).toEqual({
      questionId: 'cold-report-fields',
      kind: 'multiple',
      correct: false,
      correctAnswer: { kind: 'multiple', choiceIds: ['duration', 'init'] },
      explanation: 'Init Duration은 콜드 스타트에만 나오고, CPU Time 항목은 없어요.',
      source: { title: 'Node.js logging', url: 'https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html' },
      run: null,
    });
    expect(
      toFeedbackView(
        question('billing-unit'),
        gradeSync(question('billing-unit'), { kind: 'single', choiceId: 'ms1' }),
        'en',
      ).source,
    ).toEqual({
      title: null,
      url: 'https://aws.amazon.com/lambda/pricing/',
    });
  });
});
