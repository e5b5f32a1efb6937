/** `coldstart check <lesson> <file>`: a lesson's exercise checks from the terminal (issue 6). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { REPO_ROOT, runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();
const LESSON = join(REPO_ROOT, 'lessons', '02-first-function');
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'course');

/** The learner's copy of a lesson file under another name, as they would save it. */
function learnerFile(from: string, name = 'my-answer.mjs'): string {
  return join(writeFiles(tempDir(), { [name]: readFileSync(from, 'utf8') }), name);
}

interface JsonRun {
  lessonId: string;
  passed: boolean;
  tasks: Array<{
    id: string;
    number: number;
    title: string;
    status: string;
    passed: boolean;
    message: string | null;
    expected: string | null;
    actual: string | null;
    output: Array<{ kind: string; text: string }>;
  }>;
}

describe('coldstart check', () => {
  it('passes every task for the solution (exit 0), whatever the file is called', async () => {
    const r = await runColdstart(['check', '02-first-function', learnerFile(join(LESSON, 'solution.mjs'))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Checking Your first Lambda function (02-first-function)');
    expect(r.stdout).toMatch(/^1\. Greet the caller by name: .*: passed$/m);
    expect(r.stdout).toMatch(/^2\. When the event has no name, greet the world: "Hello, world!": passed$/m);
    expect(r.stdout).toMatch(/^3\. Log the request id .*: passed$/m);
    expect(r.stdout).toContain('3 of 3 tasks passed. Every task passes.');
  });

  it("reports each failed task with what was expected, what happened and the handler's own lines (exit 1)", async () => {
    const r = await runColdstart(['check', 'first-function', learnerFile(join(LESSON, 'starter.mjs'))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^1\. Greet the caller by name: .*: failed$/m);
    expect(r.stdout).toContain('   Expected: for {"name": "Ada"}, the message "Hello, Ada!"');
    expect(r.stdout).toContain('   Got: the message was "You sent key1 = undefined"');
    expect(r.stdout).toContain('   Your output:');
    // The handler's console.log line, indented, as CloudWatch shows it.
    expect(r.stdout).toMatch(/^ {5}\S+Z\t[0-9a-f-]{36}\tINFO\tGot key1: undefined$/m);
    expect(r.stdout).not.toMatch(/^ +(START|END|REPORT) RequestId/m);
    expect(r.stdout).toContain('0 of 3 tasks passed.');
  });

  it('prints the ExerciseRun with --json', async () => {
    const r = await runColdstart([
      'check',
      'lessons/02-first-function',
      learnerFile(join(LESSON, 'starter.mjs')),
      '--json',
    ]);
    expect(r.code).toBe(1);
    const run = JSON.parse(r.stdout) as JsonRun;
    expect(Object.keys(run).sort()).toEqual(['lessonId', 'passed', 'tasks']);
    expect(run.lessonId).toBe('first-function');
    expect(run.passed).toBe(false);
    expect(run.tasks.map((t) => t.id)).toEqual(['greet-by-name', 'default-to-world', 'log-request-id']);
    const [first] = run.tasks;
    expect(Object.keys(first ?? {}).sort()).toEqual([
      'actual',
      'expected',
      'id',
      'message',
      'number',
      'output',
      'passed',
      'status',
      'title',
    ]);
    expect(first).toMatchObject({
      number: 1,
      status: 'failed',
      passed: false,
      expected: 'for {"name": "Ada"}, the message "Hello, Ada!"',
    });
    expect(first?.output.some((l) => l.kind === 'report' && l.text.startsWith('REPORT RequestId: '))).toBe(true);
  });

  it('speaks Korean with --lang ko', async () => {
    const r = await runColdstart([
      'check',
      '02-first-function',
      learnerFile(join(LESSON, 'starter.mjs')),
      '--lang',
      'ko',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^1\. 이름으로 인사하기: .*: 실패$/m);
    expect(r.stdout).toContain('   기대한 결과: ');
    expect(r.stdout).toContain('3개 중 0개 통과.');
  });

  it("shows a timeout as the check's message and the platform's line", async () => {
    const r = await runColdstart([
      'check',
      '04-timeout',
      join(FIXTURES, '04-timeout', 'solution.mjs'),
      '--lessons',
      FIXTURES,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^1\. .*: failed$/m);
    expect(r.stdout).toContain('Task timed out after 1.00 seconds');
  });

  it('finds lessons by folder name or id in --lessons', async () => {
    const r = await runColdstart([
      'check',
      'passes',
      join(FIXTURES, '01-passes', 'solution.mjs'),
      '--lessons',
      FIXTURES,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tasks passed\. Every task passes\.$/m);
  });
});

describe('coldstart check: bad arguments (exit 2)', () => {
  it('lists the lessons when the lesson is unknown', async () => {
    const r = await runColdstart(['check', '02-first-fuction', learnerFile(join(LESSON, 'starter.mjs'))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("coldstart check: unknown lesson '02-first-fuction' (did you mean '02-first-function'?); lessons: ");
    expect(r.stderr).toMatch(/lessons: .*\b02-first-function\b/);
    expect(r.stderr).toContain('Usage: coldstart check <lesson> <file> [options]');
  });

  it('says what is wrong with an invalid lesson', async () => {
    const r = await runColdstart([
      'check',
      '06-bad-metadata',
      learnerFile(join(LESSON, 'starter.mjs')),
      '--lessons',
      FIXTURES,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('coldstart check: the lesson 06-bad-metadata is not valid:');
    expect(r.stderr).toContain('handler: write the handler setting as file.export');
  });

  it('needs the lesson and the file, and the file must exist', async () => {
    const none = await runColdstart(['check']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name the lesson and your handler file');
    const noFile = await runColdstart(['check', '02-first-function']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('name your handler file too, e.g. coldstart check 02-first-function ./index.mjs');
    const missing = await runColdstart(['check', '02-first-function', 'nope.mjs'], { cwd: tempDir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('handler file not found: nope.mjs');
  });

  it('refuses a language other than en and ko', async () => {
    const r = await runColdstart(['check', '02-first-function', 'x.mjs', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--lang must be one of en, ko; got 'fr'");
  });
});
