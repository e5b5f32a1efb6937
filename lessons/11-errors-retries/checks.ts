/**
 * Checks of lesson 11's exercise (see exercise.yaml for the tasks). Each one plays a scenario from
 * scenarios/ in a simulated account (the charges table; the receipts, failed-payments, payments and
 * payments-dlq queues; an SQS trigger with ReportBatchItemFailures; async retries with an
 * on-failure destination) with the learner's handler as the payments function.
 */
import type { CheckHarness, ExerciseChecks, ScenarioRun } from '../../sandbox/course/check-harness.ts';

/** How many items of `rows` name each order, e.g. { "o-11": 1, "o-12": 3 }. */
function perOrder(rows: unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const id = row !== null && typeof row === 'object' ? (row as { orderId?: unknown }).orderId : undefined;
    if (typeof id === 'string') counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

/** Fails unless every order in `orders` appears exactly once in `rows` (and no other order does). */
function exactlyOnce(
  h: CheckHarness,
  run: ScenarioRun,
  what: { en: string; ko: string },
  rows: unknown[],
  orders: string[],
): void {
  const counts = perOrder(rows);
  const want = Object.fromEntries(orders.map((o) => [o, 1]));
  const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  h.check(
    JSON.stringify(sorted) === JSON.stringify(want),
    { en: `${what.en} per order: ${JSON.stringify(want)}`, ko: `주문별 ${what.ko}: ${JSON.stringify(want)}` },
    () => ({
      en: `${what.en} per order: ${JSON.stringify(sorted)}; ${run.describe().en}`,
      ko: `주문별 ${what.ko}: ${JSON.stringify(sorted)}. ${run.describe().ko}`,
    }),
  );
}

const CHARGES = { en: 'charges', ko: '결제 기록' };
const RECEIPTS = { en: 'receipts', ko: '영수증' };

export const checks: ExerciseChecks = {
  'failures-reach-destination': async (h) => {
    const run = await h.scenario('scenarios/failed-payment.yaml', { function: 'payments' });
    const failing = run.invocations().filter((i) => (i.event as { orderId?: string }).orderId === 'o-9');
    h.check(
      failing.length === 3 && failing.every((i) => !i.ok),
      {
        en: 'the payment o-9 to fail 3 times (the first attempt and 2 retries)',
        ko: 'o-9 결제가 3번(첫 시도와 재시도 2번) 실패하는 것',
      },
      () => ({
        en: `o-9 ran ${failing.length} time(s), ${failing.filter((i) => !i.ok).length} failed; its log said ${JSON.stringify(failing.flatMap((i) => i.messages))}`,
        ko: `o-9가 ${failing.length}번 실행됐고 ${failing.filter((i) => !i.ok).length}번 실패했어요. 로그: ${JSON.stringify(failing.flatMap((i) => i.messages))}`,
      }),
    );
    const records = run.bodies('failed-payments') as { requestPayload?: { orderId?: string } }[];
    h.check(
      records.length === 1 && records[0]?.requestPayload?.orderId === 'o-9',
      {
        en: 'one invocation record for o-9 in the failed-payments queue',
        ko: 'failed-payments 큐에 o-9의 호출 기록 하나',
      },
      { en: `the queue holds ${records.length} message(s)`, ko: `큐에 메시지가 ${records.length}개 있어요` },
    );
    exactlyOnce(h, run, CHARGES, run.items('charges'), ['o-8']);
  },

  'batch-item-failures': async (h) => {
    const run = await h.scenario('scenarios/poison-batch.yaml', { function: 'payments' });
    exactlyOnce(h, run, CHARGES, run.items('charges'), ['o-11', 'o-12', 'o-14']);
    const dead = run.bodies('payments-dlq');
    h.check(
      JSON.stringify(dead) === JSON.stringify(['order o-13: 10 EUR']),
      { en: 'only the poison message in payments-dlq', ko: 'payments-dlq에 독이 든 메시지만 있는 것' },
      { en: `payments-dlq holds ${JSON.stringify(dead)}`, ko: `payments-dlq에 ${JSON.stringify(dead)}가 있어요` },
    );
  },

  'idempotent-charge': async (h) => {
    const run = await h.scenario('scenarios/duplicates.yaml', { function: 'payments' });
    const orders = ['o-21', 'o-22', 'o-23'];
    exactlyOnce(h, run, CHARGES, run.items('charges'), orders);
    exactlyOnce(h, run, RECEIPTS, run.bodies('receipts'), orders);
    h.check(
      run.invocations().every((i) => i.ok),
      {
        en: 'no failed invocation (a repeat is not an error)',
        ko: '실패한 호출이 없는 것(반복은 오류가 아니에요)',
      },
      () => run.describe(),
    );
  },
};
