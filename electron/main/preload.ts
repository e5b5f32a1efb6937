/**
 * Preload (runs sandboxed, with context isolation): exposes exactly one function to the page,
 * `window.coldstart.invoke(method, args)`, which the renderer's API client uses. No Node, no
 * ipcRenderer, no other Electron API reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult } from '../api/result.ts';
import { API_CHANNEL } from './app-origin.ts';

/** What `window.coldstart` is (renderer/lib/bridge.d.ts declares the same shape). */
export interface ColdstartBridge {
  mode: 'electron';
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
}

const bridge: ColdstartBridge = {
  mode: 'electron',
  // Only plain data crosses: the method name as a string, args as structured-clonable data.
  invoke: (method, args) => ipcRenderer.invoke(API_CHANNEL, String(method), args) as Promise<ApiResult<unknown>>,
};

contextBridge.exposeInMainWorld('coldstart', bridge);
