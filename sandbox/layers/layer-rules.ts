/**
 * What Lambda's CreateFunction/UpdateFunctionConfiguration API checks about a function's layers,
 * in its own words (InvalidParameterValueException):
 * - at most 5 layers: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html,
 *   https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html;
 * - the layer version must exist;
 * - two versions of the same layer cannot be attached together;
 * - function code and all layers together, unzipped, at most 250 MB (262,144,000 bytes): "Function
 *   code combined with layers exceeds the maximum allowed size of 262144000 bytes. The actual size
 *   is N bytes." (adding-layers.html; the message as Lambda returns it to CloudFormation, SAM and the CLI).
 *
 * Compatible runtimes and architectures are NOT checked by Lambda: the API reference says they are
 * "used for filtering with ListLayers and ListLayerVersions"
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PublishLayerVersion.html), and the console
 * offers only compatible layers in its list. A function may still attach any layer by ARN, and an
 * incompatible one fails (or not) only when its code runs. Coldstart does the same and warns.
 */
import { LAYERS_MAX, PACKAGE_UNZIPPED_MAX_BYTES } from '../facts/limits.ts';
import type { FunctionConfig, SourceFile } from '../invocation/record.ts';
import { layerArnOf, layerSizeBytes, type LayerVersion } from './layer-version.ts';

/** Lambda's message for a sixth layer. */
export const TOO_MANY_LAYERS = `Cannot reference more than ${LAYERS_MAX} layers.`;

/** Lambda's message for a layer version that is not published (or was never published). */
export function unknownLayerMessage(arn: string): string {
  return `Layer version ${arn} does not exist.`;
}

/** Lambda's message for two versions of one layer on one function. */
export function sameLayerTwiceMessage(firstArn: string, secondArn: string): string {
  return `Two different versions of the same layer are not allowed to be referenced in the same function. ${firstArn} and ${secondArn} are versions of the same layer.`;
}

/** Lambda's message when code + layers are too large unzipped. */
export function combinedSizeMessage(actualBytes: number): string {
  return `Function code combined with layers exceeds the maximum allowed size of ${PACKAGE_UNZIPPED_MAX_BYTES} bytes. The actual size is ${actualBytes} bytes.`;
}

/** The first pair of ARNs that are two versions of one layer, if any. */
export function sameLayerTwice(arns: readonly string[]): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const arn of arns) {
    const first = seen.get(layerArnOf(arn));
    if (first !== undefined) return [first, arn];
    seen.set(layerArnOf(arn), arn);
  }
  return undefined;
}

/** Unzipped size of the function's own files, in bytes. */
export function functionCodeBytes(files: readonly SourceFile[]): number {
  return files.reduce((sum, f) => sum + Buffer.byteLength(f.code, 'utf8'), 0);
}

/** Function code + every layer, unzipped, in bytes (the 250 MB quota counts them together). */
export function combinedUnzippedBytes(files: readonly SourceFile[], layers: readonly LayerVersion[]): number {
  return functionCodeBytes(files) + layers.reduce((sum, l) => sum + layerSizeBytes(l), 0);
}

/**
 * Why Lambda would refuse this function's layers, in its words (undefined when it would accept
 * them): too many, two versions of one layer, or code + layers over 250 MB.
 */
export function layerConfigProblem(files: readonly SourceFile[], layers: readonly LayerVersion[]): string | undefined {
  if (layers.length > LAYERS_MAX) return TOO_MANY_LAYERS;
  const twice = sameLayerTwice(layers.map((l) => l.arn));
  if (twice) return sameLayerTwiceMessage(...twice);
  const bytes = combinedUnzippedBytes(files, layers);
  if (bytes > PACKAGE_UNZIPPED_MAX_BYTES) return combinedSizeMessage(bytes);
  return undefined;
}

/** A layer whose declared runtimes or architectures leave out the function's. */
export interface CompatibilityWarning {
  arn: string;
  /** `runtime` or `architecture`: which declaration leaves the function out. */
  kind: 'runtime' | 'architecture';
  /** What the function uses. */
  uses: string;
  /** What the layer declares. */
  declared: string[];
  message: string;
}

/** What each kind of warning says a mismatch breaks. */
const MISMATCH_RISK: Record<CompatibilityWarning['kind'], string> = {
  runtime:
    "Lambda attaches it anyway (compatible runtimes only filter the console's list), but code built for another Node.js version may fail when it runs.",
  architecture:
    'Lambda attaches it anyway, but native binaries built for another instruction set fail when they are loaded.',
};

/** Layers that do not list the function's runtime or architecture (Lambda accepts them anyway). */
export function compatibilityWarnings(
  config: Pick<FunctionConfig, 'runtime' | 'architecture'>,
  layers: readonly LayerVersion[],
): CompatibilityWarning[] {
  const out: CompatibilityWarning[] = [];
  for (const layer of layers) {
    const checks = [
      { kind: 'runtime', uses: config.runtime, declared: layer.compatibleRuntimes, noun: 'runtimes' },
      {
        kind: 'architecture',
        uses: config.architecture,
        declared: layer.compatibleArchitectures,
        noun: 'architectures',
      },
    ] as const;
    for (const { kind, uses, declared, noun } of checks) {
      const list: string[] | undefined = declared;
      if (!list || list.length === 0 || list.includes(uses)) continue;
      const message = `the layer ${layer.name}:${layer.version} lists the ${noun} ${list.join(', ')}, not ${uses}. ${MISMATCH_RISK[kind]}`;
      out.push({ arn: layer.arn, kind, uses, declared: list, message });
    }
  }
  return out;
}
