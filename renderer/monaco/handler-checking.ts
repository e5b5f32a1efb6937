/**
 * How the code editor type-checks a learner's handler: the compiler options and the declarations
 * of the Node.js API and the AWS SDK packages the sandbox implements (the aws-lambda types are aws-lambda-types.ts). Shared
 * by the Monaco setup (monaco.ts) and test/renderer/monaco/, which checks the lessons' code and the
 * sandbox's real exports with the TypeScript worker the editor runs. Part of the lazy Monaco chunk.
 */
import { SANDBOX_AWS_SDK } from './sandbox-aws-sdk.ts';
import { SANDBOX_NODE_GLOBALS } from './sandbox-node-globals.ts';
import { SANDBOX_NODE_MODULES } from './sandbox-node-modules.ts';

/** The enums a TypeScript API names the options with (Monaco's and the `typescript` package's agree). */
interface TypeScriptEnums<Target, Module, Resolution> {
  ScriptTarget: { ESNext: Target };
  ModuleKind: { ESNext: Module };
  ModuleResolutionKind: { NodeJs: Resolution };
}

/**
 * Learner handlers are plain .mjs files: check them as JavaScript with JSDoc types, the way VS Code
 * does with `// @ts-check`, so `event.` and `context.` complete and typos are underlined.
 */
export function handlerCompilerOptions<Target, Module, Resolution>(ts: TypeScriptEnums<Target, Module, Resolution>) {
  return {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    // The ES library only: no DOM (a handler has no `document`), Node's globals come from below.
    lib: ['esnext'],
    allowJs: true,
    checkJs: true,
    allowNonTsExtensions: true,
    // `import fs from 'node:fs'` works in Node and in the sandbox.
    allowSyntheticDefaultImports: true,
    strict: false,
    noEmit: true,
  };
}

/** [path in the editor's virtual file system, text] of the sandbox's Node.js declarations. */
export function sandboxTypeFiles(): [string, string][] {
  return [
    ['file:///node_modules/@types/coldstart-sandbox/globals.d.ts', SANDBOX_NODE_GLOBALS],
    ['file:///node_modules/@types/coldstart-sandbox/modules.d.ts', SANDBOX_NODE_MODULES],
    ['file:///node_modules/@types/coldstart-sandbox/aws-sdk.d.ts', SANDBOX_AWS_SDK],
  ];
}
