/**
 * The single entry point behind every transport (Electron IPC and browser-mode HTTP):
 * validates the method name and its arguments against the contract, runs the handler,
 * and turns anything thrown into a plain `{ ok: false, error }` so nothing thrown crosses a boundary.
 */
import { api, isApiMethod, type ApiMethod, type ApiParsedArgs, type ApiReturn } from './contract.ts';
import { ApiFailure, fail, ok, type ApiResult } from './result.ts';

/** The backend: one function per API method. */
export type ApiHandlers = {
  [M in ApiMethod]: (args: ApiParsedArgs<M>) => Promise<ApiReturn<M>> | ApiReturn<M>;
};

/** Formats zod issues as "path: message; path: message" for people. */
const describeIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');

export async function dispatch(handlers: ApiHandlers, method: unknown, rawArgs: unknown): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    return fail('UnknownMethod', `There is no API method called ${JSON.stringify(method)}.`);
  }
  const parsed = api[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return fail('InvalidArguments', `${method}: ${describeIssues(parsed.error.issues)}`);
  }
  try {
    const handler = handlers[method] as (args: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof ApiFailure) return fail(error.errorName, error.message);
    // An unexpected failure: report it plainly, keep the stack in the backend's log only.
    console.error(`[coldstart] ${method} failed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    return fail('InternalError', `${method} failed unexpectedly: ${message}`);
  }
}
