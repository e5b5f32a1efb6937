/**
 * Checks of lesson 07's exercise (see exercise.yaml for the tasks). Each task runs in its own
 * execution environment: the first invoke is cold, the next ones warm, and `coldStart: true`
 * starts a fresh environment, so module state and /tmp can be watched surviving (or not).
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';

const ORDER = { items: [{ price: 1000 }] };

/** The ordinal of an invoke, as a short phrase in both languages. */
const nth = (n: number) => ({ en: `invoke ${n}`, ko: `${n}번째 호출` });

/** Invokes `times` times in the task's environment (the first cold) and returns the records with their results. */
async function invokeMany(
  h: CheckHarness,
  times: number,
  event: unknown = ORDER,
): Promise<{ record: InvocationRecord; result: Record<string, unknown> }[]> {
  const runs = [];
  for (let i = 0; i < times; i++) {
    const record = await h.invoke({ event });
    runs.push({ record, result: h.object(record) });
  }
  return runs;
}

/** Fails unless `field` of each run equals `expected[i]`. */
function expectField(
  h: CheckHarness,
  runs: { result: Record<string, unknown> }[],
  field: string,
  expected: unknown[],
): void {
  const got = runs.map((r) => r.result[field]);
  h.check(
    JSON.stringify(got) === JSON.stringify(expected),
    {
      en: `${field} to be ${expected.map((v) => JSON.stringify(v)).join(', ')} over ${expected.length} invokes`,
      ko: `${expected.length}번 호출하는 동안 ${field} 값이 차례로 ${expected.map((v) => JSON.stringify(v)).join(', ')}인 것`,
    },
    {
      en: `${field} was ${got.map((v) => JSON.stringify(v)).join(', ')}`,
      ko: `${field} 값이 차례로 ${got.map((v) => JSON.stringify(v)).join(', ')}로 나왔어요`,
    },
  );
}

export const checks: ExerciseChecks = {
  'count-invocations': async (h) => {
    expectField(h, await invokeMany(h, 3), 'invocation', [1, 2, 3]);
    // A new environment (a deploy, a configuration change, scaling out, an idle reap) starts over.
    const fresh = h.object(await h.invoke({ event: ORDER, coldStart: true }));
    h.check(
      fresh.invocation === 1,
      { en: 'invocation 1 again in a new execution environment', ko: '새 실행 환경에서는 invocation이 다시 1인 것' },
      {
        en: `invocation was ${JSON.stringify(fresh.invocation)} after a cold start`,
        ko: `콜드 스타트 뒤 invocation 값: ${JSON.stringify(fresh.invocation)}`,
      },
    );
  },

  'detect-cold-start': async (h) => {
    const runs = await invokeMany(h, 3);
    // What Lambda itself says: only the first REPORT line of an environment has Init Duration.
    runs.forEach(({ record }, i) => {
      const hasInit = record.report.initDurationMs !== undefined;
      h.check(
        record.coldStart === (i === 0) && hasInit === (i === 0),
        { en: 'Init Duration on the first REPORT line only', ko: '첫 번째 REPORT 줄에만 Init Duration이 있는 것' },
        {
          en: `${nth(i + 1).en} was ${record.coldStart ? 'cold' : 'warm'} (${hasInit ? 'with' : 'without'} Init Duration)`,
          ko: `${nth(i + 1).ko}은 ${record.coldStart ? '콜드' : '웜'} 호출이었고 Init Duration이 ${hasInit ? '있었어요' : '없었어요'}`,
        },
      );
    });
    expectField(h, runs, 'coldStart', [true, false, false]);
    const fresh = await h.invoke({ event: ORDER, coldStart: true });
    const result = h.object(fresh);
    h.check(
      result.coldStart === true,
      {
        en: 'coldStart true again in a new execution environment',
        ko: '새 실행 환경에서는 coldStart가 다시 true인 것',
      },
      {
        en: `coldStart was ${JSON.stringify(result.coldStart)} after a cold start`,
        ko: `콜드 스타트 뒤 coldStart 값: ${JSON.stringify(result.coldStart)}`,
      },
    );
  },

  'load-config-once': async (h) => {
    const runs = await invokeMany(h, 3);
    const loads = runs.flatMap(({ record }) => h.messages(record)).filter((m) => m.includes('Loading config'));
    h.check(
      loads.length === 1,
      {
        en: '"Loading config..." logged once in three invokes of one environment',
        ko: '한 실행 환경에서 세 번 호출하는 동안 "Loading config..."가 한 번만 찍히는 것',
      },
      { en: `it was logged ${loads.length} times`, ko: `${loads.length}번 찍혔어요` },
    );
    for (const [i, { record }] of runs.entries()) {
      if (i === 0) continue;
      h.check(
        record.report.durationMs < 300,
        { en: 'warm invokes to take less than 300 ms', ko: '웜 호출이 300 ms 안에 끝나는 것' },
        {
          en: `${nth(i + 1).en} took ${record.report.durationMs} ms`,
          ko: `${nth(i + 1).ko}이 ${record.report.durationMs} ms 걸렸어요`,
        },
      );
    }
    const last = runs[2].result;
    h.check(
      last.currency === 'KRW' && last.total === 1100,
      {
        en: 'the configuration still used: currency "KRW" and total 1100 for one item of 1000',
        ko: '설정을 여전히 쓰는 것: 1000짜리 품목 하나면 currency "KRW", total 1100',
      },
      {
        en: `currency ${JSON.stringify(last.currency)}, total ${JSON.stringify(last.total)}`,
        ko: `currency 값: ${JSON.stringify(last.currency)}, total 값: ${JSON.stringify(last.total)}`,
      },
    );
  },

  'cache-in-tmp': async (h) => {
    expectField(h, await invokeMany(h, 3), 'cache', ['miss', 'hit', 'hit']);
    // /tmp belongs to the environment: a new one starts empty.
    const fresh = h.object(await h.invoke({ event: ORDER, coldStart: true }));
    h.check(
      fresh.cache === 'miss',
      {
        en: 'cache "miss" again in a new execution environment (its /tmp is empty)',
        ko: '새 실행 환경에서는 다시 cache "miss"인 것 (새 환경의 /tmp는 비어 있어요)',
      },
      {
        en: `cache was ${JSON.stringify(fresh.cache)} after a cold start`,
        ko: `콜드 스타트 뒤 cache 값: ${JSON.stringify(fresh.cache)}`,
      },
    );
  },

  'keep-requests-apart': async (h) => {
    const first = h.object(await h.invoke({ event: { items: [{ price: 1000 }] } }));
    const second = h.object(await h.invoke({ event: { items: [{ price: 2000 }, { price: 500 }] } }));
    const got = [first, second].map(
      (r) => `lineCount ${JSON.stringify(r.lineCount)}, total ${JSON.stringify(r.total)}`,
    );
    h.check(
      first.lineCount === 1 && first.total === 1100 && second.lineCount === 2 && second.total === 2750,
      {
        en: 'order 1 (one item of 1000): lineCount 1, total 1100; then order 2 (2000 + 500): lineCount 2, total 2750',
        ko: '주문 1(1000짜리 품목 하나): lineCount 1, total 1100, 이어서 주문 2(2000 + 500): lineCount 2, total 2750',
      },
      { en: `order 1: ${got[0]}; order 2: ${got[1]}`, ko: `주문 1: ${got[0]}, 주문 2: ${got[1]}` },
    );
  },
};
