/**
 * The checks runner against the fixture course (one lesson per outcome) and the real lesson 01:
 * per-task results with what was expected and what happened, and the handler's own output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExerciseChecksError, runExerciseChecks } from '../../../sandbox/course/run-exercise-checks.ts';
import { createLambdaHost } from '../../../sandbox/runtime/lambda-host.ts';

const COURSE = fileURLToPath(new URL('../../fixtures/course', import.meta.url));
const LESSONS = fileURLToPath(new URL('../../../lessons', import.meta.url));
const OLD_FIXTURES = fileURLToPath(new URL('../../fixtures/lessons', import.meta.url));
const host = createLambdaHost();
afterAll(() => host.dispose());

/** The file `name` of fixture lesson `folder`, as the learner's index.mjs. */
const learnerFile = (dir: string, name: string) => [{ path: 'index.mjs', code: readFileSync(join(dir, name), 'utf8') }];
const run = (folder: string, file: string, language: 'en' | 'ko' = 'en') =>
  runExerciseChecks(join(COURSE, folder), learnerFile(join(COURSE, folder), file), { host, language });

describe('runExerciseChecks on the fixture course', () => {
  it('passes every task for a right answer, with the handler output per task', async () => {
    const result = await run('01-passes', 'solution.mjs');
    expect(result).toMatchObject({ lessonId: 'passes', passed: true });
    expect(result.tasks.map((t) => [t.number, t.id, t.status, t.message])).toEqual([
      [1, 'greet-by-name', 'passed', null],
      [2, 'log-name', 'passed', null],
    ]);
    const output = result.tasks[1]?.output ?? [];
    expect(output.map((l) => l.kind)).toEqual(['platform', 'start', 'function', 'end', 'report']);
    expect(output.find((l) => l.kind === 'function')?.text).toMatch(/\tINFO\tAda$/);
  });

  it('fails the starter, saying what was expected and what happened', async () => {
    const result = await run('01-passes', 'starter.mjs');
    expect(result.passed).toBe(false);
    expect(result.tasks[0]).toMatchObject({
      status: 'failed',
      expected: 'the message "Hello, Ada!"',
      actual: 'it returned {"message":"TODO"}',
      message: 'Expected: the message "Hello, Ada!"\nGot: it returned {"message":"TODO"}',
    });
  });

  it('speaks Korean when asked', async () => {
    const result = await run('01-passes', 'starter.mjs', 'ko');
    expect(result.tasks[0]?.title).toBe('{"message": "Hello, <name>!"}를 반환해요');
    expect(result.tasks[1]?.message).toBe('기대한 결과: "Ada" 로그 줄\n실제 결과: 핸들러가 남긴 로그: []');
  });

  it('fails one task of a partly right answer and passes the other', async () => {
    const result = await run('02-fails', 'solution.mjs');
    expect(result.tasks.map((t) => t.status)).toEqual(['passed', 'failed']);
    expect(result.tasks[1]?.actual).toBe('the handler logged []');
  });

  it('reports a syntax error as Lambda does', async () => {
    const result = await run('03-syntax-error', 'solution.mjs');
    expect(result.tasks[0]?.status).toBe('failed');
    expect(result.tasks[0]?.actual).toMatch(/^it failed with Runtime\.UserCodeSyntaxError: SyntaxError/);
  });

  it('reports a timeout with the configured limit', async () => {
    const result = await run('04-timeout', 'solution.mjs');
    expect(result.tasks[0]?.actual).toMatch(/^it timed out \(.*Task timed out after 1\.00 seconds\)$/);
  });

  it('reports running out of memory', { timeout: 60_000 }, async () => {
    const lesson = join(COURSE, '05-out-of-memory');
    const result = await runExerciseChecks(lesson, learnerFile(lesson, 'solution.mjs'), {
      host,
      taskIds: ['greet-by-name'],
    });
    expect(result.tasks).toHaveLength(1);
    expect(result.tasks[0]?.actual).toBe('it ran out of memory at 128 MB (Runtime.OutOfMemory)');
  });

  it('refuses a lesson without an exercise', async () => {
    await expect(runExerciseChecks(join(OLD_FIXTURES, '01-valid-lesson'), [], { host })).rejects.toThrow(
      ExerciseChecksError,
    );
  });
});

describe('lesson 01 "Your first Lambda function"', () => {
  const dir = join(LESSONS, '02-first-function');

  it('fails all three tasks with the starter', async () => {
    const result = await runExerciseChecks(dir, learnerFile(dir, 'starter.mjs'), { host });
    expect(result.tasks.map((t) => [t.id, t.status])).toEqual([
      ['greet-by-name', 'failed'],
      ['default-to-world', 'failed'],
      ['log-request-id', 'failed'],
    ]);
    expect(result.tasks[0]?.actual).toBe('the message was "You sent key1 = undefined"');
  });

  it('passes all three with the solution, task by task', async () => {
    const result = await runExerciseChecks(dir, learnerFile(dir, 'solution.mjs'), { host });
    expect(result.passed).toBe(true);
    const greetOnly = `export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ message: \`Hello, \${event.name ?? 'world'}!\` }) });`;
    const partial = await runExerciseChecks(dir, [{ path: 'index.mjs', code: greetOnly }], { host });
    expect(partial.tasks.map((t) => t.status)).toEqual(['passed', 'passed', 'failed']);
    expect(partial.tasks[2]?.actual).toBe('the handler logged nothing');
  });
});
