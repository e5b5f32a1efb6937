/**
 * The API over Electron IPC: one channel, every call validated by the same `dispatch` that browser
 * mode uses. Calls from any frame that is not the app's own page are dropped.
 */
import { ipcMain } from 'electron';
import { dispatch, type ApiHandlers } from '../api/dispatch.ts';
import { fail, type ApiResult } from '../api/result.ts';
import { API_CHANNEL, isAppUrl } from './app-origin.ts';

/** Registers the handler; returns a function that removes it. */
export function serveApiOverIpc(handlers: ApiHandlers): () => void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, args: unknown): Promise<ApiResult<unknown>> => {
    // senderFrame is null when the frame has gone away or navigated since it sent the call.
    if (!isAppUrl(event.senderFrame?.url)) {
      console.warn(`[coldstart] Dropped an API call from an unknown sender: ${event.senderFrame?.url ?? '(gone)'}`);
      return fail('Forbidden', 'Only the Coldstart app itself may call its backend.');
    }
    return dispatch(handlers, method, args);
  });
  return () => ipcMain.removeHandler(API_CHANNEL);
}
