/**
 * A function "deployment": code + configuration, identified by a hash. Invokes with the same
 * environment key reuse a warm environment while the hash stays the same.
 */
import { createHash } from 'node:crypto';
import type { FunctionConfig, SourceFile } from '../invocation/record.ts';

/** Hash of everything that makes a deployment: code and configuration (its layers' content included). */
export function deploymentHash(request: { files: SourceFile[]; config: FunctionConfig }): string {
  const files = [...request.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return createHash('sha256').update(JSON.stringify({ files, config: request.config })).digest('hex');
}

interface CachedHash {
  snapshot: string[];
  configJson: string;
  hash: string;
}

/**
 * Hashes of requests that reuse the same files array (no re-hashing per invoke). The entry keeps
 * the file strings and the config's JSON, so a caller that edits the array in place still gets a
 * new hash.
 */
const hashCache = new WeakMap<SourceFile[], CachedHash>();

/** deploymentHash, remembered per files array (a warm invoke repeats the same deployment). */
export function cachedDeploymentHash(request: { files: SourceFile[]; config: FunctionConfig }): string {
  const { files, config } = request;
  // A layer version is immutable (same ARN, same files), so its ARN stands for its content here:
  // stringifying every layer file on each warm invoke would put the layers' size on the hot path.
  const configJson = JSON.stringify(config.layers ? { ...config, layers: config.layers.map((l) => l.arn) } : config);
  const hit = hashCache.get(files);
  if (hit && hit.configJson === configJson && hit.snapshot.length === files.length * 2 && files.every((f, i) => hit.snapshot[2 * i] === f.path && hit.snapshot[2 * i + 1] === f.code)) return hit.hash;
  const hash = deploymentHash(request);
  hashCache.set(files, { snapshot: files.flatMap((f) => [f.path, f.code]), configJson, hash });
  return hash;
}
