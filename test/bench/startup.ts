/**
 * Start-up benchmark: from launching browser mode (a new backend process) to an interactive course
 * map in Chromium (the app sets html[data-app-ready]). The browser is started once beforehand: the
 * figure is Coldstart's start-up, not Chromium's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBrowserMode } from '../e2e/support/browser-mode-app.ts';
import { launchChromium } from '../e2e/support/chromium.ts';
import { median } from './stats.ts';

export async function benchStartup(runs: number): Promise<{ serverMs: number; interactiveMs: number }> {
  const browser = await launchChromium();
  const dataDir = mkdtempSync(join(tmpdir(), 'coldstart-bench-'));
  const server: number[] = [];
  const interactive: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const app = await startBrowserMode(dataDir);
      const t1 = performance.now();
      const page = await browser.newPage();
      await page.goto(app.url);
      await page.locator('html[data-app-ready="true"]').waitFor();
      const t2 = performance.now();
      server.push(t1 - t0);
      interactive.push(t2 - t0);
      await page.close();
      await app.stop();
    }
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { serverMs: median(server), interactiveMs: median(interactive) };
}
