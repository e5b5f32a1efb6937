/**
 * TypeScript handler files (.ts, .mts, .cts): types are removed with esbuild's transformSync, the
 * way `tsc`/esbuild would compile them before a real deployment. esbuild is loaded on first need
 * (it starts a helper process once, ~150 ms) and is never bundled into the app's worker file.
 */

interface EsbuildLike {
  transformSync(code: string, options: Record<string, unknown>): { code: string; map: string };
}

interface EsbuildFailure {
  errors?: { text: string; location?: { line: number; column: number } | null }[];
}

let esbuild: EsbuildLike | undefined;

/** True for files that need transpiling. */
export function isTypeScript(path: string): boolean {
  return /\.(ts|mts|cts)$/.test(path) && !path.endsWith('.d.ts');
}

/** True once transpileTs can run synchronously. */
export function transpilerReady(): boolean {
  return esbuild !== undefined;
}

/** Load esbuild (once per thread). */
export async function loadTranspiler(): Promise<void> {
  if (esbuild) return;
  // A computed specifier keeps bundlers from inlining esbuild (it must stay an external package).
  const name = ['es', 'build'].join('');
  const mod = (await import(name)) as EsbuildLike & { default?: EsbuildLike };
  esbuild = typeof mod.transformSync === 'function' ? mod : mod.default;
}

/**
 * JavaScript for a TypeScript file with its source map (JSON, for stack traces in the learner's
 * lines), or a syntax error message naming the line and column.
 */
export function transpileTs(path: string, code: string): { code: string; map: string } | { error: string } {
  if (!esbuild) return { error: `Coldstart could not load its TypeScript transpiler for ${path}` };
  try {
    const out = esbuild.transformSync(code, { loader: 'ts', sourcefile: path, target: 'es2022', format: path.endsWith('.cts') ? 'cjs' : undefined, sourcemap: 'external' });
    return { code: out.code, map: out.map };
  } catch (error) {
    const first = (error as EsbuildFailure).errors?.[0];
    if (!first) return { error: error instanceof Error ? error.message : String(error) };
    const where = first.location ? ` (${path}:${first.location.line}:${first.location.column + 1})` : '';
    return { error: `${first.text}${where}` };
  }
}
