/**
 * Checks of lesson 15's exercise (see exercise.yaml): the function behind the Validate and Reserve
 * Task states of an order workflow. Step Functions passes a Task's result on as the next state's
 * input (with the Lambda integration's result selected by "OutputPath": "$.Payload"), so the checks
 * read the returned object as that next input.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

const ITEMS = [
  { sku: 'mug', qty: 2, price: 8 },
  { sku: 'beans', qty: 1, price: 14 },
];

const show = (value: unknown): string => JSON.stringify(value);

/** Invokes one state and returns its output (the next state's input). */
async function runState(h: CheckHarness, input: Record<string, unknown>) {
  const record = await h.invoke({ event: input });
  return { record, output: h.object(record) };
}

export const checks: ExerciseChecks = {
  'validate-output': async (h) => {
    const input = { orderId: 'o-100', step: 'validate', items: ITEMS, customer: 'ada@example.com' };
    const { output } = await runState(h, input);
    h.check(
      output.step === 'reserve' &&
        output.orderId === 'o-100' &&
        output.total === 30 &&
        output.customer === 'ada@example.com' &&
        show(output.items) === show(ITEMS),
      {
        en: `validate ${show(input)}: the next state's input, everything from the input plus "total": 30 and "step": "reserve"`,
        ko: `validate ${show(input)}: 다음 상태의 입력, 즉 입력의 모든 필드에 "total": 30과 "step": "reserve"를 더한 것`,
      },
      {
        en: `it returned ${show(output)}: this is all the Reserve state would receive`,
        ko: `반환값이 ${show(output)}였어요. Reserve 상태가 받는 건 이게 전부예요`,
      },
    );
  },

  'fail-invalid-order': async (h) => {
    for (const items of [[], undefined]) {
      const input = { orderId: 'o-101', step: 'validate', ...(items ? { items } : {}) };
      const record = await h.invoke({ event: input });
      h.check(
        !record.ok && record.error.errorType === 'InvalidOrder',
        {
          en: `validate ${show(input)}: the invoke fails with errorType "InvalidOrder" (a Catch with "ErrorEquals": ["InvalidOrder"] routes it)`,
          ko: `validate ${show(input)}: errorType이 "InvalidOrder"인 오류로 실패하기 ("ErrorEquals": ["InvalidOrder"]인 Catch가 받아 줘요)`,
        },
        {
          en: record.ok
            ? `it returned ${record.result}: for Step Functions that is a success, and the workflow moves on to Reserve`
            : `it failed with errorType ${record.error.errorType}`,
          ko: record.ok
            ? `반환값이 ${record.result}였어요. Step Functions에게는 성공이라서 워크플로가 Reserve로 넘어가요`
            : `errorType ${record.error.errorType} 오류로 실패했어요`,
        },
      );
    }
  },

  'no-chaining': async (h) => {
    const LIMIT_MS = 600;
    for (let i = 1; i <= 2; i += 1) {
      const input = { orderId: `o-20${i}`, step: 'reserve', items: ITEMS, total: 30 };
      const { record, output } = await runState(h, input);
      h.check(
        output.step === 'charge' && typeof output.reservationId === 'string' && output.orderId === input.orderId && output.charged === undefined,
        {
          en: `reserve ${show(input)}: the input for Charge, with "step": "charge" and a "reservationId", without charging here`,
          ko: `reserve ${show(input)}: Charge 상태의 입력, 즉 "step": "charge"와 "reservationId"가 있고, 여기서 결제하지 않은 것`,
        },
        { en: `it returned ${show(output)}`, ko: `반환값이 ${show(output)}였어요` },
      );
      const billed = record.report.billedDurationMs;
      h.check(
        billed < LIMIT_MS,
        {
          en: `reserve invoke ${i}: billed under ${LIMIT_MS} ms (no waiting for another function)`,
          ko: `reserve ${i}번째 호출: 과금 시간 ${LIMIT_MS} ms 미만 (다른 함수를 기다리지 않기)`,
        },
        {
          en: `Billed Duration: ${billed} ms; while this function waits for charge-payment, both are billed`,
          ko: `Billed Duration: ${billed} ms. 이 함수가 charge-payment를 기다리는 동안 두 함수 모두 과금돼요`,
        },
      );
    }
  },

  'reuse-connection': async (h) => {
    const ids: unknown[] = [];
    let opens = 0;
    for (let i = 1; i <= 3; i += 1) {
      const { record, output } = await runState(h, { orderId: `o-30${i}`, step: 'reserve', items: ITEMS, total: 30 });
      opens += h.messages(record).filter((m) => m.startsWith('Opening connection')).length;
      ids.push(output.connectionId);
    }
    h.check(
      opens === 1,
      {
        en: 'three reserve invokes in one execution environment (1 cold, 2 warm): "Opening connection" logged once',
        ko: '한 실행 환경에서 reserve 세 번 호출(콜드 1번, 웜 2번): "Opening connection"은 한 번만 찍히기',
      },
      {
        en: `it was logged ${opens} times: every invoke opened a new connection (${show(ids)})`,
        ko: `${opens}번 찍혔어요. 호출마다 새 연결을 열었어요 (${show(ids)})`,
      },
    );
    h.check(
      ids.every((id) => typeof id === 'string' && id === ids[0]),
      { en: 'every invoke reports the same connectionId', ko: '모든 호출이 같은 connectionId를 돌려주기' },
      { en: `connectionIds were ${show(ids)}`, ko: `connectionId가 ${show(ids)}였어요` },
    );
  },
};
