/**
 * AWS Step Functions가 실행하는 주문 워크플로에서 Task 상태 하나를 맡은 함수예요:
 *   Validate -> Reserve -> Charge -> Ship
 * Step Functions는 상태의 입력을 넣어 이 함수를 호출해요. 예:
 *   {"orderId": "o-1", "step": "validate", "items": [{"sku": "mug", "qty": 2, "price": 8}]}
 * 그리고 함수가 반환한 값을 다음 상태에 그 상태의 입력으로 넘겨요.
 * 데이터베이스와 결제 함수는 아래에서 흉내 내요.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** 데이터베이스 드라이버 흉내: 연결을 하나 열려면 TCP + TLS + 인증을 한 바퀴 주고받아야 해요. */
let opened = 0;
async function connect() {
  opened += 1;
  console.log(`Opening connection #${opened}`);
  await sleep(150);
  const id = `conn-${opened}`;
  return { id, query: async (sql) => { await sleep(5); return { connection: id, sql }; } };
}

/** Lambda에서 Lambda를 동기로 부르는 호출 흉내(InvocationType RequestResponse): 끝날 때까지 기다리고, 그 시간도 돈을 내요. */
async function invokeSync(functionName, payload) {
  console.log(`Invoking ${functionName} and waiting...`);
  await sleep(1200);
  return { ...payload, charged: true };
}

export const handler = async (event) => {
  if (event.step === 'validate') {
    // TODO 1: Step Functions는 이 반환값을 다음 상태의 입력으로 넘겨요: orderId와 items를 그대로
    // 두고, total을 더하고, 다음 단계가 "reserve"라고 알려 줘야 해요.
    // TODO 2: 품목이 없는 주문은 이름이 InvalidOrder인 오류로 실패해야 해요. 그래야 Catch가 받아서 보낼 수 있어요.
    if (!event.items?.length) return { valid: false };
    return { valid: true };
  }
  if (event.step === 'reserve') {
    // TODO 4: 호출할 때마다 새 연결을 열어요. 실행 환경마다 한 번만 열도록 바꾸세요.
    const db = await connect();
    const row = await db.query(`UPDATE stock SET reserved = reserved + 1 WHERE order_id = '${event.orderId}'`);
    // TODO 3: 다음 함수를 직접 부르고 기다리지 마세요. 다음 상태의 입력을 반환하고
    // ({ ...event, step: 'charge', reservationId }), Charge는 상태 머신이 부르게 하세요.
    return invokeSync('charge-payment', { ...event, reservationId: `res-${event.orderId}`, connectionId: row.connection });
  }
  throw new Error(`Unknown step ${event.step}`);
};
