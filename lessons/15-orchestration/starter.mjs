/**
 * One Task state's function in an order workflow run by AWS Step Functions:
 *   Validate -> Reserve -> Charge -> Ship
 * Step Functions invokes it with the state's input, e.g.
 *   {"orderId": "o-1", "step": "validate", "items": [{"sku": "mug", "qty": 2, "price": 8}]}
 * and passes whatever it returns to the next state as that state's input.
 * The database and the payment function are simulated below.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Simulated database driver: opening a connection takes a TCP + TLS + auth round trip. */
let opened = 0;
async function connect() {
  opened += 1;
  console.log(`Opening connection #${opened}`);
  await sleep(150);
  const id = `conn-${opened}`;
  return { id, query: async (sql) => { await sleep(5); return { connection: id, sql }; } };
}

/** Simulated synchronous Lambda-to-Lambda call (InvocationType RequestResponse): we wait, and pay, for it. */
async function invokeSync(functionName, payload) {
  console.log(`Invoking ${functionName} and waiting...`);
  await sleep(1200);
  return { ...payload, charged: true };
}

export const handler = async (event) => {
  if (event.step === 'validate') {
    // TODO 1: Step Functions passes this return value on as the next state's input: it must keep
    // orderId and items, add the total, and say the next step is "reserve".
    // TODO 2: an order without items must fail with an error named InvalidOrder, so a Catch can route it.
    if (!event.items?.length) return { valid: false };
    return { valid: true };
  }
  if (event.step === 'reserve') {
    // TODO 4: a new connection on every invoke; open it once per execution environment instead.
    const db = await connect();
    const row = await db.query(`UPDATE stock SET reserved = reserved + 1 WHERE order_id = '${event.orderId}'`);
    // TODO 3: do not call the next function and wait for it: return the next state's input
    // ({ ...event, step: 'charge', reservationId }) and let the state machine call Charge.
    return invokeSync('charge-payment', { ...event, reservationId: `res-${event.orderId}`, connectionId: row.connection });
  }
  throw new Error(`Unknown step ${event.step}`);
};
