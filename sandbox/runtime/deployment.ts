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
