/**
 * Layers an exercise publishes: checks attach them (exercise.yaml `config.layers`, `h.invoke({ layers })`),
 * exercise.yaml may only attach what it publishes, and one ARN means one content across the course.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../../sandbox/course/check-course.ts';
import { loadLesson, LessonContentError } from '../../../sandbox/course/load-lesson.ts';
import { runExerciseChecks } from '../../../sandbox/course/run-exercise-checks.ts';
import { createLambdaHost } from '../../../sandbox/runtime/lambda-host.ts';
import { courseWithLayers, GREETER_V1 } from '../../support/layer-lesson.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const host = createLambdaHost();
afterAll(() => host.dispose());
const tempDir = useTempDirs();

const learner = (dir: string, file: string) => [{ path: 'index.mjs', code: readFileSync(join(dir, file), 'utf8') }];

describe('exercise layers', () => {
  it("attaches the exercise's layers to every check and the ones a check names instead", async () => {
    const dir = join(courseWithLayers(tempDir()), '01-passes');
    const solution = await runExerciseChecks(dir, learner(dir, 'solution.mjs'), { host });
    expect(solution.tasks.map((t) => [t.id, t.status, t.message])).toEqual([
      ['greet-with-layer', 'passed', null],
      ['greet-with-v2', 'passed', null],
    ]);
    expect((await runExerciseChecks(dir, learner(dir, 'starter.mjs'), { host })).passed).toBe(false);
  });

  it('refuses exercise.yaml attaching a layer version the lesson does not publish', () => {
    const dir = join(courseWithLayers(tempDir()), '01-passes');
    const yaml = readFileSync(join(dir, 'exercise.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'exercise.yaml'),
      yaml.replace(`layers: [${GREETER_V1}]`, `layers: [${GREETER_V1.replace(/:1$/, ':7')}]`),
    );
    expect(() => loadLesson(dir)).toThrow(LessonContentError);
    expect(() => loadLesson(dir)).toThrow(
      /config\.layers\[0\]: Layer version .*:greeter:7 does not exist\. Publish it under `layers` first\./,
    );
  });

  it('reports two lessons publishing one layer version with different content', async () => {
    const lessons = courseWithLayers(tempDir());
    cpSync(join(lessons, '01-passes'), join(lessons, '02-copy'), { recursive: true });
    const copy = join(lessons, '02-copy');
    writeFileSync(
      join(copy, 'lesson.yaml'),
      readFileSync(join(copy, 'lesson.yaml'), 'utf8').replace('id: passes', 'id: copy'),
    );
    for (const file of ['index.en.md', 'index.ko.md']) {
      writeFileSync(join(copy, file), readFileSync(join(copy, file), 'utf8').replace('id: passes', 'id: copy'));
    }
    writeFileSync(
      join(copy, 'exercise.yaml'),
      readFileSync(join(copy, 'exercise.yaml'), 'utf8').replace("'Hello, '", "'Hey, '"),
    );
    const report = await checkCourse(lessons, { host });
    const problems = report.lessons.find((l) => l.folder === '02-copy')?.problems.map((p) => p.message) ?? [];
    expect(problems).toContain(
      `publishes ${GREETER_V1}, which 01-passes already publishes with other content; a layer version never changes, so give this one another name or version`,
    );
  });
});
