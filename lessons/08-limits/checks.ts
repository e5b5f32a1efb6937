/**
 * Checks of lesson 08's exercise (see exercise.yaml for the tasks). Each task invokes one action of
 * the handler at Lambda's defaults (128 MB, 3 s, 512 MB of /tmp): the starter hits a limit with
 * Lambda's own error, the fixed handler stays inside it.
 */
import type { CheckHarness, ExerciseChecks, Say } from '../../sandbox/course/check-harness.ts';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';

const PHOTOS = Array.from({ length: 10 }, (_, i) => `p${i + 1}.jpg`);

/** Reads a string array field, failing with what came back otherwise. */
function names(h: CheckHarness, result: Record<string, unknown>, field: string): string[] {
  const value = result[field];
  h.check(
    Array.isArray(value) && value.every((v) => typeof v === 'string'),
    { en: `\`${field}\` to be an array of photo names`, ko: `\`${field}\`가 사진 이름 배열인 것` },
    { en: `${field} was ${JSON.stringify(value)}`, ko: `${field} 값: ${JSON.stringify(value)}` },
  );
  return value as string[];
}

/**
 * Fails with Lambda's own error (type and message) when the invoke broke a limit, saying which
 * limit the task is about; the tasks' starters fail here.
 */
function withinLimit(h: CheckHarness, record: InvocationRecord, limit: Say): void {
  if (record.ok) return;
  const { errorType, errorMessage } = record.error;
  h.fail(limit, {
    en: `${errorType}: ${errorMessage}`,
    ko: `${errorType} 오류: ${errorMessage}`,
  });
}

/** The same sum the handler should compute: readings (i * 37) % 101. */
function expectedAverage(count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += (i * 37) % 101;
  return sum / count;
}

