/**
 * What the code editor knows about the layers attached to a function, as Lambda's NODE_PATH and
 * /opt make them importable: each package a layer puts in `nodejs/node_modules/<name>` (or
 * `nodejs/node24/node_modules/<name>`) is declared as a module of unknown shape, and each module
 * file is given to the editor at its /opt path with its real text, so `import('/opt/nodejs/x.mjs')`
 * is checked against what the layer exports. A layer that is not attached is not known, and its
 * imports are underlined, as running them fails.
 */

/** Where the editor keeps the package declarations of the attached layers. */
export const LAYER_DECLARATIONS_PATH = 'file:///node_modules/@types/coldstart-layers/index.d.ts';

/** A file of an attached layer; `text` is null for a large binary Coldstart does not hold. */
export interface LayerSourceFile {
  path: string;
  text: string | null;
}

const PACKAGE = /^nodejs\/(?:node\d+\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//;
const MODULE_FILE = /\.(m?js|cjs)$/;

/** Package names the layer files put on NODE_PATH. */
export function layerPackageNames(files: readonly LayerSourceFile[]): string[] {
  const names = new Set<string>();
  for (const { path } of files) {
    const name = PACKAGE.exec(path)?.[1];
    if (name) names.add(name);
  }
  return [...names].sort();
}

/** The editor's extra files for the attached layers, as [path, text]; none when nothing is attached. */
export function layerTypeFiles(files: readonly LayerSourceFile[]): [string, string][] {
  const packages = layerPackageNames(files);
  const out: [string, string][] = files
    .filter((f): f is { path: string; text: string } => f.text !== null && MODULE_FILE.test(f.path))
    .map((f) => [`/opt/${f.path}`, f.text]);
  if (packages.length) {
    out.push([LAYER_DECLARATIONS_PATH, packages.map((name) => `declare module ${JSON.stringify(name)};`).join('\n')]);
  }
  return out;
}
