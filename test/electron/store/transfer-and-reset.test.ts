/**
 * Export, import (validated, merged by stable ids, newer write wins) and reset, between real files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgressImportError } from '../../../electron/store/progress-file.ts';
import { openProgressStore, type ProgressStore } from '../../../electron/store/progress-store.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

function storeAt(time: string): { store: ProgressStore; clock: { now: Date } } {
  const clock = { now: new Date(time) };
  return { store: openProgressStore(join(tempDir(), 'coldstart.db'), { now: () => clock.now }), clock };
}

/** A learner's store with one of every kind of row. */
function filled(store: ProgressStore): void {
  store.updateSettings({ language: 'ko' });
  store.saveDraft('l1', 'draft code', '{"name":"Ada"}');
  store.setLessonStatus('l1', 'started');
  store.recordExerciseAttempt('l1', 'code', [{ taskId: 't1', passed: true, message: null }]);
  store.revealHints('l1', 't2', 1);
  store.recordAnswer({ lessonId: 'l1', questionId: 'q1', answer: { kind: 'numeric', value: 0.2 }, correct: true });
}

describe('export and import', () => {
  it('round-trips everything into an empty store, then changes nothing when imported again', () => {
    const { store: a } = storeAt('2026-03-01T10:00:00.000Z');
    filled(a);
    const file = a.exportProgress();
    expect(file).toMatchObject({ format: 'coldstart-progress', version: 1 });
    const text = JSON.stringify(file);

    const { store: b } = storeAt('2026-03-02T10:00:00.000Z');
    const first = b.importProgress(text);
    expect(first.summary.quizAttempts).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(first.summary.reviewCards.added).toBe(1);
    expect(first.summary.drafts.added).toBe(1);
    expect(first.backupPath).toContain('.backup-import-');
    const { exportedAt: _a, ...fromA } = file;
    const { exportedAt: _b, ...fromB } = b.exportProgress();
    expect(fromB).toEqual(fromA);
    expect(b.getSettings().language).toBe('ko');

    const second = b.importProgress(text);
    for (const section of Object.values(second.summary)) expect(section.added + section.updated).toBe(0);
    a.close();
    b.close();
  });

  it('merges two machines by stable ids: attempts add up, the newer draft and status win', () => {
    const { store: home, clock: homeClock } = storeAt('2026-03-01T10:00:00.000Z');
    const { store: work, clock: workClock } = storeAt('2026-03-01T09:00:00.000Z');
    filled(home);
    work.recordAnswer({ lessonId: 'l1', questionId: 'q2', answer: { kind: 'truefalse', value: true }, correct: false });
    work.saveDraft('l1', 'older draft', '{}');
    workClock.now = new Date('2026-03-01T12:00:00.000Z');
    work.setLessonStatus('l1', 'completed');
    homeClock.now = new Date('2026-03-01T13:00:00.000Z');
    home.saveDraft('l1', 'newest draft', '{}');

    const { summary } = home.importProgress(JSON.stringify(work.exportProgress()));
    expect(summary.quizAttempts).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(summary.drafts).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(summary.lessons).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(home.getDraft('l1')?.code).toBe('newest draft');
    expect(home.getLessonProgress('l1')?.status).toBe('completed');
    expect(
      home
        .latestAnswers('l1')
        .map((a) => a.questionId)
        .sort(),
    ).toEqual(['q1', 'q2']);
    home.close();
    work.close();
  });

  it('refuses files that are not exports, are from a newer version, or have bad fields, changing nothing', () => {
    const { store } = storeAt('2026-03-01T10:00:00.000Z');
    filled(store);
    const before = JSON.stringify(store.exportProgress().quizAttempts);
    const good = store.exportProgress();
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      [JSON.stringify({ hello: 1 }), /not a Coldstart progress export/],
      [JSON.stringify({ ...good, version: 99 }), /newer version of Coldstart .*format version 99/],
      [
        JSON.stringify({ ...good, quizAttempts: [{ ...good.quizAttempts[0], answer: { kind: 'single' } }] }),
        /quizAttempts\.0\.answer/,
      ],
    ];
    for (const [text, message] of cases) {
      expect(() => store.importProgress(text)).toThrow(ProgressImportError);
      expect(() => store.importProgress(text)).toThrow(message);
    }
    expect(JSON.stringify(store.exportProgress().quizAttempts)).toBe(before);
    expect(store.backups().filter((b) => b.reason === 'import')).toEqual([]);
    store.close();
  });
});

describe('reset', () => {
  it('resets one lesson, leaving the others', () => {
    const { store } = storeAt('2026-03-01T10:00:00.000Z');
    filled(store);
    store.recordAnswer({ lessonId: 'l2', questionId: 'q1', answer: { kind: 'single', choiceId: 'a' }, correct: true });
    const removed = store.resetLesson('l1');
    expect(removed).toMatchObject({
      drafts: 1,
      lesson_progress: 1,
      exercise_attempts: 1,
      hints_revealed: 1,
      quiz_attempts: 1,
      review_cards: 1,
    });
    expect(store.getDraft('l1')).toBeNull();
    expect(store.latestAnswers('l1')).toEqual([]);
    expect(store.getCard('l1', 'q1')).toBeNull();
    expect(store.latestAnswers('l2')).toHaveLength(1);
    store.close();
  });

  it('resets everything but the settings, after taking a backup that still has it all', () => {
    const { store } = storeAt('2026-03-01T10:00:00.000Z');
    filled(store);
    const { backupPath, removed } = store.resetAll();
    expect(removed.activity_days).toBe(1);
    expect(store.exportProgress()).toMatchObject({
      lessons: [],
      drafts: [],
      quizAttempts: [],
      reviewCards: [],
      activityDays: [],
    });
    expect(store.getSettings().language).toBe('ko');
    expect(readFileSync(backupPath).length).toBeGreaterThan(0);
    expect(store.backups().map((b) => b.path)).toContain(backupPath);
    store.close();
  });
});

describe('export file on disk', () => {
  it('is plain JSON a learner can carry to another machine', () => {
    const { store } = storeAt('2026-03-01T10:00:00.000Z');
    filled(store);
    const path = join(tempDir(), 'progress.json');
    writeFileSync(path, JSON.stringify(store.exportProgress(), null, 2));
    const { store: other } = storeAt('2026-03-05T10:00:00.000Z');
    expect(other.importProgress(readFileSync(path, 'utf8')).summary.exerciseAttempts.added).toBe(1);
    store.close();
    other.close();
  });
});
