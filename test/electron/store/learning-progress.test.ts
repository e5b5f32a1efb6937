/**
 * The learning loop's rows: answers of every kind, review cards (ts-fsrs), lesson status, exercise
 * attempts, hints and the streak. A fixed clock makes due dates and days exact.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProgressStore, type ProgressStore } from '../../../electron/store/progress-store.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** A store whose clock the test moves by hand. */
function storeWithClock(start: string): { store: ProgressStore; clock: { now: Date }; path: string } {
  const clock = { now: new Date(start) };
  const path = join(tempDir(), 'coldstart.db');
  return { store: openProgressStore(path, { now: () => clock.now }), clock, path };
}

const DAY = 86_400_000;

describe('quiz answers and review cards', () => {
  it('stores every kind of answer and keeps the latest per question', () => {
    const { store } = storeWithClock('2026-03-01T10:00:00.000Z');
    const lessonId = 'first-function';
    store.recordAnswer({ lessonId, questionId: 'single', answer: { kind: 'single', choiceId: 'a' }, correct: false });
    store.recordAnswer({
      lessonId,
      questionId: 'multi',
      answer: { kind: 'multiple', choiceIds: ['a', 'c'] },
      correct: true,
    });
    store.recordAnswer({ lessonId, questionId: 'tf', answer: { kind: 'truefalse', value: false }, correct: true });
    store.recordAnswer({ lessonId, questionId: 'cost', answer: { kind: 'numeric', value: 2.73 }, correct: true });
    store.recordAnswer({
      lessonId,
      questionId: 'predict',
      answer: { kind: 'predict', text: '{"count":3}' },
      correct: true,
    });
    store.recordAnswer({ lessonId, questionId: 'single', answer: { kind: 'single', choiceId: 'b' }, correct: true });
    const latest = store.latestAnswers(lessonId);
    expect(latest.map((a) => a.questionId)).toEqual(['single', 'multi', 'tf', 'cost', 'predict']);
    expect(latest[0]?.answer).toEqual({ kind: 'single', choiceId: 'b' });
    expect(store.answerHistory(lessonId, 'single').map((a) => a.correct)).toEqual([false, true]);
    expect(store.quizAccuracy()).toEqual([{ lessonId, answered: 5, correct: 5 }]);
    store.close();
  });

  it('turns missed and learned questions into cards; a missed one is due sooner', () => {
    const { store, clock } = storeWithClock('2026-03-01T10:00:00.000Z');
    store.recordAnswer({
      lessonId: 'l1',
      questionId: 'missed',
      answer: { kind: 'truefalse', value: true },
      correct: false,
    });
    store.recordAnswer({
      lessonId: 'l1',
      questionId: 'learned',
      answer: { kind: 'truefalse', value: true },
      correct: true,
    });
    const missed = store.getCard('l1', 'missed');
    const learned = store.getCard('l1', 'learned');
    expect(missed?.state).toBe('learning');
    expect(Date.parse(missed?.due ?? '')).toBeLessThan(Date.parse(learned?.due ?? ''));
    // Answering again in the lesson does not reschedule: reviews do.
    store.recordAnswer({
      lessonId: 'l1',
      questionId: 'missed',
      answer: { kind: 'truefalse', value: false },
      correct: true,
    });
    expect(store.getCard('l1', 'missed')).toEqual(missed);

    expect(store.reviewDue(clock.now)).toEqual([]);
    clock.now = new Date(clock.now.getTime() + 2 * DAY);
    const due = store.reviewDue(clock.now);
    expect(due.map((c) => c.questionId)).toEqual(['missed', 'learned']);
    expect(store.reviewCounts(clock.now)).toEqual({ due: 2, cards: 2, byLesson: { l1: 2 } });

    const reviewed = store.recordReview('l1', 'missed', 'good');
    expect(reviewed.reps).toBe((missed?.reps ?? 0) + 1);
    expect(Date.parse(reviewed.due)).toBeGreaterThan(clock.now.getTime());
    expect(store.reviewDue(clock.now).map((c) => c.questionId)).toEqual(['learned']);
    const forgotten = store.recordReview('l1', 'learned', 'again');
    expect(forgotten.reps).toBe((learned?.reps ?? 0) + 1);
    expect(Date.parse(forgotten.due)).toBeLessThan(Date.parse(reviewed.due));
    store.close();
  });

  it('makes a card on the first review of a question never answered', () => {
    const { store } = storeWithClock('2026-03-01T10:00:00.000Z');
    expect(store.getCard('l1', 'q')).toBeNull();
    expect(store.recordReview('l1', 'q', 'easy').state).toBe('review');
    store.close();
  });
});

