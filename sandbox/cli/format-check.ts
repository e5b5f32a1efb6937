/**
 * Human output of `coldstart check`, as Exercism shows test results: one numbered line per task
 * with passed or failed, what was expected and what happened, and the handler's own log lines
 * indented beneath; then a summary.
 */
import type { Language } from '../../electron/api/types.ts';
import type { ExerciseRun, TaskResult } from '../course/run-exercise-checks.ts';
import type { Colors } from './colors.ts';

const WORDS = {
  en: {
    passed: 'passed',
    failed: 'failed',
    broken: 'check broken',
    output: 'Your output:',
    summary: (p: number, n: number) => `${p} of ${n} tasks passed.`,
    all: 'Every task passes.',
    checking: 'Checking',
  },
  ko: {
    passed: '통과',
    failed: '실패',
    broken: '검사 오류',
    output: '출력:',
    summary: (p: number, n: number) => `${n}개 중 ${p}개 통과.`,
    all: '모든 과제를 통과했어요.',
    checking: '검사',
  },
} as const;

function statusWord(task: TaskResult, language: Language, c: Colors): string {
  const w = WORDS[language];
  if (task.status === 'passed') return c.green(w.passed);
  return c.red(task.status === 'broken' ? w.broken : w.failed);
}

function taskLines(task: TaskResult, language: Language, c: Colors): string[] {
  const lines = [`${c.bold(`${task.number}.`)} ${task.title}: ${statusWord(task, language, c)}`];
  if (task.message) lines.push(...task.message.split('\n').map((l) => `   ${l}`));
  // The handler's own lines and the platform's failures (timeouts, crashes); not START, END,
  // REPORT or the INIT_START banner, which every invoke has.
  const own = task.output
    .filter((l) => l.kind === 'function' || (l.kind === 'platform' && !l.text.startsWith('INIT_')))
    .map((l) => l.text);
  if (own.length > 0 && !task.passed) {
    lines.push(`   ${c.dim(WORDS[language].output)}`);
    for (const text of own) lines.push(...text.split('\n').map((l) => `     ${c.dim(l)}`));
  }
  return lines;
}

/** The whole report: a heading, each task, and the summary line. */
export function humanCheckRun(
  run: ExerciseRun,
  heading: { lesson: string; file: string },
  language: Language,
  c: Colors,
): string {
  const w = WORDS[language];
  const out = [`${w.checking} ${c.bold(heading.lesson)}: ${heading.file}`, ''];
  for (const task of run.tasks) out.push(...taskLines(task, language, c), '');
  const passed = run.tasks.filter((t) => t.passed).length;
  out.push(
    run.passed
      ? c.green(`${w.summary(passed, run.tasks.length)} ${w.all}`)
      : c.red(w.summary(passed, run.tasks.length)),
  );
  return `${out.join('\n')}\n`;
}
