/**
 * One end-to-end test file's world: a headless Chromium and Coldstart's browser mode with its own
 * data folder. Files keep their own variables: `({ browser, app, dataDir } = await openSession('x'))`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startBrowserMode, type RunningApp } from './browser-mode-app.ts';
import { launchChromium } from './chromium.ts';

export interface E2eSession {
  browser: Browser;
  app: RunningApp;
  dataDir: string;
}

/** Launches Chromium and a fresh backend whose data folder is named after `name`. */
export async function openSession(name: string): Promise<E2eSession> {
  const browser = await launchChromium();
  const dataDir = mkdtempSync(join(tmpdir(), `coldstart-e2e-${name}-`));
  const app = await startBrowserMode(dataDir);
  return { browser, app, dataDir };
}

/** Stops what openSession started (whatever of it exists) and deletes the data folder. */
export async function closeSession(session: Partial<E2eSession>): Promise<void> {
  await session.app?.stop();
  await session.browser?.close();
  if (session.dataDir) rmSync(session.dataDir, { recursive: true, force: true });
}
