/**
 * The content checker behind `npm run lessons:check`: everything the loader validates (schemas,
 * unique stable ids, both languages present), plus the checks that need the sandbox: every starter
 * fails its checks, every solution passes them, every predict-the-output answer key matches what
 * the snippet really does, and the two languages have the same outline and the same starter and
 * solution programs (each language's variant differs only in comments). No stray files; every
 * scenario file the checks run (scenarios/, *.scenario.yaml) is a valid scenario.
 */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { createLambdaHost } from '../runtime/lambda-host.ts';
import type { LambdaHost } from '../runtime/lambda-host-types.ts';
import { checkCodeVariants } from './code-variants.ts';
import { compareLanguages, strayFiles } from './content-structure.ts';
import { courseLayers } from './course-layers.ts';
import { loadCourse } from './lesson-library.ts';
import { checkScenarioFiles } from './check-lesson-scenarios.ts';
import { LESSON_FOLDER, type LessonProblem, type LoadedLesson } from './load-lesson.ts';
import { predictionMatches, runPrediction } from './quiz-predict.ts';
import { ExerciseChecksError, loadChecks, runExerciseChecks, type TaskResult } from './run-exercise-checks.ts';

/** The verdict on one lesson folder. */
export interface LessonReport {
  /** Folder name, e.g. `02-first-function`. */
  folder: string;
  /** The stable id, when the lesson loaded. */
  id: string | null;
  tasks: number;
  questions: number;
  problems: LessonProblem[];
}

/** The verdict on the whole course. */
export interface CourseReport {
  lessons: LessonReport[];
  /** Problems that belong to no one lesson (e.g. a stray file beside the lesson folders). */
  general: LessonProblem[];
  ok: boolean;
}

/** Options of {@link checkCourse}. */
export interface CheckCourseOptions {
  /** The simulator to run checks and snippets in (default: one created and disposed here). */
  host?: LambdaHost;
  /** Real ms a single check may take before it is reported broken (default 30,000). */
  checkTimeoutMs?: number;
}

const oneLine = (text: string | null): string => (text ?? '').replace(/\s*\n\s*/g, '; ');

const taskLabel = (task: TaskResult): string => `task ${task.number} "${task.id}"`;

/** Runs the starter and the solution through the checks. */
async function checkExercise(
  lesson: LoadedLesson,
  file: (name: string) => string,
  options: Required<CheckCourseOptions>,
) {
  const problems: LessonProblem[] = [];
  const exercise = lesson.exercise;
  if (!exercise) {
    return [
      {
        file: file('exercise.yaml'),
        message: 'the lesson has no exercise: add exercise.yaml with its tasks and checks.ts with their checks',
      },
    ];
  }
  let checks;
  try {
    checks = await loadChecks(exercise.checksFile);
  } catch (error) {
    if (!(error instanceof ExerciseChecksError)) throw error;
    return [{ file: file('checks.ts'), message: error.message }];
  }
  const taskIds = exercise.tasks.map((t) => t.id);
  for (const key of Object.keys(checks)) {
    if (!taskIds.includes(key)) {
      problems.push({
        file: file('checks.ts'),
        message: `has a check for "${key}", which is not a task in exercise.yaml (${taskIds.join(', ')})`,
      });
    }
  }
  const run = (code: { filename: string; code: string }) =>
    runExerciseChecks(lesson, [{ path: code.filename, code: code.code }], {
      host: options.host,
      checkTimeoutMs: options.checkTimeoutMs,
    });

  const solution = await run(lesson.solution);
  for (const task of solution.tasks) {
    if (task.status === 'broken') {
      problems.push({ file: file('checks.ts'), message: `${taskLabel(task)}: ${oneLine(task.message)}` });
    } else if (!task.passed) {
      problems.push({
        file: file(lesson.solution.source),
        message: `fails ${taskLabel(task)}: ${oneLine(task.message)}`,
      });
    }
  }
  const starter = await run(lesson.starter);
  for (const task of starter.tasks) {
    if (task.status === 'broken') {
      problems.push({
        file: file('checks.ts'),
        message: `${taskLabel(task)} (with the starter): ${oneLine(task.message)}`,
      });
    }
  }
  if (starter.passed) {
    problems.push({ file: file(lesson.starter.source), message: 'passes every task: a starter must leave work to do' });
  }
  return problems;
}

