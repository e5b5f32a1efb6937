/**
 * 정답: AWS Step Functions가 실행하는 주문 워크플로에서 Task 상태 하나를 맡은 함수예요:
 *   Validate -> Reserve -> Charge -> Ship
 * 단계마다 다음 상태의 입력을 반환해요. 다음에 무엇을 실행할지, 재시도와 이름으로 오류를 잡는 일은
 * 이 코드가 아니라 상태 머신이 정해요. 데이터베이스 연결은 실행 환경마다 한 번만 열고, 웜 호출이
 * 다시 써요.
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

// 연결이 필요한 첫 호출에서야 열고, 실행 환경이 살아 있는 동안 계속 다시 써요.
// (AWS에서는 RDS Proxy 엔드포인트로 연결하세요. 그러면 여러 실행 환경이 데이터베이스 연결 몇 개를 나눠 써요.)
let connection;
const getConnection = async () => (connection ??= await connect());

/** Step Functions의 Catch가 이 오류를 이름으로 찾아요: "ErrorEquals": ["InvalidOrder"]. */
class InvalidOrder extends Error {
  constructor(message) {
    super(message);
    this.name = 'InvalidOrder';
  }
}

function validate(input) {
  const items = input.items;
  if (!Array.isArray(items) || items.length === 0) throw new InvalidOrder(`Order ${input.orderId} has no items`);
  const total = items.reduce((sum, { qty, price }) => sum + qty * price, 0);
  return { ...input, step: 'reserve', total };
}

async function reserve(input) {
  const db = await getConnection();
  const row = await db.query(`UPDATE stock SET reserved = reserved + 1 WHERE order_id = '${input.orderId}'`);
  // 다음 상태(Charge)는 우리가 아니라 상태 머신이 맡아요: 그 입력을 반환하고 끝내요.
  return { ...input, step: 'charge', reservationId: `res-${input.orderId}`, connectionId: row.connection };
}

export const handler = async (event) => {
  if (event.step === 'validate') return validate(event);
  if (event.step === 'reserve') return reserve(event);
  throw new Error(`Unknown step ${event.step}`);
};
