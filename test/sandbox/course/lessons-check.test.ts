/**
 * The content checker (`npm run lessons:check`) against the fixture course, one lesson per
 * outcome, and against broken copies of the passing lesson; plus the script's output and exit code.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse, type CourseReport } from '../../../sandbox/course/check-course.ts';
import { formatProblem } from '../../../sandbox/course/load-lesson.ts';
import { createLambdaHost } from '../../../sandbox/runtime/lambda-host.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const COURSE = fileURLToPath(new URL('../../fixtures/course', import.meta.url));
const LESSONS = fileURLToPath(new URL('../../../lessons', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../../scripts/lessons-check.ts', import.meta.url));
const PROJECT_NODE = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));
const NODE = existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;
const tempDir = useTempDirs();
const host = createLambdaHost();
afterAll(() => host.dispose());

const problemsOf = (report: CourseReport, folder: string): string[] =>
  report.lessons.find((l) => l.folder === folder)?.problems.map(formatProblem) ?? ['(no such lesson)'];

/** A course holding copies of the given fixture lessons. */
function courseWith(...folders: string[]): string {
  const root = join(tempDir(), 'course');
  for (const folder of folders) cpSync(join(COURSE, folder), join(root, folder), { recursive: true });
  return root;
}

describe('the fixture course', () => {
  let report: CourseReport;
  beforeAll(async () => {
    report = await checkCourse(COURSE, { host });
  }, 60_000);

  it('passes the lesson whose starter fails and whose solution passes', () => {
    expect(problemsOf(report, '01-passes')).toEqual([]);
    expect(report.lessons[0]).toMatchObject({ id: 'passes', tasks: 2, questions: 6 });
    expect(report.ok).toBe(false);
  });

  it('names the task a solution fails, with what was expected and what happened', () => {
    expect(problemsOf(report, '02-fails')).toEqual([
      'course/02-fails/solution.mjs: fails task 2 "log-name": Expected: a log line "Ada"; Got: the handler logged []',
    ]);
  });

  it('reports a solution with a syntax error, one that times out and one that runs out of memory', () => {
    expect(problemsOf(report, '03-syntax-error')[0]).toMatch(
      /^course\/03-syntax-error\/solution\.mjs: fails task 1 "greet-by-name": .*Runtime\.UserCodeSyntaxError/,
    );
    expect(problemsOf(report, '04-timeout')[0]).toMatch(/fails task 1 .*Task timed out after 1\.00 seconds/);
    expect(problemsOf(report, '05-out-of-memory')[0]).toMatch(/fails task 1 .*ran out of memory at 128 MB/);
  });

  it('lists every metadata problem by file and field', () => {
    expect(problemsOf(report, '06-bad-metadata')).toEqual([
      'course/06-bad-metadata/lesson.yaml: id: use lowercase letters, digits and dashes (at most 64)',
      'course/06-bad-metadata/lesson.yaml: handler: write the handler setting as file.export, e.g. index.handler',
      'course/06-bad-metadata/quiz.yaml: questions[0].answer: "c" is not one of the choice ids (a, b)',
      'course/06-bad-metadata/quiz.yaml: questions[1].ask.invoke: asks about invoke 3 but only 1 event(s) are listed',
      'course/06-bad-metadata/quiz.yaml: questions[2].kind: kind must be one of single, multiple, truefalse, numeric, predict',
      'course/06-bad-metadata/exercise.yaml: tasks[0].title.ko: the Korean text is missing',
      'course/06-bad-metadata/exercise.yaml: tasks[0].hints: give every task at least one hint',
    ]);
  });

  it('passes a lesson whose checks play scenario files it ships (scenarios/ and *.scenario.yaml)', () => {
    expect(problemsOf(report, '07-scenario')).toEqual([]);
  });

  it('passes Korean code laid out differently, and names the first line where a Korean variant is another program', () => {
    // 01-passes' solution.ko.mjs has its own comments, line breaks and trailing comma: the same program.
    expect(problemsOf(report, '01-passes')).toEqual([]);
    expect(problemsOf(report, '08-code-differs')).toEqual([
      "course/08-code-differs/starter.ko.mjs: is not the same program as starter.mjs (only comments and whitespace may differ); the first difference is on line 3 `export const handler = async (event) => ({ message: '할 일' });`, where starter.mjs has line 1 `export const handler = async (event) => ({ message: 'TODO' });`",
    ]);
  });

  it('reports a missing Korean starter and solution', () => {
    expect(problemsOf(report, '09-code-missing')).toEqual([
      'course/09-code-missing/starter.ko.mjs: the file is missing: the Korean variant of starter.mjs, the same code with comments written for Korean learners',
      'course/09-code-missing/solution.ko.mjs: the file is missing: the Korean variant of solution.mjs, the same code with comments written for Korean learners',
    ]);
  });
});

