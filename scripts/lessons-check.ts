/**
 * `npm run lessons:check [dir]`: validates every lesson (default: lessons/ in this repository) and
 * prints the problems per lesson. Exit code 1 when there is any problem, 2 when it cannot run.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCourse, type CourseReport } from '../sandbox/course/check-course.ts';
import { formatProblem } from '../sandbox/course/load-lesson.ts';

/** The report as plain lines: one header per lesson, its problems indented below. */
export function formatReport(report: CourseReport): string[] {
  const lines: string[] = [];
  for (const lesson of report.lessons) {
    const name = lesson.id ? `${lesson.folder} (${lesson.id})` : lesson.folder;
    if (lesson.problems.length === 0) {
      lines.push(`ok   ${name}: ${lesson.tasks} task(s), ${lesson.questions} question(s)`);
    } else {
      lines.push(`FAIL ${name}: ${lesson.problems.length} problem(s)`);
      for (const problem of lesson.problems) lines.push(`  - ${formatProblem(problem)}`);
    }
  }
  if (report.general.length > 0) {
    lines.push(`FAIL outside the lessons: ${report.general.length} problem(s)`);
    for (const problem of report.general) lines.push(`  - ${formatProblem(problem)}`);
  }
  const failing = report.lessons.filter((l) => l.problems.length > 0).length;
  lines.push(
    report.ok
      ? `${report.lessons.length} lesson(s) checked, all ok`
      : `${report.lessons.length} lesson(s) checked, ${failing} with problems`,
  );
  return lines;
}

async function main(): Promise<number> {
  const dir = resolve(process.argv[2] ?? fileURLToPath(new URL('../lessons', import.meta.url)));
  if (!existsSync(dir)) {
    console.error(`lessons:check: no such folder: ${dir}`);
    return 2;
  }
  const report = await checkCourse(dir);
  console.log(formatReport(report).join('\n'));
  return report.ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
