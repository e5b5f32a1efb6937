/**
 * The lazily loaded Monaco bundle: the editor API, the features we use, JavaScript + JSON
 * language services and the types handlers are checked against (handler-checking.ts). Import it
 * only through `loadMonaco()` (load-monaco.ts) so it stays out of the start-up JavaScript.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/features/json/register';
import './contributions.ts';
import { awsLambdaTypeFiles } from './aws-lambda-types.ts';
import { handlerCompilerOptions, sandboxTypeFiles } from './handler-checking.ts';
import { type LayerSourceFile, layerTypeFiles } from './layer-declarations.ts';
import { installMonacoWorkers } from './workers.ts';

installMonacoWorkers();

typescript.javascriptDefaults.setCompilerOptions(handlerCompilerOptions(typescript));
typescript.javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
// Resolve imports across models eagerly so the declaration files are seen before the first hover.
typescript.javascriptDefaults.setEagerModelSync(true);
typescript.javascriptDefaults.setExtraLibs(
  [...awsLambdaTypeFiles(), ...sandboxTypeFiles()].map(([filePath, content]) => ({ filePath, content })),
);

let layerLibs: { dispose(): void }[] = [];

/** Makes the modules of the attached layers known to the editor (replacing the previous ones). */
export function setLayerFiles(files: readonly LayerSourceFile[]): void {
  for (const lib of layerLibs) lib.dispose();
  layerLibs = layerTypeFiles(files).map(([path, text]) => typescript.javascriptDefaults.addExtraLib(text, path));
}

export { openEditor, type OpenEditor } from './open-editor.ts';
export { monaco };
