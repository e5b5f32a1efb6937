/**
 * 정답: 일마다 예전에 걸리던 한도 안에서 끝나요.
 * @param {Record<string, any>} event  {"action": "resize-photos" | "export-catalog" | "store-upload" | "average-readings", ...}
 * @param {import('aws-lambda').Context} context
 */
import { appendFileSync, statSync, unlinkSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1024 * 1024;

/** 사진 한 장에 걸리는 시간(400 ms)보다 길게 잡아서, 시작한 사진은 언제나 제시간에 끝나요. */
const SAFETY_MARGIN_MS = 1000;

/** 과제 1: 시간이 남아 있는 동안만 크기를 줄이고, 나머지는 반환해서 호출한 쪽이 다시 보내게 해요. */
async function resizePhotos(event, context) {
  const photos = event.photos ?? [];
  const done = [];
  for (const photo of photos) {
    if (context.getRemainingTimeInMillis() < SAFETY_MARGIN_MS) break;
    await sleep(400); // 크기를 줄이는 척
    done.push(photo);
  }
  return { done, left: photos.slice(done.length) };
}

/** 카탈로그 한 행: JSON으로 100바이트쯤이에요. */
const productRow = (id) => ({
  id,
  sku: `SKU-${String(id).padStart(6, '0')}`,
  name: `Product number ${id}`,
  priceKrw: 1000 + (id % 50) * 100,
  stock: id % 13,
});

const PAGE_SIZE = 1000; // 응답 하나에 100 KB쯤, 6 MB보다 한참 작아요

/** 과제 2: 호출 한 번에 한 페이지씩. 호출한 쪽은 nextPage가 null이 될 때까지 따라가요. */
async function exportCatalog(event) {
  const page = event.page ?? 0;
  const start = page * PAGE_SIZE;
  const end = Math.min(start + PAGE_SIZE, event.total);
  const rows = [];
  for (let id = start; id < end; id++) rows.push(productRow(id));
  return { rows, nextPage: end < event.total ? page + 1 : null };
}

/** 과제 3: 업로드 파일을 호출이 끝나기 전에 지워서, 웜 호출도 빈 공간에서 시작해요. */
async function storeUpload(event, context) {
  const path = `/tmp/upload-${context.awsRequestId}.bin`;
  const chunk = Buffer.alloc(MB, 7);
  try {
    for (let i = 0; i < event.sizeMB; i++) appendFileSync(path, chunk);
    return { bytes: statSync(path).size };
  } finally {
    unlinkSync(path);
  }
}

/** 센서 측정값 하나. 인덱스로 계산해요(파일에서 읽어 온 값 대신이에요). */
const reading = (i) => (i * 37) % 101;

/** 과제 4: 합계를 이어서 더하면 개수가 얼마든 몇 바이트면 충분해요. */
async function averageReadings(event) {
  let sum = 0;
  for (let i = 0; i < event.count; i++) sum += reading(i);
  return { count: event.count, average: sum / event.count };
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
