/**
 * The last draft save started for each lesson. A lesson page opened right after leaving it waits
 * for this before `drafts.get`, so it never reads the draft from before the final save.
 * Plain (non-reactive) on purpose: nothing renders from it.
 */
const lastSaves = new Map<string, Promise<void>>();

export function recordSave(lessonId: string, save: Promise<void>): void {
  lastSaves.set(lessonId, save);
}

/** Resolves once every save started for `lessonId` has finished. */
export function savesSettled(lessonId: string): Promise<void> {
  return lastSaves.get(lessonId) ?? Promise.resolve();
}
