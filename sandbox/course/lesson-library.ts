/**
 * The course: every lesson folder under lessons/, loaded once and reloaded only when a file changes
 * (so an author editing a lesson sees it on the next request, and a learner pays for one read).
 * Also the quiz answer key, which never leaves the backend.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Language, Lesson, LessonSummary, QuizQuestionView } from '../../electron/api/types.ts';
import { toExerciseView, type ExerciseView } from './exercise-view.ts';
import { codeIn } from './lesson-code.ts';
import type { QuizQuestion } from './lesson-schemas.ts';
import type { QuizQuestionDef } from './quiz-schema.ts';
import { toQuizView, type QuizView } from './quiz-view.ts';
import {
  LESSON_FOLDER,
  LessonContentError,
  formatProblem,
  loadLesson,
  type LessonProblem,
  type LoadedLesson,
} from './load-lesson.ts';

/** The course as loaded: the valid lessons in order, and what was wrong with the others. */
export interface Course {
  lessons: LoadedLesson[];
  problems: LessonProblem[];
}

/** Read access to the course for the backend. */
export interface LessonLibrary {
  /** The loaded course (cached; reloaded when files change). */
  course(): Course;
  list(language: Language): LessonSummary[];
  /** @returns undefined when no valid lesson has this id. */
  get(id: string, language: Language): Lesson | undefined;
  /**
   * The answer key of a single-choice question, or undefined when the lesson or question does not
   * exist or the question is of another kind.
   * @deprecated Use {@link LessonLibrary.quizQuestion}, which returns every kind.
   */
  question(lessonId: string, questionId: string): QuizQuestion | undefined;
  /** The answer key of one question of any kind; undefined when the lesson or question does not exist. */
  quizQuestion(lessonId: string, questionId: string): QuizQuestionDef | undefined;
  /** Every question of a lesson as the learner sees it (all kinds, no answers); undefined for an unknown lesson. */
  quiz(lessonId: string, language: Language): QuizView[] | undefined;
  /** The lesson's exercise (tasks, hints, starter); null when it has none, undefined for an unknown lesson. */
  exercise(lessonId: string, language: Language): ExerciseView | null | undefined;
  /** The loaded lesson with its answer keys and folder (for the checks runner); undefined when unknown. */
  lesson(lessonId: string): LoadedLesson | undefined;
}

