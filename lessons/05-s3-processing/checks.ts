/**
 * Checks of lesson 05's exercise (see exercise.yaml for the tasks). Each one plays a scenario from
 * scenarios/ in a simulated account (photos-uploads with an S3 trigger on the thumbnail function,
 * photos-thumbnails, the photo-metadata table, an execution role) with the learner's handler as the
 * thumbnail function, then reads what the account holds afterwards.
 */
import type { CheckHarness, ExerciseChecks, ScenarioRun } from '../../sandbox/course/check-harness.ts';

const UPLOADS = 'photos-uploads';
const THUMBNAILS = 'photos-thumbnails';
const TABLE = 'photo-metadata';

const keysIn = (run: ScenarioRun, bucket: string): string[] => run.objects(bucket).map((o) => o.key);

/** A bucket's keys for a message: all of a few, or the first ones and how many there are. */
function listed(keys: string[]): string {
  return keys.length <= 4
    ? JSON.stringify(keys)
    : `${JSON.stringify(keys.slice(0, 3)).slice(0, -1)}, ...] (${keys.length})`;
}

/** What the two buckets hold and how the function fared, for a failed check's "Got". */
function buckets(run: ScenarioRun): { en: string; ko: string } {
  const uploads = listed(keysIn(run, UPLOADS));
  const thumbnails = listed(keysIn(run, THUMBNAILS));
  const fared = run.describe();
  return {
    en: `${UPLOADS} holds ${uploads} and ${THUMBNAILS} holds ${thumbnails}; ${fared.en}`,
    ko: `${UPLOADS}에는 ${uploads}, ${THUMBNAILS}에는 ${thumbnails}가 있어요. ${fared.ko}`,
  };
}

/** Fails unless no invocation of the function failed (the last error is in `describe`). */
function noFailures(h: CheckHarness, run: ScenarioRun): void {
  h.check(
    run.invocations().every((i) => i.ok),
    { en: 'every invocation to succeed', ko: '모든 호출이 성공하는 것' },
    () => run.describe(),
  );
}

export const checks: ExerciseChecks = {
  'thumbnail-elsewhere': async (h) => {
    const run = await h.scenario('scenarios/recursive-loop.yaml', { function: 'thumbnail' });
    h.check(
      run.refused().length === 0 && run.invocations().length === 1,
      { en: 'one run for one upload (no recursive loop)', ko: '업로드 한 번에 실행 한 번(재귀 루프 없음)' },
      () => buckets(run),
    );
    h.check(
      keysIn(run, UPLOADS).length === 1 && keysIn(run, THUMBNAILS).includes('thumbnails/cat.jpg'),
      {
        en: `thumbnails/cat.jpg in ${THUMBNAILS}, and nothing new in ${UPLOADS}`,
        ko: `${THUMBNAILS}에 thumbnails/cat.jpg가 있고 ${UPLOADS}에는 새 객체가 없는 것`,
      },
      () => buckets(run),
    );
  },

  'decode-key': async (h) => {
    const run = await h.scenario('scenarios/special-keys.yaml', { function: 'thumbnail' });
    noFailures(h, run);
    const want = ['thumbnails/my cat.jpg', 'thumbnails/여름 휴가 (1).png'];
    h.check(
      want.every((key) => keysIn(run, THUMBNAILS).includes(key)),
      { en: `${want.join(' and ')} in ${THUMBNAILS}`, ko: `${THUMBNAILS}에 ${want.join('와 ')}가 있는 것` },
      () => buckets(run),
    );
  },

  'record-metadata': async (h) => {
    const run = await h.scenario('scenarios/metadata.yaml', { function: 'thumbnail' });
    noFailures(h, run);
    const items = run.items(TABLE);
    for (const upload of run.objects(UPLOADS)) {
      const want = {
        objectKey: upload.key,
        size: upload.size,
        contentType: upload.contentType,
        thumbnail: `thumbnails/${upload.key.slice('uploads/'.length)}`,
      };
      const item = items.find((i) => i.objectKey === upload.key);
      const got = item && Object.fromEntries(Object.keys(want).map((k) => [k, item[k]]));
      h.check(
        got !== undefined && JSON.stringify(got) === JSON.stringify(want),
        { en: `an item ${JSON.stringify(want)} in ${TABLE}`, ko: `${TABLE}에 ${JSON.stringify(want)} 항목이 있는 것` },
        {
          en: `${TABLE} holds ${JSON.stringify(items)}`,
          ko: `${TABLE}에는 ${JSON.stringify(items)}가 있어요`,
        },
      );
    }
  },

  'skip-others': async (h) => {
    const run = await h.scenario('scenarios/mixed-uploads.yaml', { function: 'thumbnail' });
    noFailures(h, run);
    h.check(
      JSON.stringify(keysIn(run, THUMBNAILS)) === '["thumbnails/cat.jpg"]' && keysIn(run, UPLOADS).length === 3,
      {
        en: `only thumbnails/cat.jpg in ${THUMBNAILS}, and ${UPLOADS} left as it was`,
        ko: `${THUMBNAILS}에는 thumbnails/cat.jpg만 있고 ${UPLOADS}는 그대로인 것`,
      },
      () => buckets(run),
    );
    const others = run.items(TABLE).filter((i) => i.objectKey !== 'uploads/cat.jpg');
    h.check(
      others.length === 0,
      { en: `no item for anything but the photo in ${TABLE}`, ko: `${TABLE}에 사진 말고는 항목이 없는 것` },
      { en: `${TABLE} also holds ${JSON.stringify(others)}`, ko: `${TABLE}에 ${JSON.stringify(others)}도 있어요` },
    );
  },
};
