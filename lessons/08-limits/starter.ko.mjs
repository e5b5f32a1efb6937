/**
 * 일 네 가지가 있고, 하나하나가 Lambda의 한도에 하나씩 걸려요. `event.action`으로 일을 골라요(실제
 * 프로젝트라면 작은 함수 네 개로 나눴을 거예요). 하나씩 실행해서 오류를 읽고, 고쳐 보세요.
 *   {"action":"resize-photos","photos":["p1.jpg", ... 이름 열 개]}   -> 제한 시간 초과(3초)
 *   {"action":"export-catalog","total":80000}                       -> 응답이 6 MB를 넘어요
 *   {"action":"store-upload","sizeMB":200}  (세 번 실행하세요)      -> /tmp가 꽉 차요(512 MB)
 *   {"action":"average-readings","count":2000000}                   -> 메모리 부족(128 MB)
 * @param {Record<string, any>} event
 * @param {import('aws-lambda').Context} context
 */
import { appendFileSync, statSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1024 * 1024;

/** 과제 1: 사진 한 장 크기를 줄이는 데 400 ms가 걸리니, 열 장이면 4초예요. 제한 시간 3초보다 길어요. */
async function resizePhotos(event, context) {
  const done = [];
  for (const photo of event.photos ?? []) {
    // TODO: 시간이 남아 있을 때 멈추고(context.getRemainingTimeInMillis()) 남은 사진을 반환하세요.
    await sleep(400); // 크기를 줄이는 척
    done.push(photo);
  }
  return { done, left: [] };
}

/** 카탈로그 한 행: JSON으로 100바이트쯤이에요. */
const productRow = (id) => ({
  id,
  sku: `SKU-${String(id).padStart(6, '0')}`,
  name: `Product number ${id}`,
  priceKrw: 1000 + (id % 50) * 100,
  stock: id % 13,
});

/** 과제 2: 모든 행을 응답 하나에 담아요. 80,000행이면 7,036,250바이트라 6 MB 한도를 넘어요. */
async function exportCatalog(event) {
  const rows = [];
  for (let id = 0; id < event.total; id++) rows.push(productRow(id));
  // TODO: 최대 1,000행짜리 페이지 하나와 다음 페이지 번호를 반환하세요(마지막 페이지 뒤에는 null).
  return { rows };
}

/** 과제 3: 업로드를 /tmp에 1 MB씩 받아 두고 크기를 알려 줘요. */
async function storeUpload(event, context) {
  const path = `/tmp/upload-${context.awsRequestId}.bin`;
  const chunk = Buffer.alloc(MB, 7);
  for (let i = 0; i < event.sizeMB; i++) appendFileSync(path, chunk);
  const bytes = statSync(path).size;
  // TODO: /tmp는 이번 호출이 끝나도 남아요. 다 쓴 파일은 오류가 나더라도 지우세요(unlinkSync).
  return { bytes };
}

/** 센서 측정값 하나. 인덱스로 계산해요(파일에서 읽어 온 값 대신이에요). */
const reading = (i) => (i * 37) % 101;

/** 과제 4: 객체 2백만 개를 배열에 담으면 메모리 128 MB를 넘어요. */
async function averageReadings(event) {
  // TODO: 측정값을 모두 메모리에 들고 있지 말고, 반복문에서 더해 나가세요.
  const readings = Array.from({ length: event.count }, (_, i) => ({ index: i, value: reading(i) }));
  const sum = readings.reduce((total, r) => total + r.value, 0);
  return { count: readings.length, average: sum / readings.length };
}

const actions = {
  'resize-photos': resizePhotos,
  'export-catalog': exportCatalog,
  'store-upload': storeUpload,
  'average-readings': averageReadings,
};

export const handler = async (event, context) => {
  const action = actions[event.action];
  if (!action) return { error: `Unknown action ${JSON.stringify(event.action)}`, actions: Object.keys(actions) };
  return action(event, context);
};
