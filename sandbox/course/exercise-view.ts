/**
 * A lesson's exercise as the learner sees it: numbered tasks with titles and hints in one language.
 * The checks stay in the backend; the solution is served separately, once the learner may see it.
 */
import type { Language } from '../../electron/api/types.ts';
import { codeIn } from './lesson-code.ts';
import type { LessonExercise, LoadedLesson } from './load-lesson.ts';

/** One task of the exercise. */
export interface ExerciseTaskView {
  id: string;
  /** 1-based position in the exercise. */
  number: number;
  title: string;
  /** Every hint, in order; the UI reveals them one at a time (the store remembers how many). */
  hints: string[];
}

/** The exercise of one lesson. */
export interface ExerciseView {
  lessonId: string;
  tasks: ExerciseTaskView[];
  /** The starter file in the view's language, to reset the editor to. */
  starter: { filename: string; handler: string; code: string };
}

export function toExerciseView(lesson: LoadedLesson, exercise: LessonExercise, language: Language): ExerciseView {
  return {
    lessonId: lesson.id,
    tasks: exercise.tasks.map((task, index) => ({
      id: task.id,
      number: index + 1,
      title: task.title[language],
      hints: task.hints.map((hint) => hint[language]),
    })),
    starter: { filename: lesson.starter.filename, handler: lesson.handler, code: codeIn(lesson.starter, language) },
  };
}
