/**
 * Checks of the pricing lesson's exercise (see exercise.yaml for the tasks). Trusted lesson code:
 * it sends usage to the learner's bill calculator and compares the answer with AWS's worked
 * examples (https://aws.amazon.com/lambda/pricing/) and with the simulator's own invocation
 * records (report.billedDurationMs and costUsd).
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

/** What the calculator returns. */
interface Bill {
  gbSeconds: number;
  requestsUsd: number;
  durationUsd: number;
  totalUsd: number;
}

/** $0.20 per 1M requests (https://aws.amazon.com/lambda/pricing/). */
const REQUEST_USD = 0.2 / 1_000_000;

const FIELDS = ['gbSeconds', 'requestsUsd', 'durationUsd', 'totalUsd'] as const;

/** Invokes the calculator with `usage` and returns its bill, failing unless every field is a number. */
async function bill(h: CheckHarness, usage: Record<string, unknown>): Promise<Bill> {
  const record = await h.invoke({ event: usage });
  const result = h.object(record);
  for (const field of FIELDS) {
    h.check(
      typeof result[field] === 'number' && Number.isFinite(result[field]),
      { en: `a number in "${field}"`, ko: `"${field}"에 숫자` },
      {
        en: `${field} was ${JSON.stringify(result[field])}`,
        ko: `받은 값: ${field} = ${JSON.stringify(result[field])}`,
      },
    );
  }
  return result as unknown as Bill;
}

const usageText = (usage: Record<string, unknown>): string => JSON.stringify(usage);

/** Fails unless `value` is within `tolerance` of `expected`. */
function near(
  h: CheckHarness,
  usage: Record<string, unknown>,
  field: keyof Bill,
  value: number,
  expected: number,
  tolerance: number,
): void {
  h.check(
    Math.abs(value - expected) <= tolerance,
    { en: `for ${usageText(usage)}, ${field} = ${expected}`, ko: `${usageText(usage)}에 대해 ${field} = ${expected}` },
    { en: `${field} was ${value}`, ko: `받은 값: ${field} = ${value}` },
  );
}

/** Fails unless a dollar amount is rounded to cents, as the pricing page shows every line. */
function inCents(h: CheckHarness, field: keyof Bill, value: number): void {
  h.check(
    Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
    {
      en: `${field} rounded to cents, as the pricing page shows each line (e.g. 1.49, not 1.488)`,
      ko: `${field}를 센트 단위로 반올림한 값 (예: 1.488이 아니라 1.49). 요금 페이지도 항목마다 이렇게 보여 줘요`,
    },
    { en: `${field} was ${value}`, ko: `받은 값: ${field} = ${value}` },
  );
}

/** Compares a whole bill, in dollars to the cent. */
async function expectBill(
  h: CheckHarness,
  usage: Record<string, unknown>,
  expected: { requestsUsd: number; durationUsd: number; totalUsd: number },
): Promise<void> {
  const result = await bill(h, usage);
  for (const field of ['requestsUsd', 'durationUsd', 'totalUsd'] as const) {
    inCents(h, field, result[field]);
    near(h, usage, field, result[field], expected[field], 0.005);
  }
}

// AWS's first worked example: 3M requests of 120 ms at 1,536 MB, x86, free tier applied.
const EXAMPLE_1 = { requests: 3_000_000, durationMs: 120, memoryMB: 1536, arch: 'x86_64', freeTier: true };
// AWS's second: 7.44M requests (10,000 x 24 x 31) of 2 s at 1,024 MB, the free tier left out.
const EXAMPLE_2 = { requests: 7_440_000, durationMs: 2000, memoryMB: 1024, arch: 'x86_64', freeTier: false };

