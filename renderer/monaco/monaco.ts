/**
 * The lazily loaded Monaco bundle: the editor API, the features we use, JavaScript + JSON
 * language services and the aws-lambda types. Import it only through `loadMonaco()` (load-monaco.ts)
 * so it stays out of the start-up JavaScript.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/features/json/register';
import './contributions.ts';
import { awsLambdaTypeFiles } from './aws-lambda-types.ts';
import { installMonacoWorkers } from './workers.ts';

installMonacoWorkers();

// Learner handlers are plain .mjs files: check them as JavaScript with JSDoc types, the way
// VS Code does with `// @ts-check`, so `event.` and `context.` complete and typos are underlined.
typescript.javascriptDefaults.setCompilerOptions({
  target: typescript.ScriptTarget.ESNext,
  module: typescript.ModuleKind.ESNext,
  moduleResolution: typescript.ModuleResolutionKind.NodeJs,
  allowJs: true,
  checkJs: true,
  allowNonTsExtensions: true,
  strict: false,
  noEmit: true,
  // No `lib` override: the defaults include the ES library; Node globals like `process` come from
  // the small declaration below rather than all of @types/node.
});
typescript.javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
// Resolve imports across models eagerly so the aws-lambda files are seen before the first hover.
typescript.javascriptDefaults.setEagerModelSync(true);

for (const [path, text] of awsLambdaTypeFiles()) {
  typescript.javascriptDefaults.addExtraLib(text, path);
}

// Lambda's Node.js runtime globals that handlers commonly use; enough for lessons without @types/node.
typescript.javascriptDefaults.addExtraLib(
  `declare var process: { env: Record<string, string | undefined>; memoryUsage(): { rss: number; heapUsed: number; heapTotal: number } };
declare function require(id: string): any;
declare var module: { exports: any };
declare var exports: any;
declare var Buffer: { from(data: string, encoding?: string): { toString(encoding?: string): string; length: number }; byteLength(s: string): number };`,
  'file:///node_modules/@types/coldstart-globals/index.d.ts',
);

export { monaco };
export type Monaco = typeof monaco;
