/**
 * ANSI colours for human output, only where they help and only where they are wanted: standard
 * output is a terminal and NO_COLOR (https://no-color.org) is unset; FORCE_COLOR turns them on
 * for pipes (e.g. `| less -R`). JSON output never has colours.
 */
import type { CliIo } from './command.ts';

/** Wrappers that colour a string, or return it unchanged when colours are off. */
export interface Colors {
  enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

/** Whether to colour standard output. */
export function colorsWanted(io: Pick<CliIo, 'env' | 'stdoutIsTty'>): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdoutIsTty;
}

/** Colour helpers, switched on or off. */
export function makeColors(enabled: boolean): Colors {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}
