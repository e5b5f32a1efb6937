/**
 * Spaced review through the API: a missed question is due at once (FSRS's 1-minute step within
 * the learn-ahead limit), a right one is not; rating follows correctness. Real SQLite, real FSRS.
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { call, failure, REAL_LESSONS, useBackends } from './support/backend.ts';

const tempDir = useTempDirs();
const backendAt = useBackends();
const LESSON = 'first-function';

describe('review methods', () => {
  it('serves a missed question for review at once, and not one answered right', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    const empty = await call(backend, 'review.due', { language: 'en' });
    expect(empty).toEqual({ items: [], due: 0, byLesson: {}, cards: 0, nextDue: null });

    const answer = (questionId: string, choiceId: string) =>
      call(backend, 'quiz.submit', {
        lessonId: LESSON,
        questionId,
        answer: { kind: 'single', choiceId },
        language: 'en',
      });
    await answer('handler-return', 'a'); // wrong
    await answer('env-vars-size', 'b'); // right

    const queue = await call(backend, 'review.due', { language: 'ko' });
    expect(queue.items.map((i) => [i.lessonId, i.question.id, i.state])).toEqual([
      [LESSON, 'handler-return', 'learning'],
    ]);
    expect(queue.items[0]?.lessonTitle).toMatch(/[가-힣]/);
    expect(queue.items[0]?.question).not.toHaveProperty('answer');
    expect(queue).toMatchObject({ due: 1, byLesson: { [LESSON]: 1 }, cards: 2, nextDue: expect.any(String) });
    // The dashboard and the course map count the same way.
    expect((await call(backend, 'progress.dashboard', { language: 'en' })).reviews).toEqual({ due: 1, cards: 2 });
  });

  it('allows only Again after a wrong answer; a right one rated Good leaves the queue', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    const submit = (choiceId: string) =>
      call(backend, 'quiz.submit', {
        lessonId: LESSON,
        questionId: 'handler-return',
        answer: { kind: 'single', choiceId },
        language: 'en',
      });
    const rate = (rating: string) =>
      call(backend, 'review.record', { lessonId: LESSON, questionId: 'handler-return', rating });

    await submit('c');
    const refused = await failure(backend, 'review.record', {
      lessonId: LESSON,
      questionId: 'handler-return',
      rating: 'good',
    });
    expect(refused.name).toBe('RatingNotAllowed');
    // Again: back within a minute, so still in this session's queue.
    const again = await rate('again');
    expect(Date.parse(again.due) - Date.now()).toBeLessThan(2 * 60_000);
    expect((await call(backend, 'review.due', { language: 'en' })).due).toBe(1);

    await submit('b');
    const good = await rate('good');
    expect(Date.parse(good.due) - Date.now()).toBeGreaterThan(5 * 60_000);
    expect((await call(backend, 'review.due', { language: 'en' })).due).toBe(0);
  });

  it('asks for an answer before a rating', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    expect(
      (await failure(backend, 'review.record', { lessonId: LESSON, questionId: 'handler-return', rating: 'again' }))
        .name,
    ).toBe('NotAnswered');
    expect(
      (await failure(backend, 'review.record', { lessonId: LESSON, questionId: 'nope', rating: 'again' })).name,
    ).toBe('QuestionNotFound');
  });
});
