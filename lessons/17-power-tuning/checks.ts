/**
 * Checks of the power-tuning lesson's exercise (see exercise.yaml for the tasks). Trusted lesson
 * code: it runs the learner's prime counter at several memory sizes, as AWS Lambda Power Tuning
 * does, and compares the learner's recorded picks with what the measurements say.
 */
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

/** The sizes the exercise tunes over, and the event it tunes with. */
const SIZES = [128, 512, 1024, 1769, 3008];
const EVENT = { limit: 10_000 };
/** Warm invocations per size after the cold start, as `coldstart tune` does by default. */
const RUNS = 5;
/** Warm Billed Duration the optimised handler must reach at 128 MB for {"limit": 10000}. */
const FAST_BILLED_MS = 50;

type Strategy = 'speed' | 'cost';

/** The learner's pick for a strategy, failing unless it is one of SIZES. */
async function readPick(h: CheckHarness, strategy: Strategy): Promise<number> {
  const record = await h.invoke({ event: EVENT });
  const result = h.object(record);
  const picks = result.picks as Record<string, unknown> | undefined;
  const pick = picks?.[strategy];
  h.check(
    typeof pick === 'number' && SIZES.includes(pick),
    {
      en: `picks.${strategy} to be one of the tuned sizes (${SIZES.join(', ')} MB), as a number`,
      ko: `picks.${strategy}가 튜닝한 크기(${SIZES.join(', ')} MB) 중 하나인 숫자인 것`,
    },
    { en: `picks.${strategy} was ${JSON.stringify(pick)}`, ko: `받은 값: picks.${strategy} = ${JSON.stringify(pick)}` },
  );
  return pick as number;
}

/** What one size measured: the average warm Duration and billed MB-ms (the cost the tool ranks by). */
interface Measured {
  memoryMB: number;
  avgDurationMs: number;
  /** Sum over the warm runs of billed ms x MB: proportional to the duration cost, exact in integers. */
  billedMbMs: number;
}

/** Runs the handler at every size (a cold start, then RUNS warm invokes); sizes that fail are left out. */
async function measure(h: CheckHarness): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (const memoryMB of SIZES) {
    // Every invoke names the size: the same configuration keeps the environment warm, and the
    // first invoke at a new size is a cold start, measured apart (the tool's averages leave it out too).
    const config = { memorySizeMB: memoryMB };
    const records: InvocationRecord[] = [];
    for (let i = 0; i <= RUNS; i++) records.push(await h.invoke({ event: EVENT, config, coldStart: i === 0 }));
    if (records.some((r) => !r.ok)) continue; // the tool never picks a size where the function fails
    const warm = records.slice(1);
    measured.push({
      memoryMB,
      avgDurationMs: warm.reduce((n, r) => n + r.report.durationMs, 0) / warm.length,
      billedMbMs: warm.reduce((n, r) => n + r.report.billedDurationMs * r.report.memorySizeMB, 0),
    });
  }
  return measured;
}

const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The sizes a strategy may pick, as lambda/analyzer.js of AWS Lambda Power Tuning ranks them:
 * speed = lowest average duration, the cheaper on a tie; cost = lowest cost, the faster on a tie.
 * Every size still tied after the tie-break is accepted.
 */
function winners(measured: readonly Measured[], strategy: Strategy): number[] {
  const primary = (m: Measured) => (strategy === 'speed' ? m.avgDurationMs : m.billedMbMs);
  const secondary = (m: Measured) => (strategy === 'speed' ? m.billedMbMs : m.avgDurationMs);
  const best1 = Math.min(...measured.map(primary));
  const first = measured.filter((m) => same(primary(m), best1));
  const best2 = Math.min(...first.map(secondary));
  return first.filter((m) => same(secondary(m), best2)).map((m) => m.memoryMB);
}

/** A table of what was measured, for the failure message. */
function table(measured: readonly Measured[]): string {
  return measured
    .map((m) => `${m.memoryMB} MB: ${m.avgDurationMs.toFixed(2)} ms, ${(m.billedMbMs / RUNS / 1024).toFixed(1)} GB-ms`)
    .join('; ');
}

