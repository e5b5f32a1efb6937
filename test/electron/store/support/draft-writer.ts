/**
 * Child process for the crash test: opens the store at argv[2] and saves drafts in a tight loop
 * until it is killed. Each draft's code carries its sequence number and the wall time it was made.
 */
import { openProgressStore } from '../../../../electron/store/progress-store.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: draft-writer.ts <db path>');
const store = openProgressStore(path);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  // A largish draft, so a kill often lands in the middle of writing pages.
  store.saveDraft('crash-lesson', `// draft ${i} at ${Date.now()}\n${'x'.repeat(8_000)}`, `{"i":${i}}`);
}
