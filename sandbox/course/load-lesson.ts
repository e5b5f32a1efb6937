/**
 * Reads and validates one lesson folder (lessons/NN-slug/) into plain data. Every problem found
 * is collected with the file and field it is in, so an author sees them all at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Language } from '../../electron/api/types.ts';
import { FrontMatterError, splitFrontMatter } from './front-matter.ts';
import { DEFAULT_CODE_LANGUAGE, variantSource, type LessonCode } from './lesson-code.ts';
import { layerFromSpec } from '../layers/layer-spec-schema.ts';
import type { LayerVersion } from '../layers/layer-version.ts';
import { exerciseYamlSchema, type ExerciseYaml } from './exercise-schema.ts';
import { frontMatterSchema, lessonYamlSchema, type FrontMatter, type LessonYaml } from './lesson-schemas.ts';
import { quizYamlSchema, type QuizQuestionDef } from './quiz-schema.ts';

export const LANGUAGES: readonly Language[] = ['en', 'ko'];

/** A lesson's text in one language. */
export interface LessonText {
  title: string;
  summary: string;
  sources: FrontMatter['sources'];
  /** Markdown body, front matter removed. */
  markdown: string;
}

/** Everything about one lesson, both languages, including the quiz's answer key. */
export interface LoadedLesson {
  id: string;
  /** Position in the course, from the folder name's number. */
  order: number;
  /** Folder name, e.g. `02-first-function`. */
  folder: string;
  handler: string;
  eventTemplate: string;
  /**
   * The starter as the learner's file: `filename` is the handler's module + the starter's
   * extension; `source` is the file's name in the lesson folder (English), `variants` the other
   * languages' (read one with `codeIn`).
   */
  starter: LessonCode;
  solution: LessonCode;
  text: Record<Language, LessonText>;
  /** Every question of every kind, with answer keys. */
  quiz: QuizQuestionDef[];
  /** The exercise (exercise.yaml + checks.ts), or null when the lesson has none. */
  exercise: LessonExercise | null;
  /** Absolute path of the lesson folder (checks.ts is imported from it). */
  dir: string;
}

/** A lesson's exercise: tasks from exercise.yaml, checks in `checksFile`. */
export interface LessonExercise {
  config: ExerciseYaml['config'];
  tasks: ExerciseYaml['tasks'];
  /** The layer versions the lesson publishes (exercise.yaml `layers`), in the order written. */
  layers: LayerVersion[];
  /** Absolute path of checks.ts. */
  checksFile: string;
}

/** The file that holds a lesson's checks. */
export const CHECKS_FILE = 'checks.ts';

/** One thing wrong with a lesson's content. */
export interface LessonProblem {
  /** Path shown to the author, e.g. `lessons/02-first-function/index.ko.md`. */
  file: string;
  /** Dotted field path inside the file, when the problem is in one field. */
  field?: string;
  message: string;
}

/** "file: field: message", the way problems are printed. */
export const formatProblem = (p: LessonProblem): string =>
  p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;

/** Thrown when a lesson folder's content is invalid; `problems` lists every issue found. */
export class LessonContentError extends Error {
  readonly problems: LessonProblem[];
  constructor(problems: LessonProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'LessonContentError';
    this.problems = problems;
  }
}

/** Folder names that are lessons: a number, a dash and a slug. */
export const LESSON_FOLDER = /^(\d+)-([a-z0-9][a-z0-9-]*)$/;

/** zod issue path -> `questions[0].answer`. */
const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );

/** Module part of a handler setting: `index` from `index.handler`. */
const handlerModule = (handler: string): string => handler.slice(0, handler.lastIndexOf('.'));

/**
 * Loads the lesson in `folderPath`. `displayRoot` prefixes file names in messages (default `lessons`).
 * @throws LessonContentError listing every problem found.
 */
