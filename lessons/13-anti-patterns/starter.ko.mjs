/**
 * 편집기 하나에서 둘 다 확인할 수 있도록 한 파일에 같이 둔 일 두 가지예요(AWS에서라면 목적이 하나뿐인
 * 함수 두 개로 나눴을 거예요):
 * - 버킷의 uploads/ 접두사에 걸린 S3 트리거: 새로 올라온 파일마다 요약 객체를 하나 써요.
 * - 보고서 작업: {"jobId": "..."}를 받으면, (느린) 보고서 서비스에 보고서가 준비됐을 때 돌려줘요.
 * S3와 보고서 서비스는 아래에서 흉내 내요. 그래야 핸들러가 무엇을 하는지 Check가 볼 수 있어요.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
  const summary = JSON.stringify({ source: key, size: record.s3.object.size });
  // TODO 1: 이 요약은 uploads/ 아래에 써져요. 바로 이 함수를 트리거하는 접두사라서 재귀 루프가 생겨요.
  return putObject(bucket, `${key}.summary.json`, summary);
  // TODO 2: 우리가 직접 쓴 결과물에 대한 이벤트는 무시해야 해요(아무것도 쓰지 않은 것으로 반환).
}

async function waitForReport(jobId) {
  // TODO 3: 여기서 잠든 시간도 초마다 이 함수의 요금이 돼요. 한 번만 확인하고, 보고서가
  // 준비되지 않았으면 { status: 'pending', jobId }를 곧바로 반환하세요. 호출한 쪽(Step
  // Functions의 Wait 상태, SQS 지연)이 나중에 다시 호출해요.
  for (;;) {
    const status = await reportStatus(jobId);
    if (status.ready) return { status: 'done', jobId, url: status.url };
    await sleep(2000);
  }
}

export const handler = async (event) => {
  if (event.Records) {
    const written = [];
    for (const record of event.Records) written.push(await summarizeUpload(record));
    return { written };
  }
  return waitForReport(event.jobId);
};
