/**
 * Solution: one Task state's function in an order workflow run by AWS Step Functions:
 *   Validate -> Reserve -> Charge -> Ship
 * Each step returns the next state's input; the state machine, not this code, decides what runs
 * next, retries, and catches errors by name. The database connection is opened once per execution
 * environment and reused by warm invokes.
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

// Opened lazily on the first invoke that needs it, then reused while the environment lives.
// (In AWS, point it at an RDS Proxy endpoint so many environments share a few database connections.)
let connection;
const getConnection = async () => (connection ??= await connect());

/** A Step Functions Catch matches this by name: "ErrorEquals": ["InvalidOrder"]. */
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
  // The next state (Charge) is the state machine's job, not ours: return its input and finish.
  return { ...input, step: 'charge', reservationId: `res-${input.orderId}`, connectionId: row.connection };
}

export const handler = async (event) => {
  if (event.step === 'validate') return validate(event);
  if (event.step === 'reserve') return reserve(event);
  throw new Error(`Unknown step ${event.step}`);
};
