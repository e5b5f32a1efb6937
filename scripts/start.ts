/**
 * `npm start`: builds what is stale, then opens the desktop app; where Electron cannot run (no
 * binary and no way to fetch it, or no display) it says why in one line and serves the same app in
 * browser mode on 127.0.0.1, printing the URL.
 */
import { spawn } from 'node:child_process';
import { runBrowserMode, portFromArgs, stopOnSignals, urlLine } from '../electron/browser-mode.ts';
import { buildElectron, buildRenderer, isRendererStale, ROOT } from './build.ts';
import { electronBinary, missingDisplayReason, tryDownloadElectron } from './electron-binary.ts';

const say = (line: string): void => console.log(line);

const NO_BINARY_NO_DISPLAY =
  "Electron's binary isn't installed and there is no display to open a window on, so Coldstart opens in browser mode instead.";

/** Downloads Electron's binary once; returns it, or the one-line reason it is not available. */
async function findElectron(): Promise<{ binary: string } | { reason: string }> {
  const download = await tryDownloadElectron(ROOT);
  const binary = electronBinary(ROOT);
  if (download.ok && binary) return { binary };
  return {
    reason:
      "Electron's binary isn't installed and couldn't be downloaded (offline?), so Coldstart opens in browser mode instead.",
  };
}

/** What to do first: run Electron, try fetching it, or go straight to browser mode (and why). */
export type LaunchPlan = { kind: 'electron' } | { kind: 'download' } | { kind: 'browser'; reason: string };

/** Decides from what is installed and whether a display exists; no side effects. */
export function launchPlan(binaryInstalled: boolean, noDisplayReason: string | undefined): LaunchPlan {
  // Without a display there is no point fetching Electron: say what is missing and serve the browser.
  if (noDisplayReason !== undefined)
    return { kind: 'browser', reason: binaryInstalled ? noDisplayReason : NO_BINARY_NO_DISPLAY };
  return binaryInstalled ? { kind: 'electron' } : { kind: 'download' };
}

async function startBrowserMode(reason: string, argv: readonly string[]): Promise<void> {
  say(reason);
  const app = await runBrowserMode({ port: portFromArgs(argv) });
  stopOnSignals(app);
  say(urlLine(app.url));
}

function startElectron(binary: string): void {
  // ELECTRON_RUN_AS_NODE in the environment would turn the app into a plain Node process.
  const env = { ...process.env };
  delete env['ELECTRON_RUN_AS_NODE'];
  const child = spawn(binary, [ROOT], { cwd: ROOT, env, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(argv: readonly string[]): Promise<void> {
  if (isRendererStale()) say('Building the app interface (first start, or after changes)...');
  await buildRenderer({ quiet: true });

  const installed = electronBinary(ROOT);
  const plan = launchPlan(installed !== undefined, missingDisplayReason());
  if (plan.kind === 'browser') return startBrowserMode(plan.reason, argv);
  const electron = installed ? { binary: installed } : await findElectron();
  if ('reason' in electron) return startBrowserMode(electron.reason, argv);

  await buildElectron({ quiet: true });
  startElectron(electron.binary);
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`Coldstart could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