export function loadLesson(folderPath: string, displayRoot = 'lessons'): LoadedLesson {
  const folder = basename(folderPath);
  const display = (file: string) => `${displayRoot}/${folder}/${file}`;
  const problems: LessonProblem[] = [];

  const readText = (file: string): string | undefined => {
    const path = join(folderPath, file);
    if (!existsSync(path)) {
      problems.push({ file: display(file), message: 'the file is missing' });
      return undefined;
    }
    return readFileSync(path, 'utf8');
  };

  /** Parses YAML data against a schema, turning each zod issue into a problem. */
  const validate = <S extends z.ZodType>(file: string, schema: S, data: unknown): z.output<S> | undefined => {
    // Zod's default for an absent field ("expected string, received undefined") reads as a type
    // puzzle; authors need "missing". Schema-level messages still win over this one.
    const result = schema.safeParse(data, {
      error: (issue) =>
        issue.code === 'invalid_type' && issue.input === undefined
          ? `this field is missing (expected ${issue.expected})`
          : undefined,
    });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = fieldPath(issue.path);
      problems.push(
        field
          ? { file: display(file), field, message: issue.message }
          : { file: display(file), message: issue.message },
      );
    }
    return undefined;
  };

  const readYaml = <S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined => {
    const text = readText(file);
    if (text === undefined) return undefined;
    let data: unknown;
    try {
      data = parseYaml(text);
    } catch (error) {
      problems.push({
        file: display(file),
        message: `not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
      });
      return undefined;
    }
    return validate(file, schema, data);
  };

  const order = Number(LESSON_FOLDER.exec(folder)?.[1] ?? Number.NaN);
  if (!Number.isFinite(order)) {
    problems.push({ file: display(''), message: 'a lesson folder is named NN-slug, e.g. 02-first-function' });
  }

  const meta: LessonYaml | undefined = readYaml('lesson.yaml', lessonYamlSchema);

  const text: Partial<Record<Language, LessonText>> = {};
  for (const language of LANGUAGES) {
    const file = `index.${language}.md`;
    const raw = readText(file);
    if (raw === undefined) continue;
    let split;
    try {
      split = splitFrontMatter(raw);
    } catch (error) {
      if (!(error instanceof FrontMatterError)) throw error;
      problems.push({ file: display(file), message: error.message });
      continue;
    }
    const front = validate(file, frontMatterSchema, split.data);
    if (!front) continue;
    if (meta && front.id !== meta.id) {
      problems.push({
        file: display(file),
        field: 'id',
        message: `"${front.id}" must equal the id in lesson.yaml ("${meta.id}")`,
      });
    }
    text[language] = { title: front.title, summary: front.summary, sources: front.sources, markdown: split.body };
  }

  // A lesson without a quiz is allowed; a quiz file that is there must be valid.
  const quiz = existsSync(join(folderPath, 'quiz.yaml')) ? readYaml('quiz.yaml', quizYamlSchema) : { questions: [] };

  // An exercise is optional; when there is one, its tasks and their checks come together.
  const hasExercise = existsSync(join(folderPath, 'exercise.yaml'));
  const hasChecks = existsSync(join(folderPath, CHECKS_FILE));
  const exerciseYaml = hasExercise ? readYaml('exercise.yaml', exerciseYamlSchema) : undefined;
  if (hasExercise && !hasChecks) {
    problems.push({
      file: display(CHECKS_FILE),
      message: 'exercise.yaml has tasks, so the lesson needs checks.ts with their checks',
    });
  }
  if (hasChecks && !hasExercise) {
    problems.push({
      file: display('exercise.yaml'),
      message: 'checks.ts is there, so the lesson needs exercise.yaml naming its tasks',
    });
  }

  /** A handler file and its variants; a missing variant is left to the checker (the default is shown). */
  const readCode = (source: string, module: string): LessonCode | undefined => {
    const code = readText(source);
    if (code === undefined) return undefined;
    const variants: LessonCode['variants'] = {};
    for (const language of LANGUAGES) {
      if (language === DEFAULT_CODE_LANGUAGE) continue;
      const variant = variantSource(source, language);
      const path = join(folderPath, variant);
      if (existsSync(path)) variants[language] = { source: variant, code: readFileSync(path, 'utf8') };
    }
    return { filename: module + extname(source), source, code, variants };
  };
  const module = meta ? handlerModule(meta.handler) : '';
  const starter = meta ? readCode(meta.starter, module) : undefined;
  const solution = meta ? readCode(meta.solution, module) : undefined;

  if (problems.length > 0 || !meta || !quiz || !text.en || !text.ko || !starter || !solution) {
    throw new LessonContentError(problems);
  }

  return {
    id: meta.id,
    order,
    folder,
    handler: meta.handler,
    eventTemplate: meta.eventTemplate,
    starter,
    solution,
    text: { en: text.en, ko: text.ko },
    quiz: quiz.questions,
    exercise: exerciseYaml
      ? {
          config: exerciseYaml.config,
          tasks: exerciseYaml.tasks,
          layers: (exerciseYaml.layers ?? []).map(layerFromSpec),
          checksFile: resolve(folderPath, CHECKS_FILE),
        }
      : null,
    dir: resolve(folderPath),
  };
}
