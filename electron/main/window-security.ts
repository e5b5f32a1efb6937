/**
 * Electron hardening that applies to every web contents the app ever creates (as Electron Fiddle
 * does): no new windows, no navigation away from the app, no <webview>, no permissions.
 * Links to the web (lesson sources) open in the learner's own browser instead.
 */
import { app, session, shell, type WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';

/** Opens http(s) links in the system browser; anything else (file:, javascript:, ...) is dropped. */
function openOutside(url: string): void {
  try {
    const { protocol } = new URL(url);
    if (protocol === 'https:' || protocol === 'http:') void shell.openExternal(url);
  } catch {
    // Not a URL: nothing to open.
  }
}

function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  // Redirects are navigations too.
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call once, before any window is created. */
export function installWindowSecurity(): void {
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.whenReady().then(
    () => {
      // The app needs no camera, microphone, notifications, geolocation...: refuse them all.
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      session.defaultSession.setPermissionCheckHandler(() => false);
    },
    () => undefined,
  );
}