/** Lesson folders in `lessonsDir`, sorted by name (their NN prefix gives the order). */
function lessonFolders(lessonsDir: string): string[] {
  if (!existsSync(lessonsDir)) return [];
  return readdirSync(lessonsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && LESSON_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Folders that start like a lesson (`NN-`) but whose name breaks the rule: reported, not silently skipped. */
function misnamedFolders(lessonsDir: string): string[] {
  if (!existsSync(lessonsDir)) return [];
  return readdirSync(lessonsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d+-/.test(entry.name) && !LESSON_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** A cheap fingerprint of every file's size and mtime: changes whenever content may have. */
function fingerprint(lessonsDir: string, folders: string[]): string {
  const parts: string[] = [];
  for (const folder of folders) {
    const dir = join(lessonsDir, folder);
    for (const file of readdirSync(dir).sort()) {
      const stat = statSync(join(dir, file));
      parts.push(`${folder}/${file}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  return parts.join('|');
}

/** Loads every lesson in `lessonsDir`; invalid ones become problems rather than failing the course. */
export function loadCourse(lessonsDir: string): Course {
  const displayRoot = basename(lessonsDir);
  const lessons: LoadedLesson[] = [];
  const problems: LessonProblem[] = [];
  for (const folder of misnamedFolders(lessonsDir)) {
    problems.push({
      file: `${displayRoot}/${folder}/`,
      message:
        'this folder looks like a lesson but is not named NN-slug (digits, a dash, lowercase letters, digits and dashes), so it was skipped',
    });
  }
  for (const folder of lessonFolders(lessonsDir)) {
    try {
      lessons.push(loadLesson(join(lessonsDir, folder), displayRoot));
    } catch (error) {
      if (!(error instanceof LessonContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  // Ids are what progress is keyed by: two lessons sharing one would mix their progress.
  const seen = new Map<string, string>();
  for (const lesson of [...lessons]) {
    const first = seen.get(lesson.id);
    if (first !== undefined) {
      problems.push({
        file: `${displayRoot}/${lesson.folder}/lesson.yaml`,
        field: 'id',
        message: `"${lesson.id}" is already the id of ${displayRoot}/${first}; ids must be unique`,
      });
      lessons.splice(lessons.indexOf(lesson), 1);
    } else {
      seen.set(lesson.id, lesson.folder);
    }
  }
  lessons.sort((a, b) => a.order - b.order || a.folder.localeCompare(b.folder));
  return { lessons, problems };
}

const toSummary = (lesson: LoadedLesson, language: Language): LessonSummary => ({
  id: lesson.id,
  order: lesson.order,
  title: lesson.text[language].title,
  summary: lesson.text[language].summary,
});

/**
 * The learner's view of a single-choice question for the current contract's `Lesson.quiz`
 * (other kinds are served by `quiz()`, whose views the contract does not describe yet).
 */
const toQuestionView = (question: QuizQuestion, language: Language): QuizQuestionView => ({
  id: question.id,
  kind: question.kind,
  prompt: question.prompt[language],
  choices: question.choices.map((choice) => ({ id: choice.id, text: choice.text[language] })),
});

/**
 * A library over `lessonsDir`. Problems with individual lessons are reported once per change
 * through `onProblems` (default: the console) and those lessons are left out.
 */
export function createLessonLibrary(
  lessonsDir: string,
  onProblems: (problems: LessonProblem[]) => void = (problems) =>
    console.error(`[coldstart] Some lessons could not be loaded:\n${problems.map(formatProblem).join('\n')}`),
): LessonLibrary {
  let cached: { key: string; course: Course } | undefined;

  const course = (): Course => {
    const folders = lessonFolders(lessonsDir);
    const key = `${misnamedFolders(lessonsDir).join('|')}#${fingerprint(lessonsDir, folders)}`;
    if (cached?.key !== key) {
      const loaded = loadCourse(lessonsDir);
      if (loaded.problems.length > 0) onProblems(loaded.problems);
      cached = { key, course: loaded };
    }
    return cached.course;
  };

  const find = (id: string) => course().lessons.find((lesson) => lesson.id === id);

  return {
    course,
    list: (language) => course().lessons.map((lesson) => toSummary(lesson, language)),
    get: (id, language) => {
      const lesson = find(id);
      if (!lesson) return undefined;
      const text = lesson.text[language];
      return {
        ...toSummary(lesson, language),
        language,
        markdown: text.markdown,
        sources: text.sources,
        starter: { filename: lesson.starter.filename, handler: lesson.handler, code: codeIn(lesson.starter, language) },
        eventTemplate: lesson.eventTemplate,
        quiz: lesson.quiz
          .filter((question): question is QuizQuestion => question.kind === 'single')
          .map((question) => toQuestionView(question, language)),
      };
    },
    question: (lessonId, questionId) => {
      const question = find(lessonId)?.quiz.find((q) => q.id === questionId);
      return question?.kind === 'single' ? question : undefined;
    },
    quizQuestion: (lessonId, questionId) => find(lessonId)?.quiz.find((question) => question.id === questionId),
    quiz: (lessonId, language) => find(lessonId)?.quiz.map((question) => toQuizView(question, language)),
    exercise: (lessonId, language) => {
      const lesson = find(lessonId);
      if (!lesson) return undefined;
      return lesson.exercise ? toExerciseView(lesson, lesson.exercise, language) : null;
    },
    lesson: (lessonId) => find(lessonId),
  };
}
