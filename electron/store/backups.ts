/**
 * Backup copies beside the progress database: taken before every migration, before an import and
 * before resetting everything, and offered for restoring when the database is damaged.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileStamp } from './open-database.ts';

/** One backup file. */
export interface BackupInfo {
  path: string;
  /** Why it was taken, from its name: `v1` (before migrating from schema 1), `import`, `reset`. */
  reason: string;
  /** ISO time the file was written. */
  createdAt: string;
}

/** Writes a consistent copy of the open database (VACUUM INTO works with a WAL); returns its path. */
export function takeBackup(db: Database.Database, dbPath: string, reason: string): string {
  const target = `${dbPath}.backup-${reason}-${fileStamp()}`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Backups of the database at `dbPath`, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = dirname(dbPath);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(dbPath)}.backup-`;
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && !/-(wal|shm|journal)$/.test(name))
    .map((name) => {
      const path = join(dir, name);
      return {
        path,
        reason: name.slice(prefix.length).split('-')[0] ?? '',
        createdAt: statSync(path).mtime.toISOString(),
      };
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.path.localeCompare(a.path)));
}

/** The backup cannot be restored; nothing was changed. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/**
 * Puts `backupPath` in place of the database at `dbPath`. Close the store first; open it again
 * afterwards (an older backup is migrated then, with a backup of its own). The file it replaces,
 * if any, is kept as `<db>.replaced-<time>`.
 * @returns where the replaced file was kept, or null when there was none.
 * @throws RestoreError when the backup is missing or not a healthy database.
 */
export function restoreFromBackup(dbPath: string, backupPath: string): string | null {
  if (!existsSync(backupPath)) throw new RestoreError(`There is no backup at ${backupPath}.`);
  try {
    const check = new Database(backupPath, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma('integrity_check', { simple: true }) as string;
      if (result !== 'ok') throw new Error(result);
    } finally {
      check.close();
    }
  } catch (error) {
    throw new RestoreError(
      `The backup at ${backupPath} is not a healthy database (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  let keptAs: string | null = null;
  if (existsSync(dbPath)) {
    keptAs = `${dbPath}.replaced-${fileStamp()}`;
    renameSync(dbPath, keptAs);
  }
  // The WAL and shared memory belong to the replaced file; left here they would be replayed into the backup.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbPath + suffix))
      renameSync(dbPath + suffix, (keptAs ?? `${dbPath}.replaced-${fileStamp()}`) + suffix);
  }
  copyFileSync(backupPath, dbPath);
  return keptAs;
}
