/**
 * What Electron's preload exposes on `window` (contextBridge). Browser mode has no bridge:
 * the API client then falls back to HTTP on 127.0.0.1.
 */
import type { ApiResult } from '../../electron/api/result.ts';

declare global {
  interface ColdstartBridge {
    mode: 'electron';
    invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
  }
  interface Window {
    coldstart?: ColdstartBridge;
  }
}

export {};
