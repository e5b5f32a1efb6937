/**
 * Where Coldstart keeps the learner's progress database. Electron and browser mode use the same
 * rule, so switching between them keeps the same drafts, answers and settings.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The application name Electron derives `userData` from (package.json `productName`). */
export const APP_NAME = 'Coldstart';

/** File name of the SQLite progress database inside the data directory. */
export const DATABASE_FILENAME = 'coldstart.db';

/** What the rule reads; defaults to the running process, tests pass their own. */
export interface DataDirInputs {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * The data directory: `COLDSTART_DATA_DIR` when set, otherwise Electron's `userData` rule for
 * the app name "Coldstart": `%APPDATA%\Coldstart` on Windows, `~/Library/Application Support/Coldstart`
 * on macOS, and `$XDG_CONFIG_HOME/Coldstart` (or `~/.config/Coldstart`) elsewhere.
 */
export function resolveDataDir(inputs: DataDirInputs = {}): string {
  const env = inputs.env ?? process.env;
  const platform = inputs.platform ?? process.platform;
  const home = inputs.home ?? homedir();

  const override = env['COLDSTART_DATA_DIR'];
  if (override !== undefined && override.trim() !== '') return override;

  // Paths are joined with the target platform's separator so the Windows rule reads as Windows would.
  if (platform === 'win32') {
    const appData = env['APPDATA'] ?? `${home}\\AppData\\Roaming`;
    return `${appData.replace(/[\\/]+$/, '')}\\${APP_NAME}`;
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', APP_NAME);
  }
  // Chromium (hence Electron) takes XDG_CONFIG_HOME whenever it is non-empty.
  const xdg = env['XDG_CONFIG_HOME'];
  const configHome = xdg !== undefined && xdg !== '' ? xdg : join(home, '.config');
  return join(configHome, APP_NAME);
}

/** Full path of the progress database for a data directory. */
export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILENAME);
}
