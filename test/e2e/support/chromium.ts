/**
 * Finds and launches the Chromium that end-to-end tests drive. Playwright's own browser download
 * cannot work offline, so the tests use Debian's `chromium` package (or CHROMIUM_PATH).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The browser binary to drive, or an error that says how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, debianPath = DEBIAN_CHROMIUM): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  if (existsSync(debianPath)) return debianPath;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install Debian\'s "chromium" package ' +
      '(sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

/** Headless Chromium with the flags this offline machine needs (no background network chatter). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
