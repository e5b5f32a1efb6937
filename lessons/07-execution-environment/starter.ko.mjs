/**
 * 실행 환경을 신경 쓰지 않는 주문 금액 계산 함수예요. 호출될 때마다 설정을 새로 불러오고,
 * 주문 하나의 품목을 모듈 스코프에 쌓아 두고, 콜드 스타트와 웜 스타트를 구별하지 못해요.
 * 두세 번 실행하고 REPORT 줄을 읽어 보세요: 호출할 때마다 loadConfig()를 기다리는 시간까지 내고 있어요.
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

// BUG (과제 5): 주문 하나의 품목을 모듈 스코프에 두어서, 이 실행 환경의 모든 호출이 함께 써요.
const lines = [];

export const handler = async (event, context) => {
  // TODO (과제 3): 설정은 호출마다가 아니라 실행 환경마다 한 번만 불러오세요.
  const config = await loadConfig();

  for (const item of event.items ?? []) lines.push(item);
  const subtotal = lines.reduce((sum, item) => sum + item.price, 0);

  return {
    invocation: 1, // TODO (과제 1): 이 실행 환경이 처리한 호출 수를 세세요: 1, 2, 3...
    coldStart: true, // TODO (과제 2): 실행 환경의 첫 호출일 때만 true
    cache: 'miss', // TODO (과제 4): /tmp/price-list.json이 이미 있으면 'hit'
    lineCount: lines.length,
    total: Math.round(subtotal * (1 + config.taxRate)),
    currency: config.currency,
  };
};
