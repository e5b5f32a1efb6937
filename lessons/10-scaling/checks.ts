/**
 * Checks of lesson 10's exercise (see exercise.yaml for the tasks). The harness runs one execution
 * environment at a time, so the fleet itself is shown with `coldstart simulate` in the lesson; here
 * the learner's handler plans capacity, and its answers are compared with the lesson's formulas:
 * concurrency = requests per second x duration, the 1,000 default account limit, reserved
 * concurrency as a cap (0 throttles everything), and the 100 that must stay unreserved.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

interface Plan {
  requestsPerSecond: number;
  durationMs: number;
  accountLimit?: number;
  reserved?: number;
}

/** What the lesson's formulas say for a plan. */
function expected(plan: Plan): { concurrency: number; throttled: boolean; advice: string } {
  const concurrency = Math.ceil((plan.requestsPerSecond * plan.durationMs) / 1000);
  const accountLimit = plan.accountLimit ?? 1000;
  if (plan.reserved !== undefined && plan.reserved > accountLimit - 100) {
    return { concurrency, throttled: concurrency > accountLimit, advice: 'invalid-reserved' };
  }
  if (plan.reserved !== undefined) {
    const throttled = concurrency > plan.reserved;
    return { concurrency, throttled, advice: throttled ? 'raise-reserved' : 'ok' };
  }
  const throttled = concurrency > accountLimit;
  return { concurrency, throttled, advice: throttled ? 'request-quota-increase' : 'ok' };
}

/** Invokes with a plan and fails unless each of `fields` matches the formulas. */
async function expectPlan(h: CheckHarness, plan: Plan, fields: ('concurrency' | 'throttled' | 'advice')[]) {
  const result = h.object(await h.invoke({ event: plan }));
  const want = expected(plan);
  for (const field of fields) {
    h.check(
      result[field] === want[field],
      {
        en: `for ${JSON.stringify(plan)}, ${field} ${JSON.stringify(want[field])}`,
        ko: `${JSON.stringify(plan)}에 대해 ${field} 값 ${JSON.stringify(want[field])}`,
      },
      {
        en: `${field} was ${JSON.stringify(result[field])}`,
        ko: `실제 ${field} 값: ${JSON.stringify(result[field])}`,
      },
    );
  }
}

export const checks: ExerciseChecks = {
  'compute-concurrency': async (h) => {
    const plans: Plan[] = [
      { requestsPerSecond: 200, durationMs: 300 }, // 60
      { requestsPerSecond: 50, durationMs: 1500 }, // 75
      { requestsPerSecond: 30, durationMs: 150 }, // 4.5 -> 5
      { requestsPerSecond: 3, durationMs: 100 }, // 0.3 -> 1
      { requestsPerSecond: 0, durationMs: 250 }, // 0
    ];
    for (const plan of plans) await expectPlan(h, plan, ['concurrency']);
  },

  'account-limit': async (h) => {
    const plans: Plan[] = [
      { requestsPerSecond: 2000, durationMs: 500 }, // 1,000: exactly the default limit, fits
      { requestsPerSecond: 2002, durationMs: 500 }, // 1,001: one over the default
      { requestsPerSecond: 4000, durationMs: 750, accountLimit: 5000 }, // 3,000 after a quota increase
      { requestsPerSecond: 100, durationMs: 1000, accountLimit: 50 }, // a new account with a low quota
    ];
    for (const plan of plans) await expectPlan(h, plan, ['concurrency', 'throttled', 'advice']);
  },

  'reserved-limit': async (h) => {
    const plans: Plan[] = [
      { requestsPerSecond: 50, durationMs: 200, reserved: 5 }, // 10 > 5
      { requestsPerSecond: 50, durationMs: 200, reserved: 10 }, // fits exactly
      { requestsPerSecond: 1, durationMs: 100, reserved: 0 }, // 0 throttles everything
      { requestsPerSecond: 2000, durationMs: 500, accountLimit: 3000, reserved: 900 }, // the cap, not the account, decides
    ];
    for (const plan of plans) await expectPlan(h, plan, ['throttled', 'advice']);
  },

  'unreserved-minimum': async (h) => {
    const plans: Plan[] = [
      { requestsPerSecond: 10, durationMs: 100, reserved: 950 }, // more than 1,000 - 100
      { requestsPerSecond: 10, durationMs: 100, reserved: 900 }, // the most one function may reserve: fine
      { requestsPerSecond: 10, durationMs: 100, accountLimit: 5000, reserved: 4901 },
      { requestsPerSecond: 10, durationMs: 100, accountLimit: 5000, reserved: 4900 },
    ];
    for (const plan of plans) await expectPlan(h, plan, ['advice']);
  },

  'count-per-environment': async (h) => {
    const plan: Plan = { requestsPerSecond: 200, durationMs: 300 };
    const got: unknown[] = [];
    for (let i = 0; i < 3; i++) got.push(h.object(await h.invoke({ event: plan })).servedHere);
    h.check(
      JSON.stringify(got) === '[1,2,3]',
      {
        en: 'servedHere 1, 2, 3 over three invokes of one environment',
        ko: '한 실행 환경에서 세 번 호출하는 동안 servedHere가 1, 2, 3인 것',
      },
      { en: `servedHere was ${got.join(', ')}`, ko: `servedHere 값이 차례로 ${got.join(', ')}로 나왔어요` },
    );
    // Scaling out means a new environment with its own module scope: its counter starts over.
    const fresh = h.object(await h.invoke({ event: plan, coldStart: true }));
    h.check(
      fresh.servedHere === 1,
      {
        en: 'servedHere 1 again in a new execution environment',
        ko: '새 실행 환경에서는 servedHere가 다시 1인 것',
      },
      {
        en: `servedHere was ${JSON.stringify(fresh.servedHere)} after a cold start`,
        ko: `콜드 스타트 뒤 servedHere 값: ${JSON.stringify(fresh.servedHere)}`,
      },
    );
  },
};
