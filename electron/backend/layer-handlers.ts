/**
 * Layers in the app: the published layer versions (every lesson's exercise.yaml `layers`, one
 * library for the course), `layers.list` for the configuration panel, the Layers part of
 * `config.validate` (Lambda's refusals as field errors, its silent acceptance of an incompatible
 * runtime as a warning), and the layer versions an `invoke.run` attaches.
 */
import { functionConfigSchema } from '../../sandbox/config/function-config-schema.ts';
import { courseLayers } from '../../sandbox/course/course-layers.ts';
import type { Course, LessonLibrary } from '../../sandbox/course/lesson-library.ts';
import type { FunctionConfig } from '../../sandbox/invocation/record.ts';
import { LAYERS_MAX, PACKAGE_UNZIPPED_MAX_BYTES } from '../../sandbox/facts/limits.ts';
import { resolveLayerArns, type LayerLibrary, type LayerRefusal } from '../../sandbox/layers/layer-library.ts';
import { combinedUnzippedBytes, compatibilityWarnings, combinedSizeMessage } from '../../sandbox/layers/layer-rules.ts';
import { layerFileBytes, layerSizeBytes, type LayerVersion } from '../../sandbox/layers/layer-version.ts';
import type { ConfigFieldError, ConfigWarning, Language, LayerVersionView } from '../api/types.ts';

/** The course's layer library, rebuilt only when the course is reloaded. */
export function courseLayerLibrary(lessons: LessonLibrary): () => LayerLibrary {
  let cached: { course: Course; library: LayerLibrary } | undefined;
  return () => {
    const course = lessons.course();
    if (cached?.course !== course) cached = { course, library: courseLayers(course.lessons).library };
    return cached.library;
  };
}

function toView(layer: LayerVersion, language: Language): LayerVersionView {
  const d = layer.description;
  return {
    name: layer.name,
    version: layer.version,
    arn: layer.arn,
    description: d === undefined ? null : typeof d === 'string' ? d : d[language],
    compatibleRuntimes: layer.compatibleRuntimes ?? null,
    compatibleArchitectures: layer.compatibleArchitectures ?? null,
    sizeBytes: layerSizeBytes(layer),
    files: layer.files.map((f) => ({
      path: f.path,
      sizeBytes: layerFileBytes(f),
      text: f.sizeBytes !== undefined && f.code === '' ? null : f.code,
    })),
  };
}

/** `layers.list`: a lesson's layers (in the order it publishes them), or the whole library. */
export function listLayers(
  lessons: LessonLibrary,
  library: () => LayerLibrary,
  args: { lessonId?: string | undefined; language: Language },
): LayerVersionView[] {
  const layers =
    args.lessonId === undefined ? library().list() : (lessons.lesson(args.lessonId)?.exercise?.layers ?? []);
  return layers.map((l) => toView(l, args.language));
}

/** Lambda's refusals as the form's error codes. */
const REFUSAL_CODES: Record<LayerRefusal, ConfigFieldError['code']> = {
  'too-many-layers': 'too_many_layers',
  'unknown-layer': 'unknown_layer',
  'same-layer-twice': 'same_layer_twice',
};

/** The layer part of a `config.validate` verdict. */
export interface LayerVerdict {
  errors: ConfigFieldError[];
  warnings: ConfigWarning[];
  /** The ARNs to run with, when they are accepted. */
  arns?: string[];
}

/**
 * Checks the form's layers as Lambda's API checks them: the ARN format, at most 5, two versions of
 * one layer, versions that exist, and the layers' own size against 250 MB (the code's size is
 * added when it runs). Runtimes and architectures the layer does not list are warnings.
 */
export function validateLayers(
  arns: readonly string[],
  library: LayerLibrary,
  target: Pick<FunctionConfig, 'runtime' | 'architecture'>,
): LayerVerdict {
  const errors: ConfigFieldError[] = [];
  arns.forEach((arn, index) => {
    const single = functionConfigSchema.shape.layers.safeParse([arn]);
    if (!single.success)
      errors.push({
        field: `layers.${index}`,
        code: 'not_a_layer_arn',
        message: single.error.issues[0]?.message ?? 'not a layer version ARN',
      });
  });
  if (errors.length > 0) return { errors, warnings: [] };
  const resolved = resolveLayerArns(arns, library);
  if (!resolved.ok) {
    const code = REFUSAL_CODES[resolved.reason];
    const error: ConfigFieldError = {
      field: resolved.index === undefined ? 'layers' : `layers.${resolved.index}`,
      code,
      message: resolved.message,
    };
    if (code === 'too_many_layers') error.limit = LAYERS_MAX;
    return { errors: [error], warnings: [] };
  }
  const bytes = combinedUnzippedBytes([], resolved.layers);
  if (bytes > PACKAGE_UNZIPPED_MAX_BYTES) {
    return {
      errors: [
        {
          field: 'layers',
          code: 'layers_too_large',
          limit: PACKAGE_UNZIPPED_MAX_BYTES,
          message: combinedSizeMessage(bytes),
        },
      ],
      warnings: [],
    };
  }
  const warnings: ConfigWarning[] = compatibilityWarnings(target, resolved.layers).map((w) => ({
    field: `layers.${arns.indexOf(w.arn)}`,
    code: w.kind === 'runtime' ? 'runtime_not_listed' : 'architecture_not_listed',
    arn: w.arn,
    uses: w.uses,
    declared: w.declared,
    message: w.message,
  }));
  return { errors: [], warnings, arns: [...arns] };
}
