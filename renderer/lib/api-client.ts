/**
 * The renderer's typed API client, derived from electron/api/contract.ts (types only).
 * `api['lessons.get']({ id, language })` or `callApi('lessons.get', {...})`; both return
 * `Promise<ApiResult<...>>` and never throw: a transport failure becomes
 * `{ ok: false, error: { name: 'BackendUnreachable', message } }`.
 *
 * Transport: Electron's preload bridge (`window.coldstart.invoke`) when present, else browser mode:
 * `POST /api/<method>` with the JSON args and the per-launch bearer token.
 */
import type { ApiArgs, ApiMethod, ApiReturn } from '../../electron/api/contract.ts';
import type { ApiError, ApiResult } from '../../electron/api/result.ts';
import { sessionToken } from './session-token.ts';

export type { ApiArgs, ApiMethod, ApiReturn, ApiError, ApiResult };

/** Options for one call. */
export interface CallOptions {
  /** Let the request outlive the page (used for the final draft save on page hide). Default false. */
  keepalive?: boolean;
}

type Listener = (method: ApiMethod, result: ApiResult<unknown>) => void;
const listeners = new Set<Listener>();

/** Observes every call's outcome (the UI uses it to show errors and the backend-down banner). */
export function onApiResult(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const unreachable = (message: string): ApiResult<never> => ({
  ok: false,
  error: { name: 'BackendUnreachable', message },
});

/** Anything that is not a well-formed ApiResult is reported rather than trusted. */
function asResult(value: unknown, context: string): ApiResult<unknown> {
  if (value && typeof value === 'object' && 'ok' in value) {
    const v = value as { ok: unknown; value?: unknown; error?: Partial<ApiError> };
    if (v.ok === true) return { ok: true, value: v.value };
    if (v.ok === false && v.error) {
      return { ok: false, error: { name: String(v.error.name ?? 'Error'), message: String(v.error.message ?? '') } };
    }
  }
  return { ok: false, error: { name: 'BadResponse', message: `${context}: the backend sent an unexpected reply.` } };
}

async function viaHttp(method: ApiMethod, args: unknown, options: CallOptions): Promise<ApiResult<unknown>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = sessionToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(args ?? {}),
      keepalive: options.keepalive ?? false,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return unreachable(`Could not reach the Coldstart backend (${detail}).`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // A proxy page or an empty reply: say which status came back instead of a JSON parse error.
    return {
      ok: false,
      error: {
        name: 'BadResponse',
        message: `${method}: the backend answered HTTP ${response.status} without a result.`,
      },
    };
  }
  return asResult(body, method);
}

async function viaBridge(bridge: ColdstartBridge, method: ApiMethod, args: unknown): Promise<ApiResult<unknown>> {
  try {
    return asResult(await bridge.invoke(method, args ?? {}), method);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return unreachable(`The desktop app's backend did not answer (${detail}).`);
  }
}

/** Calls one API method. Never throws. */
export async function callApi<M extends ApiMethod>(
  method: M,
  args: ApiArgs<M>,
  options: CallOptions = {},
): Promise<ApiResult<ApiReturn<M>>> {
  const bridge = typeof window !== 'undefined' ? window.coldstart : undefined;
  const result = bridge ? await viaBridge(bridge, method, args) : await viaHttp(method, args, options);
  for (const listener of listeners) listener(method, result);
  return result as ApiResult<ApiReturn<M>>;
}

/** `api['method'](args)`: one typed function per contract method, built on demand by a Proxy. */
export type ApiClient = {
  [M in ApiMethod]: (args: ApiArgs<M>, options?: CallOptions) => Promise<ApiResult<ApiReturn<M>>>;
};

export const api: ApiClient = new Proxy({} as ApiClient, {
  get(_target, method) {
    if (typeof method !== 'string') return undefined;
    return (args: unknown, options?: CallOptions) => callApi(method as ApiMethod, args as never, options);
  },
});

/** True when running inside the Electron shell (preload bridge present). */
export const isElectron = (): boolean => typeof window !== 'undefined' && window.coldstart?.mode === 'electron';
