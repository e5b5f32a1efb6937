/**
 * Backends for tests: real SQLite in a temporary folder, the real sandbox, a lessons folder of the
 * test's choosing; calls go through dispatch as both transports' do.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, vi } from 'vitest';
import { dispatch } from '../../../../electron/api/dispatch.ts';
import type { ApiMethod, ApiReturn } from '../../../../electron/api/contract.ts';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend.ts';

export const FIXTURE_LESSONS = fileURLToPath(new URL('../../../fixtures/lessons', import.meta.url));
export const FIXTURE_COURSE = fileURLToPath(new URL('../../../fixtures/course', import.meta.url));
export const REAL_LESSONS = fileURLToPath(new URL('../../../../lessons', import.meta.url));

/** Backends opened by `backendAt`, closed after each test. */
export function useBackends(): (dataDir: string, lessonsDir?: string) => Backend {
  const open: Backend[] = [];
  beforeEach(() => {
    // The fixture course has lessons broken on purpose; the library's report of them is not news here.
    const original = console.error;
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('[coldstart] Some lessons could not be loaded')) return;
      original(...args);
    });
  });
  afterEach(async () => {
    for (const backend of open.splice(0)) await backend.close();
  });
  return (dataDir, lessonsDir = FIXTURE_LESSONS) => {
    const backend = createBackend({ dataDir, lessonsDir, mode: 'browser', version: '1.2.3' });
    open.push(backend);
    return backend;
  };
}

/** Calls one method and unwraps a success (a failure throws with its name). */
export async function call<M extends ApiMethod>(backend: Backend, method: M, args: unknown): Promise<ApiReturn<M>> {
  const result = await dispatch(backend.handlers, method, args);
  if (!result.ok) throw new Error(`${result.error.name}: ${result.error.message}`);
  return result.value as ApiReturn<M>;
}

/** Calls one method expecting a failure; returns its error. */
export async function failure(
  backend: Backend,
  method: ApiMethod,
  args: unknown,
): Promise<{ name: string; message: string }> {
  const result = await dispatch(backend.handlers, method, args);
  if (result.ok) throw new Error(`${method} succeeded, but a failure was expected`);
  return result.error;
}
