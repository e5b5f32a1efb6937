/**
 * The course's layer library: every layer version the lessons' exercises publish. The app resolves
 * a learner's `layers` (ARNs) against it, so one ARN means one content across the whole course, as a
 * published Lambda layer version is immutable.
 */
import { createLayerLibrary, type LayerLibrary } from '../layers/layer-library.ts';
import type { LayerVersion } from '../layers/layer-version.ts';
import type { LessonProblem, LoadedLesson } from './load-lesson.ts';

/** The layers published by `lessons`, and a problem for each ARN published twice with other content. */
export function courseLayers(
  lessons: readonly LoadedLesson[],
  displayRoot = 'lessons',
): { library: LayerLibrary; conflicts: LessonProblem[] } {
  const first = new Map<string, { layer: LayerVersion; folder: string }>();
  const conflicts: LessonProblem[] = [];
  for (const lesson of lessons) {
    for (const layer of lesson.exercise?.layers ?? []) {
      const seen = first.get(layer.arn);
      if (!seen) first.set(layer.arn, { layer, folder: lesson.folder });
      else if (JSON.stringify(seen.layer) !== JSON.stringify(layer)) {
        conflicts.push({
          file: `${displayRoot}/${lesson.folder}/exercise.yaml`,
          field: 'layers',
          message: `publishes ${layer.arn}, which ${seen.folder} already publishes with other content; a layer version never changes, so give this one another name or version`,
        });
      }
    }
  }
  return { library: createLayerLibrary([...first.values()].map((v) => v.layer)), conflicts };
}