/** Runs every predict-the-output snippet twice: the key must match, and the outcome must repeat. */
async function checkPredictions(lesson: LoadedLesson, file: (name: string) => string, host: LambdaHost) {
  const problems: LessonProblem[] = [];
  for (const [index, question] of lesson.quiz.entries()) {
    if (question.kind !== 'predict') continue;
    const first = await runPrediction(question, host, { fresh: true });
    const second = await runPrediction(question, host, { fresh: true });
    if (first.expected !== second.expected) {
      problems.push({
        file: file('quiz.yaml'),
        field: `questions[${index}].snippet`,
        message: `gives different output on two runs (${JSON.stringify(first.expected)}, then ${JSON.stringify(second.expected)}); a prediction needs deterministic output (no request ids, times or random numbers)`,
      });
    } else if (!predictionMatches(question.ask.what, first.expected, question.answer)) {
      problems.push({
        file: file('quiz.yaml'),
        field: `questions[${index}].answer`,
        message: `${JSON.stringify(question.answer)} does not match what invoke ${question.ask.invoke} really ${question.ask.what === 'log' ? 'logs' : 'returns'}: ${JSON.stringify(first.expected)}`,
      });
    }
  }
  return problems;
}

/** The folder a problem's file belongs to: `lessons/01-x/quiz.yaml` -> `01-x`. */
const folderOf = (problem: LessonProblem): string | undefined => problem.file.split('/')[1] || undefined;

/** Checks every lesson in `lessonsDir`. */
export async function checkCourse(lessonsDir: string, options: CheckCourseOptions = {}): Promise<CourseReport> {
  const displayRoot = basename(lessonsDir);
  const host = options.host ?? createLambdaHost();
  const resolved = { host, checkTimeoutMs: options.checkTimeoutMs ?? 30_000 };
  try {
    const course = loadCourse(lessonsDir);
    const reports = new Map<string, LessonReport>();
    const general: LessonProblem[] = [];
    const entries = readdirSync(lessonsDir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory() && /^\d+-/.test(entry.name)) {
        reports.set(entry.name, { folder: entry.name, id: null, tasks: 0, questions: 0, problems: [] });
      } else if (entry.name !== 'README.md') {
        general.push({
          file: `${displayRoot}/${entry.name}${entry.isDirectory() ? '/' : ''}`,
          message: 'is not a lesson folder (NN-slug); remove it or move it out of the lessons folder',
        });
      }
    }
    for (const problem of course.problems) {
      const folder = folderOf(problem);
      const report = folder === undefined ? undefined : reports.get(folder);
      if (report) report.problems.push(problem);
      else general.push(problem);
    }
    for (const problem of courseLayers(course.lessons, displayRoot).conflicts)
      reports.get(folderOf(problem) ?? '')?.problems.push(problem);
    for (const lesson of course.lessons) {
      const report = reports.get(lesson.folder);
      if (!report || !LESSON_FOLDER.test(lesson.folder)) continue;
      const file = (name: string) => `${displayRoot}/${lesson.folder}/${name}`;
      report.id = lesson.id;
      report.tasks = lesson.exercise?.tasks.length ?? 0;
      report.questions = lesson.quiz.length;
      report.problems.push(
        ...compareLanguages(lesson, displayRoot),
        ...(await checkCodeVariants(lesson, displayRoot)),
        ...strayFiles(lesson, displayRoot),
        ...(await checkScenarioFiles(lesson, displayRoot)),
        ...(await checkExercise(lesson, file, resolved)),
        ...(await checkPredictions(lesson, file, host)),
      );
    }
    const lessons = [...reports.values()].sort((a, b) => a.folder.localeCompare(b.folder));
    return { lessons, general, ok: general.length === 0 && lessons.every((l) => l.problems.length === 0) };
  } finally {
    if (!options.host) await host.dispose();
  }
}
