/**
 * Checks of lesson 13's exercise (see exercise.yaml): an S3-triggered summarizer that must not
 * feed its own trigger, and a report job that must not sleep while billed. S3 and the report
 * service are simulated inside the handler file, so the checks read what the handler returns:
 * `{ written: [{ bucket, key }] }` for S3 events, `{ status, jobId, ... }` for the report job.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

const BUCKET = 'coldstart-uploads';
/** The prefix the bucket's event notification is filtered on. */
const TRIGGER_PREFIX = 'uploads/';

/** The simulator's s3-put template (`coldstart events s3-put --set key=...`), trimmed. */
function s3Event(key: string, size = 1024): unknown {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: '2026-04-09T12:34:56.789Z',
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'coldstart-trigger',
          bucket: { name: BUCKET, arn: `arn:aws:s3:::${BUCKET}` },
          // S3 URL-encodes the key in events, spaces as '+'.
          object: { key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'), size, eTag: '4b15bf93c85084bd997d985ccb8d839c' },
        },
      },
    ],
  };
}

interface Written {
  bucket: string;
  key: string;
}

/** Sends an S3 event for `key` and returns the objects the handler says it wrote. */
async function upload(h: CheckHarness, key: string): Promise<Written[]> {
  const record = await h.invoke({ event: s3Event(key) });
  const result = h.object(record);
  const written = result.written;
  h.check(
    Array.isArray(written) &&
      written.every((w) => typeof w === 'object' && w !== null && typeof (w as Written).key === 'string'),
    {
      en: `S3 event for ${key}: a result {"written": [{ "bucket", "key" }, ...]} (an empty list when nothing is written)`,
      ko: `${key}에 대한 S3 이벤트: {"written": [{ "bucket", "key" }, ...]} 모양의 결과 (아무것도 쓰지 않으면 빈 목록)`,
    },
    h.describe(record),
  );
  return written as Written[];
}

export const checks: ExerciseChecks = {
  'output-prefix': async (h) => {
    for (const key of ['uploads/cat.jpg', 'uploads/2026/red flower.png']) {
      const written = await upload(h, key);
      h.check(
        written.length === 1,
        { en: `S3 event for ${key}: exactly one summary written`, ko: `${key}에 대한 S3 이벤트: 요약 객체 하나를 쓰는 것` },
        { en: `it wrote ${JSON.stringify(written)}`, ko: `쓴 객체가 ${JSON.stringify(written)}였어요` },
      );
      const out = written[0]!.key;
      h.check(
        !out.startsWith(TRIGGER_PREFIX) && out !== key,
        {
          en: `S3 event for ${key}: the summary goes under a prefix other than ${TRIGGER_PREFIX} (e.g. summaries/), outside the trigger's filter`,
          ko: `${key}에 대한 S3 이벤트: 요약이 트리거 필터 밖, ${TRIGGER_PREFIX}가 아닌 다른 접두사(예: summaries/) 아래에 써지는 것`,
        },
        {
          en: `it wrote ${out}: that is a new ObjectCreated event for this same function, and the next one, and the next...`,
          ko: `${out}에 썼어요. 이 객체가 같은 함수를 다시 부르는 ObjectCreated 이벤트가 되고, 그다음도, 또 그다음도...`,
        },
      );
    }
  },

  'ignore-own-output': async (h) => {
    const [first] = await upload(h, 'uploads/cat.jpg');
    h.check(
      first !== undefined,
      { en: 'S3 event for uploads/cat.jpg: a summary written', ko: 'uploads/cat.jpg에 대한 S3 이벤트: 요약 객체를 쓰는 것' },
      { en: 'nothing was written', ko: '아무것도 쓰지 않았어요' },
    );
    // If the trigger were misconfigured (no prefix filter), the summary itself would arrive as an event.
    const again = await upload(h, first!.key);
    h.check(
      again.length === 0,
      {
        en: `S3 event for the function's own output ${first!.key}: ignored, {"written": []}`,
        ko: `함수가 직접 만든 ${first!.key}에 대한 S3 이벤트: 무시하고 {"written": []}`,
      },
      {
        en: `it wrote ${JSON.stringify(again.map((w) => w.key))}: the loop goes on until Lambda stops it after about 16 invocations`,
        ko: `${JSON.stringify(again.map((w) => w.key))}를 썼어요. Lambda가 16번쯤에서 멈출 때까지 루프가 계속돼요`,
      },
    );
    const other = await upload(h, 'notes/readme.txt');
    h.check(
      other.length === 0,
      { en: 'S3 event for notes/readme.txt (outside uploads/): ignored', ko: 'uploads/ 밖의 notes/readme.txt에 대한 S3 이벤트: 무시' },
      { en: `it wrote ${JSON.stringify(other.map((w) => w.key))}`, ko: `${JSON.stringify(other.map((w) => w.key))}를 썼어요` },
    );
  },

  'return-pending': async (h) => {
    const LIMIT_MS = 500;
    for (let i = 1; i <= 3; i += 1) {
      const record = await h.invoke({ event: { jobId: 'report-7' } });
      const result = h.object(record);
      const billed = record.report.billedDurationMs;
      h.check(
        billed < LIMIT_MS,
        {
          en: `invoke ${i} with {"jobId":"report-7"}: billed under ${LIMIT_MS} ms (check the report once, do not wait for it)`,
          ko: `{"jobId":"report-7"}로 ${i}번째 호출: 과금 시간 ${LIMIT_MS} ms 미만 (리포트는 한 번만 확인하고 기다리지 않기)`,
        },
        {
          en: `Billed Duration: ${billed} ms (${h.say(h.describe(record))}); the function was paid to sleep`,
          ko: `Billed Duration: ${billed} ms (${h.say(h.describe(record))}). 함수가 잠자는 동안에도 돈이 나갔어요`,
        },
      );
      const want = i < 3 ? 'pending' : 'done';
      h.check(
        result.status === want && result.jobId === 'report-7' && (want === 'pending' || typeof result.url === 'string'),
        {
          en: `invoke ${i}: {"status": "${want}", "jobId": "report-7"${want === 'done' ? ', "url": ...' : ''}} (the report is ready on the 3rd status check)`,
          ko: `${i}번째 호출: {"status": "${want}", "jobId": "report-7"${want === 'done' ? ', "url": ...' : ''}} (리포트는 세 번째 상태 확인에서 준비돼요)`,
        },
        { en: `it returned ${JSON.stringify(result)}`, ko: `반환값이 ${JSON.stringify(result)}였어요` },
      );
    }
  },
};
