/**
 * Declarations of the AWS SDK for JavaScript v3 packages the sandbox simulates, for the code editor,
 * written from the sandbox's own list (sandbox/runtime/worker/aws-sdk-modules.ts, plain data) so the
 * two cannot drift: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3'` type-checks and
 * completes, a command the sandbox does not export is underlined. Inputs and outputs are loose
 * (`any`): the real SDK's types are megabytes, and what matters in a lesson is which calls exist.
 */
import { SDK_MODULES, type SdkModule } from '../../sandbox/runtime/worker/aws-sdk-modules.ts';

const SIMULATED = "Sent to Coldstart's simulated account (run from a scenario or a lesson check).";
const NOT_SIMULATED =
  'Exported so imports work; the simulated account does not implement it, so sending it fails naming the operation.';

const commandClass = (name: string, doc: string): string =>
  `  /** ${doc} */\n  export class ${name} {\n    constructor(input?: Record<string, any>);\n    readonly input: Record<string, any>;\n  }`;

const errorClass = (name: string): string =>
  `  export class ${name} extends Error {\n    readonly $fault: 'client' | 'server';\n    readonly $metadata: { httpStatusCode?: number; requestId?: string };\n  }`;

const CLIENT_MEMBERS = `    constructor(config?: { region?: string; endpoint?: string; [option: string]: any });
    /** Sends a command; resolves with its output, rejects with the service's exception. */
    send(command: { readonly input: Record<string, any> }): Promise<any>;
    destroy(): void;`;

/** lib-dynamodb and util-dynamodb export helpers rather than a client and commands. */
const EXTRA_DECLARATIONS: Record<string, (name: string) => string> = {
  DynamoDBDocumentClient: (n) =>
    `  export class ${n} {\n    static from(client: any, options?: { marshallOptions?: any; unmarshallOptions?: any }): ${n};\n${CLIENT_MEMBERS}\n  }`,
  DynamoDBDocument: (n) =>
    `  export class ${n} {\n    static from(client: any, options?: any): ${n};\n    [operation: string]: any;\n  }`,
  marshall: (n) => `  export function ${n}(data: any, options?: Record<string, any>): Record<string, any>;`,
  unmarshall: (n) =>
    `  export function ${n}(data: Record<string, any>, options?: Record<string, any>): Record<string, any>;`,
  convertToAttr: (n) => `  export function ${n}(data: any, options?: Record<string, any>): any;`,
  convertToNative: (n) => `  export function ${n}(data: any, options?: Record<string, any>): any;`,
};

function moduleDeclaration(name: string, m: SdkModule): string {
  const lines: string[] = [];
  if (m.client) {
    lines.push(`  /** ${SIMULATED} */\n  export class ${m.client} {\n${CLIENT_MEMBERS}\n  }`);
    lines.push(errorClass(`${m.client.replace(/Client$/, '')}ServiceException`));
  }
  for (const c of m.commands) lines.push(commandClass(`${c}Command`, SIMULATED));
  for (const c of m.more) lines.push(commandClass(`${c}Command`, NOT_SIMULATED));
  for (const e of m.errors) lines.push(errorClass(e));
  for (const x of m.extra ?? []) {
    const declare = EXTRA_DECLARATIONS[x];
    lines.push(declare ? declare(x) : commandClass(x, SIMULATED));
  }
  return `declare module '${name}' {\n${lines.join('\n')}\n}`;
}

/** One .d.ts text declaring every simulated SDK package. */
export const SANDBOX_AWS_SDK: string = Object.entries(SDK_MODULES)
  .map(([name, m]) => moduleDeclaration(name, m))
  .join('\n\n');
