import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../electron/store/migrations.ts';
import { DatabaseTooNewError } from '../../../electron/store/open-database.ts';
import { openProgressStore } from '../../../electron/store/progress-store.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

const userVersion = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('progress store', () => {
  it('creates a fresh file in a missing folder, migrated to the latest schema, in WAL mode', () => {
    const path = join(tempDir(), 'nested', 'coldstart.db');
    const store = openProgressStore(path);
    expect(store.notices).toEqual([]);
    expect(store.getSettings()).toEqual({ language: null, theme: 'system' });
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['drafts', 'quiz_attempts', 'settings']));
    db.close();
  });

  it('keeps drafts, quiz answers and settings across a reopen', () => {
    const path = join(tempDir(), 'coldstart.db');
    const first = openProgressStore(path);
    first.saveDraft('first-function', 'export const handler = async () => 1;', '{"a":1}');
    first.saveDraft('first-function', 'export const handler = async () => 2;', '{"a":2}');
    first.recordQuizAttempt({
      lessonId: 'first-function',
      questionId: 'q1',
      choiceId: 'a',
      correct: false,
      answeredAt: '2026-01-01T00:00:00.000Z',
    });
    first.recordQuizAttempt({
      lessonId: 'first-function',
      questionId: 'q2',
      choiceId: 'c',
      correct: true,
      answeredAt: '2026-01-01T00:01:00.000Z',
    });
    first.recordQuizAttempt({
      lessonId: 'first-function',
      questionId: 'q1',
      choiceId: 'b',
      correct: true,
      answeredAt: '2026-01-01T00:02:00.000Z',
    });
    first.updateSettings({ language: 'ko' });
    first.updateSettings({ theme: 'dark' });
    first.close();

    const again = openProgressStore(path);
    expect(again.getDraft('first-function')).toMatchObject({
      code: 'export const handler = async () => 2;',
      eventJson: '{"a":2}',
    });
    expect(again.getDraft('other-lesson')).toBeNull();
    // Latest answer per question, in the order the questions were first answered.
    expect(again.latestQuizAttempts('first-function').map((a) => [a.questionId, a.choiceId, a.correct])).toEqual([
      ['q1', 'b', true],
      ['q2', 'c', true],
    ]);
    expect(again.latestQuizAttempts('other-lesson')).toEqual([]);
    expect(again.getSettings()).toEqual({ language: 'ko', theme: 'dark' });
    expect(again.updateSettings({ language: null })).toEqual({ language: null, theme: 'dark' });
    again.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const path = join(tempDir(), 'coldstart.db');
    const db = new Database(path);
    db.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('keep me')");
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = readFileSync(path);

    expect(() => openProgressStore(path)).toThrow(DatabaseTooNewError);
    expect(() => openProgressStore(path)).toThrow(/written by a newer version of Coldstart .*left untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(userVersion(path)).toBe(LATEST_SCHEMA_VERSION + 5);
  });

  it('moves a file that is not a database aside, keeps it, and starts fresh with a notice', () => {
    const dir = tempDir();
    const path = join(dir, 'coldstart.db');
    const garbage = 'this is not a database, just text that happens to be here\n'.repeat(200);
    writeFileSync(path, garbage);

    const store = openProgressStore(path);
    const corrupt = readdirSync(dir).filter((name) => name.startsWith('coldstart.db.corrupt-'));
    expect(corrupt).toHaveLength(1);
    expect(readFileSync(join(dir, corrupt[0] ?? ''), 'utf8')).toBe(garbage);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toContain(corrupt[0]);
    expect(store.notices[0]).toMatch(/could not be read .* fresh, empty database was started/);
    // The fresh database works.
    store.saveDraft('first-function', 'code', '{}');
    expect(store.getDraft('first-function')?.code).toBe('code');
    store.close();
  });

  it('copies an existing file before migrating it to a newer schema', () => {
    const dir = tempDir();
    const path = join(dir, 'coldstart.db');
    const v1 = openProgressStore(path);
    v1.saveDraft('first-function', 'old code', '{}');
    v1.close();

    const v2: Migration = {
      version: MIGRATIONS.length + 1,
      description: 'test',
      sql: 'CREATE TABLE reviews (id INTEGER PRIMARY KEY) STRICT;',
    };
    const upgraded = openProgressStore(path, { migrations: [...MIGRATIONS, v2] });
    expect(upgraded.getDraft('first-function')?.code).toBe('old code');
    upgraded.close();

    expect(userVersion(path)).toBe(MIGRATIONS.length + 1);
    const backups = readdirSync(dir).filter((name) => name.startsWith(`coldstart.db.backup-v${MIGRATIONS.length}-`));
    expect(backups).toHaveLength(1);
    const backup = join(dir, backups[0] ?? '');
    expect(userVersion(backup)).toBe(MIGRATIONS.length);
    const copy = new Database(backup, { readonly: true });
    expect(copy.prepare('SELECT code FROM drafts').get()).toEqual({ code: 'old code' });
    copy.close();
  });

  it('rolls a failing migration back, leaving the previous version intact', () => {
    const dir = tempDir();
    const path = join(dir, 'coldstart.db');
    openProgressStore(path).close();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      description: 'broken',
      sql: 'CREATE TABLE half (x); SELECT * FROM no_such_table;',
    };
    expect(() => openProgressStore(path, { migrations: [...MIGRATIONS, broken] })).toThrow(/no_such_table/);
    expect(userVersion(path)).toBe(MIGRATIONS.length);
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
    expect(existsSync(path)).toBe(true);
  });
});
