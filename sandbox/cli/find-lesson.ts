/**
 * Finds the lesson that `coldstart check <lesson>` names: a lesson folder's path, a folder name
 * under the lessons folder (`02-first-function`), or a lesson's stable id (`first-function`).
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LessonContentError, formatProblem, loadLesson, type LoadedLesson } from '../course/load-lesson.ts';
import { loadCourse } from '../course/lesson-library.ts';
import { closest, UsageError } from './args.ts';

/** The course that ships with Coldstart: lessons/ at the package root. */
export const DEFAULT_LESSONS_DIR = fileURLToPath(new URL('../../lessons/', import.meta.url));

function isLessonFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() && existsSync(join(path, 'lesson.yaml'));
  } catch {
    return false;
  }
}

function loadFolder(path: string, shown: string): LoadedLesson {
  try {
    return loadLesson(path);
  } catch (err) {
    if (err instanceof LessonContentError) {
      throw new UsageError(
        `the lesson in ${shown} is not valid:\n${err.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
      );
    }
    throw err;
  }
}

/**
 * The lesson named `name`: a folder path (relative to `cwd`) wins, then a folder name or stable
 * id in `lessonsDir`.
 * @throws UsageError listing the available lessons when none matches.
 */
export function findLesson(name: string, cwd: string, lessonsDir: string = DEFAULT_LESSONS_DIR): LoadedLesson {
  const asPath = resolve(cwd, name);
  if (isLessonFolder(asPath)) return loadFolder(asPath, name);
  if (!existsSync(lessonsDir)) throw new UsageError(`the lessons folder ${lessonsDir} does not exist`);
  const course = loadCourse(lessonsDir);
  const found = course.lessons.find((l) => l.folder === name || l.id === name);
  if (found) return found;
  // A folder that is there but did not load: say what is wrong with it rather than "unknown".
  const broken = course.problems.filter((p) => p.file.split('/')[1] === name);
  if (broken.length > 0) {
    throw new UsageError(`the lesson ${name} is not valid:\n${broken.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  }
  const available = course.lessons.map((l) => (l.folder.endsWith(`-${l.id}`) ? l.folder : `${l.folder} (id ${l.id})`));
  const guess = closest(
    name,
    course.lessons.flatMap((l) => [l.folder, l.id]),
  );
  const list = available.length > 0 ? `lessons: ${available.join(', ')}` : `there are no lessons in ${lessonsDir}`;
  throw new UsageError(`unknown lesson '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; ${list}`);
}
