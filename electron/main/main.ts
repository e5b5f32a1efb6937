/**
 * The desktop shell's main process: one hardened window on `app://coldstart/`, the backend behind
 * IPC, and the progress database closed on quit. Bundled to dist/electron/main.cjs by
 * scripts/build.ts; `app.getAppPath()` is the folder holding package.json, lessons/ and dist/.
 */
import { app, BrowserWindow, dialog, nativeTheme } from 'electron';
import { join } from 'node:path';
import { createBackend, type Backend } from '../backend/create-backend.ts';
import { resolveDataDir } from '../data-dir.ts';
import { DatabaseTooNewError } from '../store/open-database.ts';
import { APP_URL } from './app-origin.ts';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { serveApiOverIpc } from './ipc-api.ts';
import { electronLambdaHostFactory } from './lambda-host-factory.ts';
import { installWindowSecurity } from './window-security.ts';

const appDir = app.getAppPath();
let backend: Backend | undefined;
let window: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Coldstart',
    show: false,
    // Avoids a white flash before the renderer applies a dark theme.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}

function start(): void {
  try {
    backend = createBackend({
      dataDir: resolveDataDir(),
      lessonsDir: join(appDir, 'lessons'),
      mode: 'electron',
      version: app.getVersion(),
      lambdaHost: electronLambdaHostFactory(__dirname),
    });
  } catch (error) {
    // A database from a newer version is refused, never overwritten: say so and stop.
    const message =
      error instanceof DatabaseTooNewError ? error.message : `Coldstart could not start: ${String(error)}`;
    dialog.showErrorBox('Coldstart cannot open your progress', message);
    app.exit(1);
    return;
  }
  serveAppProtocol(join(appDir, 'dist', 'renderer'));
  serveApiOverIpc(backend.handlers);
  window = createWindow();
  window.on('closed', () => (window = undefined));
}

// One instance at a time: two would share one database and two sets of warm environments.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  installWindowSecurity();

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.whenReady().then(start, (error: unknown) => {
    console.error('[coldstart] Electron failed to start:', error);
    app.exit(1);
  });

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open opens one again.
    if (backend && BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });

  app.on('window-all-closed', () => app.quit());

  // Hold the quit until workers have ended and the database is closed (WAL checkpointed).
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !backend) return;
    event.preventDefault();
    backend
      .close()
      .catch((error: unknown) => console.error('[coldstart] Error while closing the backend:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
