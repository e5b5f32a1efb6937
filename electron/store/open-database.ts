/**
 * Opens (or creates) the progress database safely: a file from a newer Coldstart is refused and
 * left untouched, a damaged file is moved aside (kept, never deleted) and a fresh one started,
 * and an existing file is copied before its schema is migrated.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations.ts';

/** Thrown when the file was written by a newer Coldstart: opening it here could lose data. */
export class DatabaseTooNewError extends Error {
  readonly path: string;
  readonly fileVersion: number;
  constructor(path: string, fileVersion: number, knownVersion: number) {
    super(
      `The progress database at ${path} was written by a newer version of Coldstart ` +
        `(schema ${fileVersion}; this version knows up to ${knownVersion}). ` +
        `It was left untouched. Update Coldstart, or set COLDSTART_DATA_DIR to use another folder.`,
    );
    this.name = 'DatabaseTooNewError';
    this.path = path;
    this.fileVersion = fileVersion;
  }
}

/** An open, migrated database plus anything the learner should be told about how it was opened. */
export interface OpenedDatabase {
  db: Database.Database;
  /** Plain sentences, e.g. that a damaged file was moved aside; empty when all was normal. */
  notices: string[];
  /** Path of the copy taken before migrating, when one was taken. */
  backupPath?: string;
  /** Where a damaged file was moved (kept), when it was. */
  movedAside?: string;
}

/** SQLite's codes for "this file is not a (healthy) database", including extended SQLITE_CORRUPT_* codes. */
const CORRUPT_CODE = /^SQLITE_(NOTADB|CORRUPT)/;

const isCorruptionError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && CORRUPT_CODE.test(String((error as { code?: unknown }).code));

/** A timestamp that is safe in file names on every platform (no colons). */
export const fileStamp = (): string => new Date().toISOString().replace(/[:.]/g, '-');

/** Opens the file, sets connection pragmas, and reads the schema version (which touches the file). */
function connect(path: string): { db: Database.Database; version: number } {
  const db = new Database(path);
  try {
    // Reading user_version forces SQLite to read the header: a non-database fails here.
    const version = db.pragma('user_version', { simple: true }) as number;
    // quick_check catches damaged pages that the header read does not.
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') {
      throw Object.assign(new Error(`quick_check: ${check}`), { code: 'SQLITE_CORRUPT' });
    }
    return { db, version };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Moves a damaged database (and its WAL/SHM companions, which belong to it) aside. */
function moveAside(path: string): string {
  const target = `${path}.corrupt-${fileStamp()}`;
  renameSync(path, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

/** Runs the pending migrations, each in its own transaction together with its version bump. */
function migrate(db: Database.Database, from: number, migrations: readonly Migration[]): void {
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // PRAGMA takes no bound parameters; the version is a number from our own table.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** The schema steps to apply; default: the app's {@link MIGRATIONS} (tests pass their own). */
  migrations?: readonly Migration[];
}

/**
 * Opens the database at `path`, creating its folder and file when missing.
 * @throws DatabaseTooNewError when the file's schema is newer than this build knows.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  mkdirSync(dirname(path), { recursive: true });
  const notices: string[] = [];
  const existed = existsSync(path) && statSync(path).size > 0;

  let connection: { db: Database.Database; version: number };
  let movedAside: string | undefined;
  try {
    connection = connect(path);
  } catch (error) {
    if (!isCorruptionError(error)) throw error;
    const movedTo = moveAside(path);
    movedAside = movedTo;
    const reason = error instanceof Error ? error.message : String(error);
    notices.push(
      `The progress database at ${path} could not be read (${reason}). ` +
        `It was kept as ${movedTo} and a fresh, empty database was started.`,
    );
    connection = connect(path);
  }
  const { db, version } = connection;

  if (version > latest) {
    db.close();
    throw new DatabaseTooNewError(path, version, latest);
  }

  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL keeps every commit atomic and survives the process being killed at any
  // moment (only a power cut may lose the last commits), at a fraction of FULL's fsync cost.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');

  let backupPath: string | undefined;
  if (existed && version > 0 && version < latest) {
    // VACUUM INTO writes a consistent copy even with a WAL, before any migration touches the file.
    backupPath = `${path}.backup-v${version}-${fileStamp()}`;
    db.prepare('VACUUM INTO ?').run(backupPath);
  }
  migrate(db, version, migrations);

  return {
    db,
    notices,
    ...(backupPath === undefined ? {} : { backupPath }),
    ...(movedAside === undefined ? {} : { movedAside }),
  };
}
