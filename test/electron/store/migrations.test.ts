/**
 * Migrating from every earlier schema version: a database built by the first N migrations, with
 * the rows a learner of that version would have, opens at the latest version with nothing lost.
 */
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/store/migrations.ts';
import { openDatabase } from '../../../electron/store/open-database.ts';
import { openProgressStore } from '../../../electron/store/progress-store.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** Rows a learner of each version had, written with that version's own SQL. */
const SEEDS: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"ko\"')").run();
    db.prepare("INSERT INTO drafts VALUES ('first-function', 'old code', '{}', '2026-01-01T00:00:00.000Z')").run();
    const insert = db.prepare(
      'INSERT INTO quiz_attempts (lesson_id, question_id, choice_id, correct, answered_at) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run('first-function', 'q1', 'a', 0, '2026-01-01T00:00:00.000Z');
    insert.run('first-function', 'q1', 'b', 1, '2026-01-02T00:00:00.000Z');
    insert.run('first-function', 'q2', 'c', 1, '2026-01-01T00:01:00.000Z');
  },
};

/** A database file at `version`, built by the first `version` migrations and seeded like a learner's. */
function databaseAt(version: number): string {
  const path = join(tempDir(), 'coldstart.db');
  if (version === 0) return path; // a learner who never started the app: no file yet
  const { db } = openDatabase(path, { migrations: MIGRATIONS.slice(0, version) });
  for (let v = 1; v <= version; v++) SEEDS[v]?.(db);
  db.close();
  return path;
}

describe('migrations', () => {
  it('are numbered 1..N without gaps, each with a description', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.description.length).toBeGreaterThan(0);
  });

  it('have a seed for every version, so this test grows with the schema', () => {
    // When a migration is added, give the previous version a seed here (its rows must survive).
    for (let v = 1; v < LATEST_SCHEMA_VERSION; v++) expect(SEEDS[v], `seed for version ${v}`).toBeDefined();
  });

  for (let from = 0; from < LATEST_SCHEMA_VERSION; from++) {
    it(`bring a version ${from} database to version ${LATEST_SCHEMA_VERSION}, keeping its rows`, () => {
      const path = databaseAt(from);
      const store = openProgressStore(path);
      const raw = new Database(path, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.pragma('foreign_key_check')).toEqual([]);
      raw.close();
      if (from >= 1) {
        expect(store.getSettings().language).toBe('ko');
        expect(store.getDraft('first-function')?.code).toBe('old code');
        const latest = store.latestAnswers('first-function');
        expect(latest.map((a) => [a.questionId, a.answer, a.correct])).toEqual([
          ['q1', { kind: 'single', choiceId: 'b' }, true],
          ['q2', { kind: 'single', choiceId: 'c' }, true],
        ]);
        // Every migrated attempt got its own stable id.
        expect(new Set(store.answerHistory('first-function', 'q1').map((a) => a.id)).size).toBe(2);
        const dir = join(path, '..');
        expect(readdirSync(dir).filter((n) => n.startsWith(`coldstart.db.backup-v${from}-`))).toHaveLength(1);
      }
      // The migrated store takes every kind of new row.
      store.recordAnswer({
        lessonId: 'first-function',
        questionId: 'q3',
        answer: { kind: 'numeric', value: 2.73 },
        correct: true,
      });
      store.setLessonStatus('first-function', 'completed');
      expect(store.getLessonProgress('first-function')?.status).toBe('completed');
      store.close();
    });
  }
});