/** Checks the learner's pick for `strategy` against a fresh measurement of their own handler. */
async function checkPick(h: CheckHarness, strategy: Strategy): Promise<void> {
  const pick = await readPick(h, strategy);
  const measured = await measure(h);
  h.check(
    measured.length > 0,
    { en: 'the handler to succeed at some memory size', ko: '핸들러가 어느 메모리 크기에서든 성공하는 것' },
    { en: 'it failed at every size', ko: '모든 크기에서 실패했어요' },
  );
  const best = winners(measured, strategy);
  const rule =
    strategy === 'speed'
      ? { en: 'fastest on average, the cheaper on a tie', ko: '평균이 가장 빠르고, 같으면 더 싼 크기' }
      : { en: 'cheapest on average, the faster on a tie', ko: '평균 비용이 가장 싸고, 같으면 더 빠른 크기' };
  h.check(
    best.includes(pick),
    {
      en: `picks.${strategy} = ${best.join(' or ')} MB (${rule.en})`,
      ko: `picks.${strategy} = ${best.join(' 또는 ')} MB (${rule.ko})`,
    },
    {
      en: `picks.${strategy} was ${pick}; measured with {"limit": 10000}: ${table(measured)}`,
      ko: `받은 값: picks.${strategy} = ${pick}. {"limit": 10000}으로 잰 결과: ${table(measured)}`,
    },
  );
}

export const checks: ExerciseChecks = {
  'report-memory': async (h) => {
    for (const memoryMB of [128, 1024, 1769, 10240]) {
      const record = await h.invoke({ event: { limit: 100 }, config: { memorySizeMB: memoryMB } });
      const result = h.object(record);
      h.check(
        result.memoryMB === memoryMB,
        {
          en: `at ${memoryMB} MB, memoryMB to be the number ${memoryMB}`,
          ko: `${memoryMB} MB에서 memoryMB가 숫자 ${memoryMB}인 것`,
        },
        {
          en: `memoryMB was ${JSON.stringify(result.memoryMB)}${typeof result.memoryMB === 'string' ? ' (a string)' : ''}`,
          ko: `받은 값: memoryMB = ${JSON.stringify(result.memoryMB)}${typeof result.memoryMB === 'string' ? ' (문자열)' : ''}`,
        },
      );
    }
  },

  'fast-at-128': async (h) => {
    // 7,919 is the 1,000th prime; the last case (10,000) is a warm invoke, so no INIT in its bill.
    const cases: [number, number][] = [
      [1, 0],
      [2, 1],
      [100, 25],
      [7_919, 1_000],
      [10_000, 1_229],
    ];
    let last: InvocationRecord | undefined;
    for (const [limit, expected] of cases) {
      last = await h.invoke({ event: { limit } });
      const result = h.object(last);
      h.check(
        result.primes === expected,
        { en: `for {"limit": ${limit}}, primes = ${expected}`, ko: `{"limit": ${limit}}에 대해 primes = ${expected}` },
        { en: `primes was ${JSON.stringify(result.primes)}`, ko: `받은 값: primes = ${JSON.stringify(result.primes)}` },
      );
    }
    const report = last!.report;
    h.check(
      report.billedDurationMs <= FAST_BILLED_MS,
      {
        en: `a warm Billed Duration of at most ${FAST_BILLED_MS} ms at 128 MB for {"limit": 10000}`,
        ko: `128 MB에서 {"limit": 10000}의 웜 Billed Duration이 ${FAST_BILLED_MS} ms 이하인 것`,
      },
      {
        en: `Duration ${report.durationMs} ms, Billed Duration ${report.billedDurationMs} ms`,
        ko: `Duration ${report.durationMs} ms, Billed Duration ${report.billedDurationMs} ms가 나왔어요`,
      },
    );
  },

  'speed-pick': (h) => checkPick(h, 'speed'),

  'cost-pick': (h) => checkPick(h, 'cost'),
};