export const checks: ExerciseChecks = {
  'finish-before-timeout': async (h) => {
    // A small batch still finishes in one go.
    const small = h.object(await h.invoke({ event: { action: 'resize-photos', photos: PHOTOS.slice(0, 3) } }));
    const smallDone = names(h, small, 'done');
    h.check(
      smallDone.length === 3 && names(h, small, 'left').length === 0,
      {
        en: 'three photos: all three in done, left empty',
        ko: '사진 세 장이면 세 장 모두 done에 있고 left는 비어 있는 것',
      },
      {
        en: `done ${JSON.stringify(smallDone)}, left ${JSON.stringify(small.left)}`,
        ko: `done ${JSON.stringify(smallDone)}, left ${JSON.stringify(small.left)}`,
      },
    );
    // Ten photos need 4 s: the handler must answer before the 3 s timeout, and the rest must come back.
    let pending = PHOTOS;
    for (let round = 1; pending.length > 0; round++) {
      h.check(
        round <= 10,
        { en: 'all ten photos resized within 10 invokes', ko: '호출 10번 안에 사진 열 장을 모두 처리하는 것' },
        {
          en: `still left after 10 invokes: ${pending.join(', ')}`,
          ko: `호출 10번 뒤에도 남은 사진: ${pending.join(', ')}`,
        },
      );
      const record = await h.invoke({ event: { action: 'resize-photos', photos: pending } });
      withinLimit(h, record, {
        en: `an answer before the 3 s timeout for ${pending.length} photos (not Sandbox.Timedout)`,
        ko: `사진 ${pending.length}장을 보내도 3초 제한 시간 전에 응답하는 것 (Sandbox.Timedout 없이)`,
      });
      const result = h.object(record);
      const done = names(h, result, 'done');
      const left = names(h, result, 'left');
      h.check(
        done.length > 0 && JSON.stringify([...done, ...left]) === JSON.stringify(pending),
        {
          en: `done (at least one photo) followed by left to be exactly the photos sent: ${pending.join(', ')}`,
          ko: `done(최소 한 장)과 left를 이어 붙이면 보낸 사진과 정확히 같은 것: ${pending.join(', ')}`,
        },
        {
          en: `done ${JSON.stringify(done)}, left ${JSON.stringify(left)}`,
          ko: `done ${JSON.stringify(done)}, left ${JSON.stringify(left)}`,
        },
      );
      pending = left;
    }
  },

  'paginate-catalog': async (h) => {
    const first = await h.invoke({ event: { action: 'export-catalog', total: 80000 } });
    withinLimit(h, first, {
      en: 'a response of at most 6 MB (6,291,456 bytes) for {"total": 80000} (not Function.ResponseSizeTooLarge)',
      ko: '{"total": 80000}에도 응답이 6 MB(6,291,456바이트) 이하인 것 (Function.ResponseSizeTooLarge 없이)',
    });
    const page = h.object(first);
    const rows = page.rows as { id?: unknown }[] | undefined;
    h.check(
      Array.isArray(rows) && rows.length > 0 && rows.length <= 1000 && rows[0]?.id === 0,
      {
        en: 'for {"total": 80000} without a page: between 1 and 1,000 rows, starting with id 0',
        ko: 'page 없이 {"total": 80000}이면 id 0부터 시작하는 행 1~1,000개',
      },
      {
        en: `rows: ${Array.isArray(rows) ? `${rows.length}, first id ${JSON.stringify(rows[0]?.id)}` : JSON.stringify(rows)}`,
        ko: `rows: ${Array.isArray(rows) ? `${rows.length}개, 첫 id ${JSON.stringify(rows[0]?.id)}` : JSON.stringify(rows)}`,
      },
    );
    h.check(
      page.nextPage !== null && page.nextPage !== undefined,
      { en: 'a nextPage after the first of many pages', ko: '여러 페이지 중 첫 페이지 뒤에는 nextPage가 있는 것' },
      { en: `nextPage was ${JSON.stringify(page.nextPage)}`, ko: `nextPage 값: ${JSON.stringify(page.nextPage)}` },
    );
    // Follow nextPage through a smaller catalogue: every id once, in order, then null.
    const ids: unknown[] = [];
    let next: unknown = 0;
    for (let calls = 0; next !== null; calls++) {
      h.check(
        calls < 30,
        {
          en: 'nextPage to become null after the last row of {"total": 2500}',
          ko: '{"total": 2500}의 마지막 행 뒤에는 nextPage가 null이 되는 것',
        },
        {
          en: `still not null after 30 pages (ids so far: ${ids.length})`,
          ko: `30페이지가 지나도 null이 아니었어요 (지금까지 id ${ids.length}개)`,
        },
      );
      const result = h.object(await h.invoke({ event: { action: 'export-catalog', total: 2500, page: next } }));
      const pageRows = Array.isArray(result.rows) ? (result.rows as { id?: unknown }[]) : [];
      ids.push(...pageRows.map((r) => r.id));
      next = result.nextPage ?? null;
    }
    const inOrder = ids.length === 2500 && ids.every((id, i) => id === i);
    h.check(
      inOrder,
      {
        en: 'following nextPage through {"total": 2500} to give ids 0 to 2499, each once, in order',
        ko: '{"total": 2500}에서 nextPage를 따라가면 id 0~2499가 순서대로 한 번씩 나오는 것',
      },
      {
        en: `got ${ids.length} rows (first ids ${JSON.stringify(ids.slice(0, 3))})`,
        ko: `행 ${ids.length}개를 받았어요 (처음 id ${JSON.stringify(ids.slice(0, 3))})`,
      },
    );
  },

  'clean-up-tmp': async (h) => {
    // Five warm invokes in one environment: 1,000 MB in all through a 512 MB /tmp.
    for (let i = 1; i <= 5; i++) {
      const record = await h.invoke({ event: { action: 'store-upload', sizeMB: 200 } });
      withinLimit(h, record, {
        en: `upload ${i} of 5 to fit in the 512 MB /tmp (no ENOSPC: no space left on device)`,
        ko: `업로드 5번 중 ${i}번째도 512 MB /tmp에 들어가는 것 (ENOSPC: no space left on device 없이)`,
      });
      const result = h.object(record);
      h.check(
        result.bytes === 200 * 1024 * 1024,
        { en: 'bytes 209715200 (200 MB) for each upload', ko: '업로드마다 bytes가 209715200(200 MB)인 것' },
        {
          en: `upload ${i}: bytes ${JSON.stringify(result.bytes)}`,
          ko: `${i}번째 업로드의 bytes 값: ${JSON.stringify(result.bytes)}`,
        },
      );
    }
  },

  'sum-without-array': async (h) => {
    const count = 2_000_000;
    const record = await h.invoke({ event: { action: 'average-readings', count } });
    withinLimit(h, record, {
      en: 'the average of two million readings within 128 MB (not Runtime.OutOfMemory)',
      ko: '128 MB 안에서 측정값 200만 개의 평균을 구하는 것 (Runtime.OutOfMemory 없이)',
    });
    const result = h.object(record);
    const expected = expectedAverage(count);
    h.check(
      result.count === count && typeof result.average === 'number' && Math.abs(result.average - expected) < 1e-6,
      { en: `count ${count} and average ${expected}`, ko: `count ${count}, average ${expected}` },
      {
        en: `count ${JSON.stringify(result.count)}, average ${JSON.stringify(result.average)}`,
        ko: `count ${JSON.stringify(result.count)}, average ${JSON.stringify(result.average)}`,
      },
    );
    h.check(
      record.report.maxMemoryUsedMB < record.report.memorySizeMB,
      { en: 'Max Memory Used below the 128 MB memory size', ko: 'Max Memory Used가 메모리 크기 128 MB보다 작은 것' },
      {
        en: `Max Memory Used: ${record.report.maxMemoryUsedMB} MB`,
        ko: `Max Memory Used: ${record.report.maxMemoryUsedMB} MB`,
      },
    );
  },
};
