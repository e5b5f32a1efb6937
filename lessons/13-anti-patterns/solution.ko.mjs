/**
 * 정답. 편집기 하나에서 둘 다 확인할 수 있도록 한 파일에 같이 둔 일 두 가지예요(AWS에서라면 트리거,
 * 역할, 제한 시간을 각자 가진, 목적이 하나뿐인 함수 두 개로 나눴을 거예요):
 * - uploads/에 걸린 S3 트리거: 요약을 summaries/ 아래에 써서, 자기 결과물이 자신을 트리거하지 않아요.
 * - 보고서 작업: 보고서 서비스를 한 번만 확인하고, 잠들어 기다리는 대신 "pending"으로 답해요.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const INPUT_PREFIX = 'uploads/'; // 트리거의 접두사 필터
const OUTPUT_PREFIX = 'summaries/'; // 트리거의 접두사 바깥

/** S3 PutObject 흉내: 쓰기를 로그로 남기고 어디에 썼는지 돌려줘요. */
async function putObject(bucket, key, body) {
  console.log(`PUT s3://${bucket}/${key} (${body.length} bytes)`);
  return { bucket, key };
}

/** 보고서 서비스 흉내: 작업의 상태를 세 번째 확인할 때 보고서가 준비돼요. */
const statusChecks = new Map();
async function reportStatus(jobId) {
  await sleep(20); // API 호출 한 번
  const n = (statusChecks.get(jobId) ?? 0) + 1;
  statusChecks.set(jobId, n);
  return n >= 3 ? { ready: true, url: `https://reports.example.com/${jobId}.pdf` } : { ready: false };
}

async function summarizeUpload(record) {
  const bucket = record.s3.bucket.name;
  const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
  // 두 번째 방어선: 트리거 설정이 잘못되더라도, 우리가 쓴 결과물은 절대 다시 처리하지 않아요.
  if (!key.startsWith(INPUT_PREFIX)) {
    console.log(`Skipping ${key}: not under ${INPUT_PREFIX}`);
    return undefined;
  }
  const summary = JSON.stringify({ source: key, size: record.s3.object.size });
  const name = key.slice(INPUT_PREFIX.length);
  return putObject(bucket, `${OUTPUT_PREFIX}${name}.summary.json`, summary);
}

async function checkReport(jobId) {
  const status = await reportStatus(jobId);
  if (status.ready) return { status: 'done', jobId, url: status.url };
  // 아직 준비되지 않았어요: 돈 내며 기다리지 말고 끝내요. 오케스트레이터(Wait 상태, SQS 지연)가 나중에 다시 물어봐요.
  return { status: 'pending', jobId, retryAfterSeconds: 2 };
}

export const handler = async (event) => {
  if (event.Records) {
    const written = [];
    for (const record of event.Records) {
      const output = await summarizeUpload(record);
      if (output) written.push(output);
    }
    return { written };
  }
  return checkReport(event.jobId);
};
