/**
 * Finding a lesson by id for a handler, with the one error every method gives for an unknown id.
 */
import type { LessonLibrary } from '../../sandbox/course/lesson-library.ts';
import type { LoadedLesson } from '../../sandbox/course/load-lesson.ts';
import { ApiFailure } from '../api/result.ts';

/** @throws ApiFailure `LessonNotFound`. */
export function requireLesson(library: LessonLibrary, lessonId: string): LoadedLesson {
  const lesson = library.lesson(lessonId);
  if (!lesson) throw new ApiFailure('LessonNotFound', `There is no lesson with the id "${lessonId}".`);
  return lesson;
}
