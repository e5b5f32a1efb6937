/**
 * `coldstart check <lesson> <file>`: runs a lesson's exercise checks against the learner's
 * handler file, task by task, as the app's Check button does (issue 6).
 */
import { extname, relative, resolve } from 'node:path';
import type { Language } from '../../../electron/api/types.ts';
import { ExerciseChecksError, runExerciseChecks } from '../../course/run-exercise-checks.ts';
import type { LoadedLesson } from '../../course/load-lesson.ts';
import type { SourceFile } from '../../invocation/record.ts';
import { parseCommandArgs, stringValue, UsageError } from '../args.ts';
import { colorsWanted, makeColors } from '../colors.ts';
import { EXIT, type CliCommand, type CliIo } from '../command.ts';
import { DEFAULT_LESSONS_DIR, findLesson } from '../find-lesson.ts';
import { humanCheckRun } from '../format-check.ts';
import { commandHelp } from '../format-help.ts';
import { loadFunctionFiles } from '../load-function-files.ts';

/**
 * The learner's files as the lesson expects them: the handler file takes the module name of the
 * lesson's Handler setting (`index.handler` -> `index.mjs`), whatever the learner called it; the
 * files beside it come along so relative imports work.
 */
function learnerFiles(lesson: LoadedLesson, target: string, cwd: string): SourceFile[] {
  const pkg = loadFunctionFiles(target, cwd);
  const [first, ...rest] = pkg.files;
  if (first === undefined) throw new UsageError(`no handler file in ${target}`);
  // A folder is taken as the package itself: its files keep their names.
  if (pkg.defaultHandler === 'index.handler' && resolve(cwd, target) === pkg.root) return pkg.files;
  const module = lesson.handler.slice(0, lesson.handler.lastIndexOf('.'));
  const path = `${module}${extname(first.path)}`;
  return [{ path, code: first.code }, ...rest.filter((f) => f.path !== path)];
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(checkCommand, argv);
  if (values.help) {
    io.out(commandHelp(checkCommand));
    return EXIT.ok;
  }
  const [lessonName, target] = positionals;
  if (lessonName === undefined)
    throw new UsageError('name the lesson and your handler file, e.g. coldstart check 02-first-function ./index.mjs');
  if (target === undefined)
    throw new UsageError(`name your handler file too, e.g. coldstart check ${lessonName} ./index.mjs`);
  const language = (stringValue(values, 'lang') ?? 'en') as Language;
  const lessonsDir = resolve(io.cwd, stringValue(values, 'lessons') ?? DEFAULT_LESSONS_DIR);
  const lesson = findLesson(lessonName, io.cwd, lessonsDir);
  if (!lesson.exercise) throw new UsageError(`the lesson ${lesson.folder} has no exercise to check`);
  const files = learnerFiles(lesson, target, io.cwd);

  let result;
  try {
    result = await runExerciseChecks(lesson, files, { language });
  } catch (err) {
    if (err instanceof ExerciseChecksError) throw new UsageError(err.message);
    throw err;
  }
  if (values.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const colors = makeColors(colorsWanted(io));
    const rel = relative(io.cwd, resolve(io.cwd, target));
    // Inside the working folder, the short path; outside it, what the learner typed.
    const shown = rel === '' || rel.startsWith('..') ? target : rel;
    io.out(
      humanCheckRun(
        result,
        { lesson: `${lesson.text[language].title} (${lesson.folder})`, file: shown },
        language,
        colors,
      ),
    );
  }
  return result.passed ? EXIT.ok : EXIT.handlerFailed;
}

/** The `check` command. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: "Run a lesson's exercise checks against your handler file: each task passed or failed, and why.",
  positionals: [
    {
      name: 'lesson',
      description:
        'The lesson: its folder name (02-first-function), its stable id (first-function) or the path of a lesson folder.',
    },
    {
      name: 'file',
      description:
        "Your handler file (.mjs, .js, .cjs, .ts), whatever its name: it is checked as the lesson's handler module (index.mjs for index.handler), with the files beside it.",
    },
  ],
  options: {
    json: {
      type: 'boolean',
      description:
        'Print the run as JSON: {lessonId, passed, tasks: [{id, number, title, status, passed, message, expected, actual, output: [{kind, text}]}]}.',
    },
    lang: {
      type: 'string',
      valueName: 'LANG',
      description: 'Language of task titles and messages.',
      choices: ['en', 'ko'],
      defaultText: 'en',
    },
    lessons: {
      type: 'string',
      valueName: 'DIR',
      description: 'The folder of lessons that lesson names and ids are looked up in.',
      defaultText: 'the lessons that come with Coldstart',
    },
  },
  notes: [
    'Examples:',
    '  coldstart check 02-first-function ./index.mjs',
    '  coldstart check first-function ./index.mjs --lang ko',
    '  coldstart check lessons/02-first-function ./index.mjs --json',
    '',
    "A failed task shows what was expected, what happened and your handler's own log lines;",
    '--json has every log line of every task.',
    'Exit codes: 0 every task passed, 1 a task failed, 2 bad arguments (unknown lesson, missing file).',
  ],
  run,
};
