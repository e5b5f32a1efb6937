/**
 * 정답: 실행 환경마다 한 번이면 되는 일은 모듈 수준(INIT)에 두고, 요청 하나에 속하는 것은
 * 모두 핸들러 안에 둬요.
 * @param {{ items?: { price: number }[] }} event  예: {"items":[{"price":1000},{"price":2500}]}
 * @param {import('aws-lambda').Context} context
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** 파라미터 저장소에서 설정을 가져오는 척해요: 한 번에 300 ms쯤 걸려요. */
async function loadConfig() {
  console.log('Loading config...');
  await sleep(300);
  return { currency: 'KRW', taxRate: 0.1 };
}

// 모듈 스코프는 INIT 동안 한 번만 실행돼요. 최상위 await 덕분에 INIT이 설정을 다 불러올 때까지 기다리니,
// 웜 호출에서는 설정이 이미 준비되어 있어요(2025년 8월 1일부터는 이 300 ms도 INIT으로 한 번만 과금돼요).
const config = await loadConfig();

// 이것도 모듈 스코프: 이 실행 환경의 웜 호출 사이에서만 값이 남아요.
let invocations = 0;
let coldStart = true;

const CACHE_FILE = '/tmp/price-list.json';

export const handler = async (event, context) => {
  invocations += 1;
  const wasCold = coldStart;
  coldStart = false;

  // /tmp도 웜 호출 사이에 남아요: 캐시로는 좋지만, 무엇이든 유일한 사본을 두는 곳은 아니에요.
  let cache = 'hit';
  if (!existsSync(CACHE_FILE)) {
    cache = 'miss';
    writeFileSync(CACHE_FILE, JSON.stringify({ savedBy: context.awsRequestId }));
  } else {
    readFileSync(CACHE_FILE, 'utf8');
  }

  // 주문 하나의 데이터는 이번 호출의 것이에요: 매번 새로 만드는 지역 변수에 둬요.
  const lines = event.items ?? [];
  const subtotal = lines.reduce((sum, item) => sum + item.price, 0);
  console.log(`Invocation ${invocations} (${wasCold ? 'cold' : 'warm'}), cache ${cache}`);

  return {
    invocation: invocations,
    coldStart: wasCold,
    cache,
    lineCount: lines.length,
    total: Math.round(subtotal * (1 + config.taxRate)),
    currency: config.currency,
  };
};
