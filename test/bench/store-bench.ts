/**
 * Figures for the progress store and the checks runner (issue 6 targets): p99 of saving an answer
 * and a draft (<= 5 ms), opening a store with 10,000 attempts (<= 100 ms), and running a lesson's
 * checks with 5 tasks (<= 200 ms, warm simulator). Printed, never asserted: the machine is shared.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProgressStore } from '../../electron/store/progress-store.ts';
import { runExerciseChecks } from '../../sandbox/course/run-exercise-checks.ts';
import { createLambdaHost } from '../../sandbox/runtime/lambda-host.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/course/01-passes', import.meta.url));

const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const median = (samples: number[]) => percentile(samples, 50);
const time = (fn: () => void): number => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const verdict = (ms: number, target: number) =>
  ms <= target ? `ok, target <= ${target} ms` : `OVER the ${target} ms target`;

/** A lesson with 5 tasks, each one invoke of the learner's code. */
function fiveTaskLesson(dir: string): string {
  const lesson = join(dir, '01-bench');
  cpSync(FIXTURE, lesson, { recursive: true });
  const ids = ['one', 'two', 'three', 'four', 'five'];
  writeFileSync(
    join(lesson, 'exercise.yaml'),
    `tasks:\n${ids.map((id) => `  - id: ${id}\n    title: { en: Task ${id}, ko: 과제 ${id} }\n    hints:\n      - { en: Hint, ko: 힌트 }\n`).join('')}`,
  );
  writeFileSync(
    join(lesson, 'checks.ts'),
    `export const checks = {\n${ids
      .map(
        (id) =>
          `  '${id}': async (h) => { const r = await h.invoke({ event: { name: 'Ada' } }); h.check(h.object(r).message === 'Hello, Ada!', 'greeting', () => h.describe(r)); },`,
      )
      .join('\n')}\n};\n`,
  );
  return lesson;
}

/** Runs the store and checks benchmarks; returns one line per figure. */
export async function runStoreBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'coldstart-bench-'));
  const lines: string[] = [];
  try {
    const path = join(dir, 'coldstart.db');
    const store = openProgressStore(path);
    const code = readFileSync(join(FIXTURE, 'solution.mjs'), 'utf8').repeat(20);
    const answers: number[] = [];
    const drafts: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      answers.push(
        time(() =>
          store.recordAnswer({
            lessonId: `lesson-${i % 20}`,
            questionId: `q-${i % 50}`,
            answer: { kind: 'numeric', value: i },
            correct: i % 3 === 0,
          }),
        ),
      );
      drafts.push(time(() => store.saveDraft(`lesson-${i % 20}`, `${code}\n// ${i}`, '{"name":"Ada"}')));
    }
    lines.push(
      `store: save an answer p99 ${fmt(percentile(answers, 99))} (median ${fmt(median(answers))}; ${verdict(percentile(answers, 99), 5)})`,
    );
    lines.push(
      `store: save a draft p99 ${fmt(percentile(drafts, 99))} (median ${fmt(median(drafts))}; ${verdict(percentile(drafts, 99), 5)})`,
    );

    // Fill to 10,000 attempts (answers plus exercise attempts with code), then time opening it.
    store.resetAll();
    for (let i = 0; i < 8_000; i++) {
      store.recordAnswer({
        lessonId: `lesson-${i % 20}`,
        questionId: `q-${i % 50}`,
        answer: { kind: 'single', choiceId: 'a' },
        correct: i % 2 === 0,
      });
    }
    for (let i = 0; i < 2_000; i++) {
      store.recordExerciseAttempt(`lesson-${i % 20}`, code, [{ taskId: 'one', passed: i % 2 === 0, message: null }]);
    }
    store.close();
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      opens.push(
        time(() => {
          const s = openProgressStore(path);
          s.dashboard();
          s.close();
        }),
      );
    }
    lines.push(
      `store: open with 10,000 attempts and read the dashboard, median of 5 ${fmt(median(opens))} (${verdict(median(opens), 100)})`,
    );

    const lesson = fiveTaskLesson(dir);
    const files = [{ path: 'index.mjs', code: readFileSync(join(FIXTURE, 'solution.mjs'), 'utf8') }];
    const host = createLambdaHost();
    try {
      await runExerciseChecks(lesson, files, { host }); // warm the worker and QuickJS
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        const result = await runExerciseChecks(lesson, files, { host });
        runs.push(performance.now() - start);
        if (!result.passed) throw new Error('the bench lesson should pass');
      }
      lines.push(
        `checks: a lesson with 5 tasks (each a cold start), median of 5 ${fmt(median(runs))} (${verdict(median(runs), 200)})`,
      );
    } finally {
      await host.dispose();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of await runStoreBench()) console.log(line);
}