export const checks: ExerciseChecks = {
  'billed-gb-seconds': async (h) => {
    const cases: [Record<string, unknown>, number][] = [
      [EXAMPLE_1, 540_000], // 3M x 0.120 s x 1.5 GB
      // 120.2 ms bills 121 ms (1 ms steps, rounded up): 1M x 0.121 s x 0.125 GB.
      [{ requests: 1_000_000, durationMs: 120.2, memoryMB: 128, arch: 'x86_64', freeTier: true }, 15_125],
      // 27.4 ms bills 28 ms, not 100 ms: 60M x 0.028 s x 1 GB.
      [{ requests: 60_000_000, durationMs: 27.4, memoryMB: 1024, arch: 'x86_64', freeTier: true }, 1_680_000],
    ];
    for (const [usage, expected] of cases) {
      const result = await bill(h, usage);
      near(h, usage, 'gbSeconds', result.gbSeconds, expected, 1e-6 * expected);
    }
  },

  'free-tier': async (h) => {
    await expectBill(h, EXAMPLE_1, { requestsUsd: 0.4, durationUsd: 2.33, totalUsd: 2.73 });
    // A quiet month stays inside the free tier: 500,000 x 0.2 s x 0.5 GB = 50,000 GB-s.
    await expectBill(
      h,
      { requests: 500_000, durationMs: 200, memoryMB: 512, arch: 'x86_64', freeTier: true },
      { requestsUsd: 0, durationUsd: 0, totalUsd: 0 },
    );
  },

  'no-free-tier': async (h) => {
    await expectBill(h, EXAMPLE_2, { requestsUsd: 1.49, durationUsd: 248, totalUsd: 249.49 });
    await expectBill(h, { ...EXAMPLE_1, freeTier: false }, { requestsUsd: 0.6, durationUsd: 9, totalUsd: 9.6 });
  },

  'arm64-price': async (h) => {
    // 140,000 GB-s x $0.0000133334 = $1.87; requests cost the same on both architectures.
    await expectBill(h, { ...EXAMPLE_1, arch: 'arm64' }, { requestsUsd: 0.4, durationUsd: 1.87, totalUsd: 2.27 });
    // 14.88M GB-s x $0.0000133334 = $198.40.
    await expectBill(h, { ...EXAMPLE_2, arch: 'arm64' }, { requestsUsd: 1.49, durationUsd: 198.4, totalUsd: 199.89 });
  },

  'init-billed': async (h) => {
    // Two real invokes at 1,536 MB on arm64: the first is a cold start, the second warm.
    const config = { memorySizeMB: 1536, architecture: 'arm64' as const };
    const cold = await h.invoke({ event: {}, config });
    const warm = await h.invoke({ event: {}, config });
    for (const record of [cold, warm]) {
      if (!record.ok)
        h.fail({ en: 'the handler to return a bill', ko: '핸들러가 요금을 반환하는 것' }, h.describe(record));
    }
    const samples = [
      {
        record: cold,
        label: { en: 'cold', ko: '콜드' },
        coldStarts: 1_000_000,
        initMs: cold.report.initDurationMs ?? 0,
      },
      { record: warm, label: { en: 'warm', ko: '웜' }, coldStarts: 0, initMs: 0 },
    ];
    for (const { record, label, coldStarts, initMs } of samples) {
      const { durationMs, billedDurationMs } = record.report;
      const usage = {
        requests: 1_000_000,
        durationMs,
        memoryMB: 1536,
        arch: 'arm64',
        freeTier: false,
        coldStarts,
        initMs,
      };
      const result = await bill(h, usage);
      // Lambda rounds Duration + Init Duration up to 1 ms after removing float noise; a plain
      // Math.ceil(durationMs + initMs) can land 1 ms higher when the sum is a whole number. Both count.
      const billedOptions = [...new Set([billedDurationMs, Math.max(1, Math.ceil(durationMs + initMs))])];
      const perMsUsd = (record.costUsd - REQUEST_USD) / billedDurationMs; // one invoke, per billed ms
      const matches = billedOptions.some((billed) => {
        const gbSeconds = 1_000_000 * (billed / 1000) * (1536 / 1024);
        const totalUsd = 1_000_000 * (REQUEST_USD + billed * perMsUsd);
        return (
          Math.abs(result.gbSeconds - gbSeconds) <= 1e-6 * gbSeconds && Math.abs(result.totalUsd - totalUsd) <= 0.01
        );
      });
      const gbSeconds = 1_000_000 * (billedDurationMs / 1000) * (1536 / 1024);
      const expectedUsd = record.costUsd * 1_000_000;
      const report = `Duration ${durationMs} ms${coldStarts ? `, Init Duration ${initMs} ms` : ''}, Billed Duration ${billedDurationMs} ms`;
      h.check(
        matches,
        {
          en: `a million ${label.en} invokes like this one (REPORT: ${report}, cost $${record.costUsd}) to bill ${gbSeconds} GB-s and about $${expectedUsd.toFixed(2)}`,
          ko: `이번 ${label.ko} 호출(REPORT: ${report}, 비용 $${record.costUsd})을 백만 번 하면 ${gbSeconds} GB-s, 약 $${expectedUsd.toFixed(2)}가 청구되는 것`,
        },
        {
          en: `for ${usageText(usage)} the bill said gbSeconds ${result.gbSeconds}, totalUsd ${result.totalUsd}`,
          ko: `${usageText(usage)}의 계산 결과: gbSeconds ${result.gbSeconds}, totalUsd ${result.totalUsd}`,
        },
      );
    }
  },
};
