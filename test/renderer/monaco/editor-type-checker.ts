/**
 * The code editor's type checking, run in Node for tests: Monaco's own TypeScript worker (the code
 * the editor runs in a web worker, with Monaco's TypeScript and its lib files) given the editor's
 * compiler options and declaration files. What it reports as errors is what the editor underlines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handlerCompilerOptions, sandboxTypeFiles } from '../../../renderer/monaco/handler-checking.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const MONACO_TYPESCRIPT = join(repoRoot, 'node_modules/monaco-editor/esm/vs/languages/features/typescript');
const AWS_LAMBDA_TYPES = join(repoRoot, 'node_modules/@types/aws-lambda');

interface Diagnostic {
  code: number;
  /** 0 warning, 1 error, 2 suggestion, 3 message (Monaco shows 0 and 1 as squiggles). */
  category: number;
  messageText: string | { messageText: string };
  start?: number;
}
interface CompletionEntry {
  name: string;
  kind: string;
}
interface Model {
  uri: { toString(): string; path: string };
  version: number;
  getValue(): string;
}
interface TypeScriptWorker {
  getSyntacticDiagnostics(fileName: string): Promise<Diagnostic[]>;
  getSemanticDiagnostics(fileName: string): Promise<Diagnostic[]>;
  getCompletionsAtPosition(fileName: string, position: number): Promise<{ entries: CompletionEntry[] } | undefined>;
}
type WorkerClass = new (
  context: { getMirrorModels(): Model[] },
  createData: { compilerOptions: unknown; extraLibs: Record<string, { content: string; version: number }> },
) => TypeScriptWorker;

/** A squiggle the editor would draw: the diagnostic's code, line and message. */
export interface Problem {
  code: number;
  line: number;
  message: string;
}

/** @types/aws-lambda as aws-lambda-types.ts hands it to Monaco (every .d.ts at its real path). */
function awsLambdaTypeFiles(): [string, string][] {
  const files = readdirSync(AWS_LAMBDA_TYPES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'));
  return files.map((file) => [
    `file:///node_modules/@types/aws-lambda/${relative(AWS_LAMBDA_TYPES, join(AWS_LAMBDA_TYPES, file))}`,
    readFileSync(join(AWS_LAMBDA_TYPES, file), 'utf8'),
  ]);
}

/** One editor model at a time, as on a lesson page: check it, or ask for completions in it. */
export class EditorTypeChecker {
  private model: Model | undefined;
  private version = 0;
  private readonly worker: TypeScriptWorker;

  /**
   * `sandboxTypes: false` leaves out the sandbox's Node.js declarations (to see what the ES library
   * alone has); `extraFiles` are more declaration files, as [path, text] (e.g. attached layers).
   */
  constructor(
    Worker: WorkerClass,
    typescriptEnums: Parameters<typeof handlerCompilerOptions>[0],
    sandboxTypes: boolean,
    extraFiles: [string, string][] = [],
  ) {
    const files = [...awsLambdaTypeFiles(), ...(sandboxTypes ? sandboxTypeFiles() : []), ...extraFiles];
    const extraLibs = Object.fromEntries(files.map(([path, content]) => [path, { content, version: 1 }]));
    this.worker = new Worker(
      { getMirrorModels: () => (this.model ? [this.model] : []) },
      { compilerOptions: handlerCompilerOptions(typescriptEnums), extraLibs },
    );
  }

  private open(code: string, filename: string): string {
    const uri = `file:///${filename}`;
    const version = ++this.version;
    this.model = { uri: { toString: () => uri, path: `/${filename}` }, version, getValue: () => code };
    return uri;
  }

  /** The errors and warnings the editor would underline in `code`, saved as `filename`. */
  async problems(code: string, filename = 'index.mjs'): Promise<Problem[]> {
    const uri = this.open(code, filename);
    const found = [
      ...(await this.worker.getSyntacticDiagnostics(uri)),
      ...(await this.worker.getSemanticDiagnostics(uri)),
    ];
    return found
      .filter((d) => d.category === 0 || d.category === 1)
      .map((d) => ({
        code: d.code,
        line: code.slice(0, d.start ?? 0).split('\n').length,
        message: typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText,
      }));
  }

  /** Errors in a declaration file the editor is given (by its path), e.g. a type that does not exist. */
  async declarationProblems(path: string): Promise<Problem[]> {
    const found = [
      ...(await this.worker.getSyntacticDiagnostics(path)),
      ...(await this.worker.getSemanticDiagnostics(path)),
    ];
    return found.map((d) => ({
      code: d.code,
      line: 0,
      message: typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText,
    }));
  }

  /** The names IntelliSense offers where `code` has its `|`. */
  async completions(codeWithCaret: string): Promise<string[]> {
    const at = codeWithCaret.indexOf('|');
    const uri = this.open(codeWithCaret.replace('|', ''), 'index.mjs');
    const info = await this.worker.getCompletionsAtPosition(uri, at);
    return (info?.entries ?? []).map((e) => e.name);
  }
}

/** Loads Monaco's TypeScript worker (about a second: Monaco's TypeScript is 9 MB of JavaScript). */
export async function loadEditorTypeChecker({
  sandboxTypes = true,
  extraFiles = [] as [string, string][],
} = {}): Promise<EditorTypeChecker> {
  const worker = (await import(join(MONACO_TYPESCRIPT, 'tsWorker.js'))) as { TypeScriptWorker: WorkerClass };
  const services = (await import(join(MONACO_TYPESCRIPT, 'lib/typescriptServices.js'))) as {
    typescript: Parameters<typeof handlerCompilerOptions>[0];
  };
  return new EditorTypeChecker(worker.TypeScriptWorker, services.typescript, sandboxTypes, extraFiles);
}
