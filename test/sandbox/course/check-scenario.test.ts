/**
 * `h.scenario()`: a check plays a scenario file its lesson ships with the learner's code as one of
 * the scenario's functions (fixture lesson 07-scenario), in-process or through a runner such as the
 * app's scenario worker; the task's output is that function's CloudWatch lines; the readers answer
 * the questions checks ask (what ran, what is in a bucket or queue, where failed events went).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareScenario, SCENARIO_TOO_SLOW, type ScenarioTextInput } from '../../../sandbox/course/check-scenario.ts';
import { loadLesson } from '../../../sandbox/course/load-lesson.ts';
import { runExerciseChecks, type RunChecksOptions } from '../../../sandbox/course/run-exercise-checks.ts';
import { toScenarioRun } from '../../../sandbox/course/scenario-run.ts';
import { createLambdaHost } from '../../../sandbox/runtime/lambda-host.ts';
import { loadScenario, loadScenarioData } from '../../../sandbox/scenario/load-scenario.ts';
import { runScenario } from '../../../sandbox/scenario/run-scenario.ts';

const LESSON = fileURLToPath(new URL('../../fixtures/course/07-scenario', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../sandbox/scenario/examples', import.meta.url));
const host = createLambdaHost();
afterAll(() => host.dispose());

const learner = (name: string) => [{ path: 'index.mjs', code: readFileSync(join(LESSON, name), 'utf8') }];
/** Task 1 only ("copy-decoded-key"), with the learner's `file` and the given options. */
const firstTask = (file: string, options: Partial<RunChecksOptions>) =>
  runExerciseChecks(LESSON, learner(file), { host, taskIds: ['copy-decoded-key'], ...options });

describe('h.scenario in a lesson check', () => {
  it("passes the solution, with the learner's function's CloudWatch lines as the task output", async () => {
    const run = await runExerciseChecks(LESSON, learner('solution.mjs'), { host });
    expect(run.tasks.map((t) => [t.id, t.status])).toEqual([
      ['copy-decoded-key', 'passed'],
      ['log-copies', 'passed'],
    ]);
    const first = run.tasks[0]!.output;
    expect(first.map((l) => l.kind)).toEqual(['platform', 'start', 'function', 'end', 'report']);
    expect(first[2]!.text).toMatch(/\tINFO\tcopied copies\/my cat\.jpg$/);
    // The scenario's other function (audit) is lesson code: its lines are not the learner's output.
    const second = run.tasks[1]!.output.map((l) => l.text).join('\n');
    expect(second).toContain('copied copies/a.txt');
    expect(second).not.toContain('audit');
  });

  it('fails the starter saying what the account holds and how the function fared', async () => {
    const run = await runExerciseChecks(LESSON, learner('starter.mjs'), { host });
    expect(run.tasks[0]).toMatchObject({
      status: 'failed',
      expected: 'copies/my cat.jpg in the fixture-out bucket',
      actual: 'the fixture-out bucket holds ["copies/my+cat.jpg"]; copier ran 1 time(s): 1 succeeded, 0 failed',
    });
    const ko = await firstTask('starter.mjs', { language: 'ko' });
    expect(ko.tasks[0]!.actual).toBe(
      'fixture-out 버킷에 ["copies/my+cat.jpg"]가 있어요. copier 함수가 1번 실행됐어요: 성공 1번, 실패 0번',
    );
  });

  it("hands a runner the scenario as text with the learner's code in place of the function", async () => {
    const inputs: ScenarioTextInput[] = [];
    const runner = {
      run: (input: ScenarioTextInput) => {
        inputs.push(input);
        return runScenario(loadScenarioData(JSON.parse(input.text), input.label, input.baseDir));
      },
    };
    const run = await runExerciseChecks(LESSON, learner('solution.mjs'), { host, scenarioRunner: runner });
    expect(run.passed).toBe(true);
    expect(inputs.map((i) => [i.label, i.baseDir])).toEqual([
      ['07-scenario/scenarios/upload.yaml', join(LESSON, 'scenarios')],
      ['07-scenario/two.scenario.yaml', LESSON],
    ]);
    const sent = JSON.parse(inputs[1]!.text) as { functions: Record<string, Record<string, unknown>> };
    expect(sent.functions.copier).toEqual({
      files: { 'index.mjs': readFileSync(join(LESSON, 'solution.mjs'), 'utf8') },
      handler: 'index.handler',
      config: { environment: {} },
    });
    expect(sent.functions.audit).toEqual({ file: 'scenarios/helper.mjs' });
  });

  it('fails the task when the runner stopped a slow run, and breaks the check when the run itself failed', async () => {
    const stopped = Object.assign(new Error('The scenario ran longer than 60 s and was stopped'), {
      name: SCENARIO_TOO_SLOW,
    });
    const slow = await firstTask('solution.mjs', { scenarioRunner: { run: () => Promise.reject(stopped) } });
    expect(slow.tasks[0]).toMatchObject({
      status: 'failed',
      expected: 'the scenario 07-scenario/scenarios/upload.yaml to run to its end',
      actual: 'it was stopped: The scenario ran longer than 60 s and was stopped',
    });
    const crashed = await firstTask('solution.mjs', {
      scenarioRunner: { run: () => Promise.reject(new Error('InvalidBucketName')) },
    });
    expect(crashed.tasks[0]?.status).toBe('broken');
  });
});

