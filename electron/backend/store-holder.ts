/**
 * The progress store the backend works on, swappable: restoring a backup closes the file, puts
 * the backup in its place and opens it again, so every handler asks for `current()` per call
 * instead of keeping the store. Also remembers whether the learner has answered the recovery
 * question (restore or keep the fresh file) after a damaged file was moved aside.
 */
import { listBackups, restoreFromBackup, RestoreError, type BackupInfo } from '../store/backups.ts';
import { openProgressStore, type ProgressStore } from '../store/progress-store.ts';
import { ApiFailure } from '../api/result.ts';
import type { RecoveryState } from '../api/types.ts';

export interface StoreHolder {
  current(): ProgressStore;
  /** The recovery question, until the learner answers it (restore or keep fresh). */
  recovery(): RecoveryState | null;
  /** The learner keeps the fresh file: the question is not asked again this run. */
  keepFresh(): void;
  /**
   * Puts `backupPath` in place of the progress file and reopens it.
   * @throws ApiFailure `BackupNotFound` for a path that is not one of the file's backups,
   *   `RestoreFailed` when the backup is not a healthy database (the current file is kept then).
   */
  restore(backupPath: string): { restored: BackupInfo; replacedKeptAs: string | null };
  close(): void;
}

export function createStoreHolder(path: string): StoreHolder {
  let store = openProgressStore(path);
  for (const notice of store.notices) console.warn(`[coldstart] ${notice}`);
  let recovery: RecoveryState | null = store.recovery.movedAside
    ? { movedAside: store.recovery.movedAside, backups: store.recovery.backups }
    : null;

  return {
    current: () => store,
    recovery: () => (recovery ? { ...recovery, backups: listBackups(path) } : null),
    keepFresh: () => {
      recovery = null;
    },
    restore(backupPath) {
      // Only the file's own backups: the renderer never names an arbitrary file to copy in.
      const backup = listBackups(path).find((b) => b.path === backupPath);
      if (!backup) {
        throw new ApiFailure('BackupNotFound', `There is no backup of the progress file at ${backupPath}.`);
      }
      store.close();
      try {
        const replacedKeptAs = restoreFromBackup(path, backup.path);
        recovery = null;
        return { restored: backup, replacedKeptAs };
      } catch (error) {
        if (error instanceof RestoreError) throw new ApiFailure('RestoreFailed', error.message);
        throw error;
      } finally {
        // Reopened whatever happened: after a refused backup the learner keeps working on the current file.
        store = openProgressStore(path);
      }
    },
    close: () => store.close(),
  };
}
