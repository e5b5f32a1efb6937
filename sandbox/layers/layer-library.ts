/**
 * The layer versions published in Coldstart's simulated account, looked up by ARN: what the
 * function configuration's `layers` (a list of layer version ARNs, as Lambda's API takes them)
 * resolves against. Lessons publish theirs in exercise.yaml; `coldstart invoke --layer <dir>`
 * publishes a folder.
 */
import { LAYERS_MAX } from '../facts/limits.ts';
import { sameLayerTwice, sameLayerTwiceMessage, TOO_MANY_LAYERS, unknownLayerMessage } from './layer-rules.ts';
import type { LayerVersion } from './layer-version.ts';

/** Read access to published layer versions. */
export interface LayerLibrary {
  /** The layer version with this ARN, or undefined when it is not published. */
  get(arn: string): LayerVersion | undefined;
  /** Every published version, by name then version. */
  list(): LayerVersion[];
}

/**
 * A library of `versions`. A later entry with the same ARN replaces an earlier one (the course
 * checks that no two lessons publish one ARN with different content: course/course-layers.ts).
 */
export function createLayerLibrary(versions: Iterable<LayerVersion>): LayerLibrary {
  const byArn = new Map<string, LayerVersion>();
  for (const v of versions) byArn.set(v.arn, v);
  const sorted = [...byArn.values()].sort((a, b) =>
    a.name === b.name ? a.version - b.version : a.name < b.name ? -1 : 1,
  );
  return { get: (arn) => byArn.get(arn), list: () => [...sorted] };
}

/** An empty library: every ARN is unknown. */
export const NO_LAYERS: LayerLibrary = createLayerLibrary([]);

/** Why Lambda refuses a list of layer ARNs. */
export type LayerRefusal = 'too-many-layers' | 'unknown-layer' | 'same-layer-twice';

/** The outcome of resolving ARNs: the versions in order, or Lambda's refusal (`index`: the ARN at fault). */
export type LayerResolution =
  { ok: true; layers: LayerVersion[] } | { ok: false; reason: LayerRefusal; message: string; index?: number };

/**
 * The layer versions for a configuration's ARNs, in order, checked as Lambda checks them before
 * the size (which needs the function's code too: see layerConfigProblem).
 */
export function resolveLayerArns(arns: readonly string[], library: LayerLibrary): LayerResolution {
  if (arns.length > LAYERS_MAX) return { ok: false, reason: 'too-many-layers', message: TOO_MANY_LAYERS };
  const layers: LayerVersion[] = [];
  for (const [index, arn] of arns.entries()) {
    const layer = library.get(arn);
    if (!layer) return { ok: false, reason: 'unknown-layer', message: unknownLayerMessage(arn), index };
    layers.push(layer);
  }
  const twice = sameLayerTwice(arns);
  if (twice) return { ok: false, reason: 'same-layer-twice', message: sameLayerTwiceMessage(...twice) };
  return { ok: true, layers };
}
