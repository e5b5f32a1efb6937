/**
 * How the simulator treats a function's layers around each invoke: Lambda's refusal when the
 * configuration breaks a layer rule (it never reaches an environment), and plain-words notes after
 * an invoke: a layer that does not list the function's runtime or architecture, and a package that
 * could not be found although a layer ships it in a folder Node.js does not search.
 */
import { refusedRecord } from '../invocation/failure-record.ts';
import { platformLine } from '../invocation/log-lines.ts';
import type { FunctionConfig, InvocationRecord, SourceFile } from '../invocation/record.ts';
import { nodePathDirs } from '../runtime/node-path.ts';
import { extractLayers } from './extract-layers.ts';
import { compatibilityWarnings, layerConfigProblem } from './layer-rules.ts';

/**
 * The failed record of an invoke whose layers Lambda refuses (InvalidParameterValueException with
 * `message`): nothing ran, as Lambda refuses the configuration before any invoke.
 */
export function layersRefusedRecord(requestId: string, config: FunctionConfig, message: string): InvocationRecord {
  return refusedRecord(requestId, config, 'InvalidParameterValueException', message, [
    'Lambda refuses these layers when the function is created or its configuration is saved, before anything runs: change the layers in the configuration and run again.',
  ]);
}

/**
 * The refusal when the configuration's layers break a rule (more than 5, two versions of one
 * layer, code + layers over 250 MB); undefined when Lambda would accept them.
 */
export function layerConfigFailure(
  requestId: string,
  config: FunctionConfig,
  files: readonly SourceFile[],
): InvocationRecord | undefined {
  if (!config.layers || config.layers.length === 0) return undefined;
  const problem = layerConfigProblem(files, config.layers);
  return problem === undefined ? undefined : layersRefusedRecord(requestId, config, problem);
}

/** The specifier named by a "Cannot find module/package 'x'" message. */
function missingSpecifier(message: string): string | undefined {
  return /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
}

/** Why a layer's copy of a missing bare package was not found, with the fix, or undefined. */
function misplacedPackageNote(config: FunctionConfig, spec: string): string | undefined {
  if (!config.layers?.length) return undefined;
  const searched = nodePathDirs(config.runtime).filter((d) => d.startsWith('/opt/'));
  const name = spec.split('/')[spec.startsWith('@') ? 1 : 0] ?? spec;
  const candidates = [...extractLayers(config.layers).values()].filter((f) => {
    if (searched.some((dir) => f.path.startsWith(`${dir}/`))) return false;
    const base = f.path.slice(f.path.lastIndexOf('/') + 1).replace(/\.(m|c)?js$|\.json$/, '');
    return f.path.includes(`/node_modules/${spec}/`) || base === name;
  });
  const found = candidates[0];
  if (!found) return undefined;
  return (
    `'${spec}' is in a layer at ${found.path}, but Node.js looks for packages named without a path only in node_modules folders and in NODE_PATH ` +
    `(${searched.join(', ')} for layers). Import it by its absolute path ('${found.path}'), or publish the layer with the package under nodejs/node_modules/${spec}/.`
  );
}

/** Plain-words notes about the layers after an invoke (without the "Coldstart note:" prefix). */
export function layerNotes(config: FunctionConfig, record: InvocationRecord): string[] {
  const notes: string[] = [];
  if (record.coldStart && config.layers?.length) {
    for (const w of compatibilityWarnings(config, config.layers)) notes.push(w.message);
  }
  // A package missing at INIT (Runtime.ImportModuleError) or at a dynamic import() in the handler.
  const spec = record.ok ? undefined : missingSpecifier(record.error.errorMessage);
  if (spec === undefined || spec.startsWith('.') || spec.startsWith('/')) return notes;
  if (!config.layers?.length) {
    notes.push(
      `no layers are attached, so /opt is empty: if '${spec}' comes from a layer, attach the layer to the function (its configuration's Layers).`,
    );
    return notes;
  }
  const note = misplacedPackageNote(config, spec);
  if (note) notes.push(note);
  return notes;
}

/** Appends layerNotes to the record's log lines. */
export function addLayerNotes(config: FunctionConfig, record: InvocationRecord): void {
  for (const note of layerNotes(config, record)) record.logs.push(platformLine(`Coldstart note: ${note}`));
}
