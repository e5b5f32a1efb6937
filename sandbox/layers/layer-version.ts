/**
 * A Lambda layer version: a .zip archive, published under a name, that Lambda extracts into /opt
 * of every execution environment of a function that attaches it. Versions are immutable: new
 * content is a new version number, and each version has its own ARN
 * (https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/creating-deleting-layers.html).
 *
 * Plain data only, so a layer version travels inside a FunctionConfig to worker threads.
 */
import { SIMULATED_ACCOUNT_ID, SIMULATED_REGION } from '../facts/limits.ts';
import type { Architecture, RuntimeId } from '../invocation/record.ts';

/** One file of a layer, its path relative to the layer's root (`nodejs/node_modules/x/index.js`). */
export interface LayerFile {
  path: string;
  /** The file's text. Empty for a large binary whose bytes Coldstart does not hold (see sizeBytes). */
  code: string;
  /**
   * Unzipped size in bytes when it is not the size of `code`: a stand-in for a large binary
   * (a native library, a model) that counts toward the 250 MB quota without filling memory.
   */
  sizeBytes?: number;
}

/** A layer's description: one text, or one per language for layers a lesson publishes. */
export type LayerDescription = string | { en: string; ko: string };

/** A published layer version, as GetLayerVersion describes it plus its content. */
export interface LayerVersion {
  /** Layer name: letters, digits, `-` and `_` (LayerName in PublishLayerVersion). */
  name: string;
  /** 1, 2, 3...: each PublishLayerVersion with the same name adds one. */
  version: number;
  /** `arn:aws:lambda:us-east-1:123456789012:layer:<name>:<version>` */
  arn: string;
  files: LayerFile[];
  /**
   * Runtimes and architectures the publisher declared. Lambda uses them to filter ListLayers and
   * the console's list; it does not refuse a function whose runtime is not in them (see layer-rules.ts).
   */
  compatibleRuntimes?: RuntimeId[];
  compatibleArchitectures?: Architecture[];
  description?: LayerDescription;
}

/** Layer names as PublishLayerVersion accepts them (the name part of the ARN pattern). */
export const LAYER_NAME = /^[a-zA-Z0-9_-]{1,140}$/;

/** A layer version ARN, as Lambda's API pattern for `Layers` entries defines it. */
export const LAYER_VERSION_ARN =
  /^arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):(\d{12}):layer:([a-zA-Z0-9_-]+):([0-9]+)$/;

/** `arn:aws:lambda:us-east-1:123456789012:layer:<name>:<version>` in Coldstart's simulated account. */
export function layerVersionArn(name: string, version: number): string {
  return `arn:aws:lambda:${SIMULATED_REGION}:${SIMULATED_ACCOUNT_ID}:layer:${name}:${version}`;
}

/** The parts of a layer version ARN, or undefined when `arn` is not one. */
export function parseLayerVersionArn(
  arn: string,
): { region: string; account: string; name: string; version: number } | undefined {
  const m = LAYER_VERSION_ARN.exec(arn);
  if (!m) return undefined;
  return { region: m[1]!, account: m[2]!, name: m[3]!, version: Number(m[4]) };
}

/** The layer's ARN without the version: what two versions of one layer share. */
export function layerArnOf(versionArn: string): string {
  return versionArn.slice(0, versionArn.lastIndexOf(':'));
}

/** Unzipped size of one file in bytes. */
export function layerFileBytes(file: LayerFile): number {
  return file.sizeBytes ?? Buffer.byteLength(file.code, 'utf8');
}

/** Unzipped size of a layer version in bytes. */
export function layerSizeBytes(layer: LayerVersion): number {
  return layer.files.reduce((sum, f) => sum + layerFileBytes(f), 0);
}

/**
 * A path inside a layer, normalised (forward slashes, no `.`), or undefined when it would leave the
 * layer's root (`..`, an absolute path) or is empty.
 */
export function normalizeLayerPath(path: string): string | undefined {
  if (path.startsWith('/') || path.includes('\\')) return undefined;
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') return undefined;
    if (seg && seg !== '.') parts.push(seg);
  }
  return parts.length ? parts.join('/') : undefined;
}

/** What a caller gives to describe a layer version; the ARN is derived. */
export interface LayerVersionSpec {
  name: string;
  version: number;
  files: LayerFile[];
  compatibleRuntimes?: RuntimeId[];
  compatibleArchitectures?: Architecture[];
  description?: LayerDescription;
}

/**
 * A layer version in Coldstart's simulated account, files normalised and sorted by path.
 * @throws Error naming the bad name, version or path (a programming or content error).
 */
export function makeLayerVersion(spec: LayerVersionSpec): LayerVersion {
  if (!LAYER_NAME.test(spec.name))
    throw new Error(`'${spec.name}' is not a layer name: use letters, digits, - and _ (at most 140)`);
  if (!Number.isInteger(spec.version) || spec.version < 1)
    throw new Error(`layer version ${spec.version} of '${spec.name}': versions are whole numbers from 1`);
  const files = spec.files.map((f) => {
    const path = normalizeLayerPath(f.path);
    if (!path)
      throw new Error(`'${f.path}' in layer '${spec.name}' is not a path inside the layer (relative, without ..)`);
    return { ...f, path };
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    name: spec.name,
    version: spec.version,
    arn: layerVersionArn(spec.name, spec.version),
    files,
    ...(spec.compatibleRuntimes ? { compatibleRuntimes: [...spec.compatibleRuntimes] } : {}),
    ...(spec.compatibleArchitectures ? { compatibleArchitectures: [...spec.compatibleArchitectures] } : {}),
    ...(spec.description === undefined ? {} : { description: spec.description }),
  };
}
