/**
 * The architecture's import boundaries are lint rules (eslint.config.js). These tests lint small
 * snippets as if they sat in renderer/ or sandbox/, so a rule that stops applying fails here.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('renderer boundaries', () => {
  const inRenderer = 'renderer/lib/boundary-probe.ts';

  it.each([
    ["import { readFileSync } from 'node:fs';", /no Node modules/],
    ["import { ipcRenderer } from 'electron';", /api-client/],
    ["import Database from 'better-sqlite3';", /main process/],
    ["import { getQuickJS } from 'quickjs-emscripten';", /backend/],
    ["import { createLambdaHost } from '../../sandbox/runtime/lambda-host.ts';", /types from electron\/ and sandbox/],
    ["import { api } from '../../electron/api/contract.ts';", /types from electron\/ and sandbox/],
  ])('refuses %s', async (code, message) => {
    const errors = await boundaryErrors(`${code}\nexport {};\n`, inRenderer);
    expect(errors.join('\n')).toMatch(message);
  });

  it('allows type-only imports of the contract and the invocation record', async () => {
    const code =
      "import type { ApiMethod } from '../../electron/api/contract.ts';\n" +
      "import type { InvocationRecord } from '../../sandbox/invocation/record.ts';\n" +
      'export type Probe = [ApiMethod, InvocationRecord];\n';
    await expect(boundaryErrors(code, inRenderer)).resolves.toEqual([]);
  });
});

describe('sandbox boundaries', () => {
  const inSandbox = 'sandbox/runtime/boundary-probe.ts';

  it('refuses Electron', async () => {
    const errors = await boundaryErrors("import { app } from 'electron';\nexport { app };\n", inSandbox);
    expect(errors.join('\n')).toMatch(/no Electron/);
  });

  it('refuses the DOM', async () => {
    const errors = await boundaryErrors('export const title = document.title;\n', inSandbox);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses runtime imports from the app', async () => {
    const errors = await boundaryErrors("import { dispatch } from '../../electron/api/dispatch.ts';\nexport { dispatch };\n", inSandbox);
    expect(errors.join('\n')).toMatch(/must not depend on the app/);
  });
});