describe('lesson work', () => {
  it('tracks status, solution reveals, exercise attempts and hints', () => {
    const { store, clock, path } = storeWithClock('2026-03-01T10:00:00.000Z');
    expect(store.getLessonProgress('l1')).toBeNull();
    expect(store.setLessonStatus('l1', 'started')).toMatchObject({ status: 'started', completedAt: null });

    const first = store.recordExerciseAttempt('l1', 'code v1', [
      { taskId: 'a', passed: true, message: null },
      { taskId: 'b', passed: false, message: 'Expected: x\nGot: y' },
    ]);
    expect(first.passed).toBe(false);
    clock.now = new Date(clock.now.getTime() + 60_000);
    const second = store.recordExerciseAttempt('l1', 'code v2', [
      { taskId: 'a', passed: true, message: null },
      { taskId: 'b', passed: true, message: null },
    ]);
    expect(second.passed).toBe(true);
    expect(store.lastExerciseAttempt('l1')).toEqual(second);
    expect(store.passedTasks('l1')).toEqual({ l1: ['a', 'b'] });

    const completed = store.setLessonStatus('l1', 'completed');
    expect(completed.completedAt).toBe(clock.now.toISOString());
    clock.now = new Date(clock.now.getTime() + 60_000);
    // Completing again keeps the first completion time.
    expect(store.setLessonStatus('l1', 'completed').completedAt).toBe(completed.completedAt);
    expect(store.revealSolution('l2').solutionRevealedAt).toBe(clock.now.toISOString());

    expect(store.revealHints('l1', 'b', 1)).toBe(1);
    expect(store.revealHints('l1', 'b', 2)).toBe(2);
    // A late or repeated request never hides a hint again.
    expect(store.revealHints('l1', 'b', 1)).toBe(2);
    expect(store.hintsRevealed('l1')).toEqual({ b: 2 });
    store.close();

    const again = openProgressStore(path);
    expect(again.lastExerciseAttempt('l1')?.code).toBe('code v2');
    expect(again.hintsRevealed('l1')).toEqual({ b: 2 });
    expect(again.allLessonProgress().map((p) => [p.lessonId, p.status])).toEqual([
      ['l1', 'completed'],
      ['l2', 'started'],
    ]);
    again.close();
  });
});

describe('streak', () => {
  it('counts consecutive local days with activity, not broken before today ends', () => {
    // Noon local time, so no time zone moves these instants to another calendar day.
    const day = (d: number) => new Date(2026, 2, d, 12, 0, 0);
    const { store, clock } = storeWithClock(day(1).toISOString());
    expect(store.streak()).toEqual({ current: 0, longest: 0, activeDays: 0, lastActiveDay: null, activeToday: false });
    for (const d of [1, 2, 3, 5, 6]) {
      clock.now = day(d);
      store.revealHints('l1', 't', d);
    }
    clock.now = day(6);
    expect(store.streak()).toEqual({
      current: 2,
      longest: 3,
      activeDays: 5,
      lastActiveDay: '2026-03-06',
      activeToday: true,
    });
    clock.now = day(7);
    expect(store.streak()).toMatchObject({ current: 2, activeToday: false });
    clock.now = day(8);
    expect(store.streak()).toMatchObject({ current: 0, longest: 3 });
    expect(store.dashboard().streak.current).toBe(0);
    store.close();
  });

  it('does not count saving a draft as activity', () => {
    const { store } = storeWithClock('2026-03-01T10:00:00.000Z');
    store.saveDraft('l1', 'code', '{}');
    expect(store.streak().activeDays).toBe(0);
    store.close();
  });
});