describe('content rules on copies of the passing lesson', () => {
  it('finds a starter that already passes, a wrong predict key, stray files and translations that differ', async () => {
    const root = courseWith('01-passes');
    const dir = join(root, '01-passes');
    cpSync(join(dir, 'solution.mjs'), join(dir, 'starter.mjs'));
    cpSync(join(dir, 'solution.ko.mjs'), join(dir, 'starter.ko.mjs'));
    writeFileSync(
      join(dir, 'quiz.yaml'),
      readFileSync(join(dir, 'quiz.yaml'), 'utf8').replace(`answer: '{"count": 3}'`, `answer: '{"count": 1}'`),
    );
    writeFileSync(join(dir, 'notes.txt'), 'todo');
    appendFileSync(join(dir, 'index.ko.md'), '\n## 덧붙인 절\n\n```js\nx\n```\n');
    const report = await checkCourse(root, { host });
    expect(problemsOf(report, '01-passes')).toEqual([
      'course/01-passes/index.ko.md: has 2 "## " heading(s) but index.en.md has 1; the translations must have the same sections',
      'course/01-passes/index.ko.md: has 2 code block(s) but index.en.md has 1; the translations must show the same code',
      'course/01-passes/notes.txt: is not a lesson file (allowed: lesson.yaml, index.en.md, index.ko.md, quiz.yaml, exercise.yaml, checks.ts, starter.mjs, starter.ko.mjs, solution.mjs, solution.ko.mjs, scenarios/, *.scenario.yaml); remove it or move it out of the lesson',
      'course/01-passes/starter.mjs: passes every task: a starter must leave work to do',
      'course/01-passes/quiz.yaml: questions[4].answer: "{\\"count\\": 1}" does not match what invoke 3 really returns: "{\\"count\\":3}"',
    ]);
  });

  it('says where a Korean variant goes on, stops early or does not parse', async () => {
    const root = courseWith('01-passes', '07-scenario');
    const passes = join(root, '01-passes');
    appendFileSync(join(passes, 'solution.ko.mjs'), "console.log('번역하다 남은 줄');\n");
    writeFileSync(
      join(passes, 'starter.ko.mjs'),
      '// 할 일\nexport const handler = async (event) => ({ message: "TODO" ;\n',
    );
    const scenario = join(root, '07-scenario', 'solution.ko.mjs');
    const lines = readFileSync(scenario, 'utf8').split('\n');
    // Leaves out the log line: where solution.mjs logs (its line 8), the Korean one closes the loop.
    writeFileSync(scenario, lines.filter((line) => !line.includes('console.log')).join('\n'));
    // Stops before the handler: the English file goes on.
    const starter = join(root, '07-scenario', 'starter.ko.mjs');
    writeFileSync(starter, readFileSync(starter, 'utf8').replace(/export const handler[^]*$/, ''));
    const report = await checkCourse(root, { host });
    expect(problemsOf(report, '01-passes')).toEqual([
      'course/01-passes/starter.ko.mjs: is not the same program as starter.mjs (only comments and whitespace may differ); it does not parse: Expected "}" but found ";" (line 2)',
      "course/01-passes/solution.ko.mjs: is not the same program as solution.mjs (only comments and whitespace may differ); line 8 `console.log('번역하다 남은 줄');` is not in solution.mjs, which ends before it",
    ]);
    expect(problemsOf(report, '07-scenario')).toEqual([
      'course/07-scenario/starter.ko.mjs: is not the same program as starter.mjs (only comments and whitespace may differ); it ends where starter.mjs goes on at line 3 `export const handler = async (event) => {`',
      'course/07-scenario/solution.ko.mjs: is not the same program as solution.mjs (only comments and whitespace may differ); the first difference is on line 9 `}`, where solution.mjs has line 8 `console.log(`copied ${copy}`);`',
    ]);
  });

  it('finds checks for tasks that do not exist and a check that throws', async () => {
    const root = courseWith('01-passes');
    const checks = join(root, '01-passes', 'checks.ts');
    writeFileSync(
      checks,
      readFileSync(checks, 'utf8').replace(
        "  'log-name': async (h) => {",
        "  'renamed-task': async () => {},\n  'log-name': async (h) => {\n    if (h.language === 'en') throw new TypeError('oops');",
      ),
    );
    const report = await checkCourse(root, { host });
    expect(problemsOf(report, '01-passes')).toEqual([
      'course/01-passes/checks.ts: has a check for "renamed-task", which is not a task in exercise.yaml (greet-by-name, log-name)',
      'course/01-passes/checks.ts: task 2 "log-name": The check itself failed (a problem in the lesson, not in your code): TypeError: oops',
      'course/01-passes/checks.ts: task 2 "log-name" (with the starter): The check itself failed (a problem in the lesson, not in your code): TypeError: oops',
    ]);
  });

  it('finds scenario files that do not validate or cannot be played, and strays in scenarios/', async () => {
    const root = courseWith('07-scenario');
    const dir = join(root, '07-scenario');
    const upload = join(dir, 'scenarios', 'upload.yaml');
    writeFileSync(upload, readFileSync(upload, 'utf8').replace('bucket: fixture-in,', 'bucket: nowhere,'));
    const two = join(dir, 'two.scenario.yaml');
    writeFileSync(two, readFileSync(two, 'utf8').replaceAll('fixture-in', 'in'));
    writeFileSync(join(dir, 'scenarios', 'notes.txt'), 'todo');
    const report = await checkCourse(root, { host });
    expect(problemsOf(report, '07-scenario')).toEqual([
      'course/07-scenario/scenarios/notes.txt: is not a scenario (.yaml, .yml, .json) or a handler file a scenario names (.mjs, .cjs, .js, .ts); remove it',
      "course/07-scenario/scenarios/upload.yaml: triggers.0.bucket: no bucket named 'nowhere' in resources.buckets",
      'course/07-scenario/two.scenario.yaml: cannot be played: resources.buckets.in: InvalidBucketName: The specified bucket is not valid.',
      // The checks cannot play the broken scenarios either: a lesson bug, so the tasks are broken.
      expect.stringMatching(
        /^course\/07-scenario\/checks\.ts: task 1 "copy-decoded-key": The check itself failed .*no bucket named 'nowhere'/,
      ),
      expect.stringMatching(
        /^course\/07-scenario\/checks\.ts: task 2 "log-copies": The check itself failed .*InvalidBucketName/,
      ),
      expect.stringMatching(/^course\/07-scenario\/checks\.ts: task 1 "copy-decoded-key" \(with the starter\)/),
      expect.stringMatching(/^course\/07-scenario\/checks\.ts: task 2 "log-copies" \(with the starter\)/),
    ]);
  });

  it('passes the real course in lessons/', async () => {
    const report = await checkCourse(LESSONS, { host });
    expect(report.lessons.flatMap((l) => l.problems).map(formatProblem)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe('scripts/lessons-check.ts', () => {
  const runScript = (dir: string) => spawnSync(NODE, [SCRIPT, dir], { encoding: 'utf8', timeout: 60_000 });

  it('prints ok and exits 0 for a good course', () => {
    const result = runScript(courseWith('01-passes'));
    expect(result.stdout).toBe('ok   01-passes (passes): 2 task(s), 6 question(s)\n1 lesson(s) checked, all ok\n');
    expect(result.status).toBe(0);
  });

  it('lists the problems per lesson and exits 1', () => {
    const result = runScript(courseWith('01-passes', '06-bad-metadata'));
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('ok   01-passes (passes): 2 task(s), 6 question(s)');
    expect(lines[1]).toBe('FAIL 06-bad-metadata: 7 problem(s)');
    expect(lines[2]).toBe(
      '  - course/06-bad-metadata/lesson.yaml: id: use lowercase letters, digits and dashes (at most 64)',
    );
    expect(lines.at(-1)).toBe('2 lesson(s) checked, 1 with problems');
    expect(result.status).toBe(1);
  });

  it('exits 2 for a folder that does not exist', () => {
    const result = runScript(join(tempDir(), 'nowhere'));
    expect(result.stderr).toMatch(/no such folder/);
    expect(result.status).toBe(2);
  });
});