describe('prepareScenario', () => {
  const lesson = loadLesson(LESSON);
  const files = learner('solution.mjs');

  it('takes the only function by default and merges configuration changes into the file', () => {
    const prepared = prepareScenario(lesson, './scenarios/upload.yaml', files, {
      config: { timeoutSeconds: 5, environment: { STAGE: 'test' } },
    });
    expect(prepared.functionName).toBe('copier');
    const copier = prepared.loaded.functions.find((f) => f.name === 'copier')!;
    expect(copier.files).toEqual(files);
    expect(copier.config).toMatchObject({
      handler: 'index.handler',
      timeoutSeconds: 5,
      environment: { STAGE: 'test' },
    });
  });

  it('refuses, as a lesson bug, a file that is not a scenario of the lesson and a function it does not have', () => {
    expect(() => prepareScenario(lesson, 'scenarios/missing.yaml', files)).toThrow(
      'h.scenario("scenarios/missing.yaml"): not a scenario file of the lesson 07-scenario (it has scenarios/upload.yaml, two.scenario.yaml)',
    );
    expect(() => prepareScenario(lesson, '../01-passes/lesson.yaml', files)).toThrow(/not a scenario file/);
    expect(() => prepareScenario(lesson, 'two.scenario.yaml', files)).toThrow(
      'h.scenario("two.scenario.yaml"): name the function that runs the learner’s code with { function } (functions: copier, audit)',
    );
    expect(() => prepareScenario(lesson, 'two.scenario.yaml', files, { function: 'nope' })).toThrow(
      'no function named "nope" (functions: copier, audit)',
    );
  });
});

describe('reading a scenario run', () => {
  it('finds retries, the dead-letter queue and the refused invocations of a function', async () => {
    const run = toScenarioRun(await runScenario(loadScenario(join(EXAMPLES, 'async-dlq.yaml'))), 'resize');
    expect(run.invocations().map((i) => [i.attempt, i.ok, i.error])).toEqual([
      [1, false, 'Error: cannot decode broken.png'],
      [2, false, 'Error: cannot decode broken.png'],
      [3, false, 'Error: cannot decode broken.png'],
    ]);
    expect(run.invocations()[0]!.event).toMatchObject({ Records: [{ s3: { object: { key: 'broken.png' } } }] });
    expect(run.deadLetters('sqs:resize-dlq')).toHaveLength(1);
    expect(run.bodies('resize-dlq')).toEqual([run.invocations()[0]!.event]);
    expect(run.queue('resize-dlq').visible).toBe(1);
    expect(run.describe()).toEqual({
      en: 'resize ran 3 time(s): 0 succeeded, 3 failed (last error Error: cannot decode broken.png)',
      ko: 'resize 함수가 3번 실행됐어요: 성공 0번, 실패 3번 (마지막 오류: Error: cannot decode broken.png)',
    });
    expect(() => run.objects('nope')).toThrow(
      'the scenario "async-dlq" has no bucket named "nope" (buckets: raw-images)',
    );
  });

  it('finds what a polled batch left, and the invocations recursion detection stopped', async () => {
    const batch = toScenarioRun(await runScenario(loadScenario(join(EXAMPLES, 'sqs-partial-batch.yaml'))), 'orders');
    expect(batch.batchResults().map((b) => [b.deleted.length, b.returned.length])).toEqual([
      [2, 2],
      [0, 2],
    ]);
    expect(batch.bodies('orders-dlq')).toEqual([{ n: 1 }, { n: 3 }]);
    expect(batch.invocations()[0]!.result).toMatchObject({ batchItemFailures: [{}, {}] });

    const loop = toScenarioRun(await runScenario(loadScenario(join(EXAMPLES, 'recursion.yaml'))), 'copier');
    expect(loop.invocations()).toHaveLength(16);
    expect(loop.refused().map((r) => r.reason)).toEqual(['recursion']);
    expect(loop.describe().en).toBe('copier ran 16 time(s): 16 succeeded, 0 failed; Lambda refused 1 more (recursion)');
    expect(loop.objects('loop-bucket')).toHaveLength(17);
  });
});
