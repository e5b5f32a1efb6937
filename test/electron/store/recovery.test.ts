/**
 * A damaged database is moved aside (kept) and reported; when a backup exists it is offered, and
 * restoring it brings the learner's progress back.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RestoreError, listBackups, restoreFromBackup } from '../../../electron/store/backups.ts';
import { openProgressStore } from '../../../electron/store/progress-store.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** Overwrites the middle of the file: the header survives, pages do not. */
function damagePages(path: string): void {
  const bytes = readFileSync(path);
  for (let i = 4096; i < bytes.length; i++) bytes[i] = 0x5a;
  writeFileSync(path, bytes);
}

describe('recovery', () => {
  it('moves a damaged file aside, reports it, offers the backup, and restores it', () => {
    const dir = tempDir();
    const path = join(dir, 'coldstart.db');
    const store = openProgressStore(path);
    store.saveDraft('l1', 'precious code', '{}');
    store.recordAnswer({ lessonId: 'l1', questionId: 'q1', answer: { kind: 'truefalse', value: true }, correct: true });
    const { backupPath } = store.resetAll(); // a backup with the learner's rows in it
    store.saveDraft('l1', 'after reset', '{}');
    // Closing checkpoints the WAL: everything is in the main file, which is then damaged.
    store.close();
    damagePages(path);

    const reopened = openProgressStore(path);
    expect(reopened.notices).toHaveLength(1);
    expect(reopened.recovery.movedAside).toMatch(/coldstart\.db\.corrupt-/);
    expect(existsSync(reopened.recovery.movedAside ?? '')).toBe(true);
    expect(reopened.recovery.backups.map((b) => b.path)).toEqual([backupPath]);
    expect(reopened.getDraft('l1')).toBeNull();
    reopened.close();

    const kept = restoreFromBackup(path, backupPath);
    expect(kept).toMatch(/coldstart\.db\.replaced-/);
    const restored = openProgressStore(path);
    expect(restored.notices).toEqual([]);
    expect(restored.getDraft('l1')?.code).toBe('precious code');
    expect(restored.latestAnswers('l1')).toHaveLength(1);
    restored.close();
    // Nothing was deleted along the way: the damaged file and the replaced one are both kept.
    const names = readdirSync(dir);
    expect(names.some((n) => n.startsWith('coldstart.db.corrupt-'))).toBe(true);
    expect(names.some((n) => n.startsWith('coldstart.db.replaced-'))).toBe(true);
  });

  it('refuses to restore a missing or damaged backup, leaving the database as it was', () => {
    const dir = tempDir();
    const path = join(dir, 'coldstart.db');
    const store = openProgressStore(path);
    store.saveDraft('l1', 'current', '{}');
    store.close();
    expect(() => restoreFromBackup(path, join(dir, 'nope'))).toThrow(RestoreError);
    const bad = join(dir, 'coldstart.db.backup-v1-bad');
    writeFileSync(bad, 'not a database at all, just text\n'.repeat(100));
    expect(() => restoreFromBackup(path, bad)).toThrow(/not a healthy database/);
    const again = openProgressStore(path);
    expect(again.getDraft('l1')?.code).toBe('current');
    again.close();
    expect(listBackups(path).map((b) => b.reason)).toEqual(['v1']);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
