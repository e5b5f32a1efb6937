/**
 * What every `coldstart` subcommand declares: its name, a one-line summary, its options (which
 * drive both parsing and `--help`) and a run function. main.ts dispatches on this table, so a new
 * command (scenario, simulate, cost, tune, check) is one new file plus one line in the table.
 */

/** Where a command reads and writes. Real process streams in the CLI; fakes are possible in tests. */
export interface CliIo {
  /** Write text to standard output (no newline added). */
  out(text: string): void;
  /** Write text to standard error (no newline added). */
  err(text: string): void;
  /** Read all of standard input as UTF-8 text. */
  readStdin(): Promise<string>;
  /** True when standard output is a terminal (decides colours, with NO_COLOR/FORCE_COLOR). */
  stdoutIsTty: boolean;
  /** The process environment, for NO_COLOR and FORCE_COLOR. */
  env: Record<string, string | undefined>;
  /** Directory that relative paths are resolved against. */
  cwd: string;
}

/** One option of a command, as `util.parseArgs` needs it plus what `--help` shows. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One-letter alias, e.g. `h` for `--help`. */
  short?: string;
  /** The option may be repeated (`--env A=1 --env B=2`); values are collected in order. */
  multiple?: boolean;
  /** Placeholder shown in help, e.g. `MB` in `--memory MB`. */
  valueName?: string;
  /** What it does, with units. */
  description: string;
  /** The default as shown in help, e.g. `128`; omitted when there is none. */
  defaultText?: string;
  /** Accepted values; anything else is refused with the list. */
  choices?: readonly string[];
}

/** Option table of a command, keyed by long name without dashes. */
export type OptionTable = Record<string, OptionSpec>;

/** A positional argument, for usage lines and help. */
export interface PositionalSpec {
  name: string;
  description: string;
  optional?: boolean;
}

/** A `coldstart` subcommand. */
export interface CliCommand {
  name: string;
  /** One line for the command list in `coldstart --help`. */
  summary: string;
  positionals: readonly PositionalSpec[];
  options: OptionTable;
  /**
   * Options a later version will accept (e.g. `set` for template parameters); using one now is
   * refused with this explanation instead of a bare "unknown option".
   */
  plannedOptions?: Record<string, string>;
  /** Extra help text after the options: examples and notes. */
  notes?: readonly string[];
  /** Run with the arguments after the command name; resolves to the process exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes, the contract that scripts and other tools rely on. */
export const EXIT = {
  /** Every invocation succeeded (or the command did what was asked). */
  ok: 0,
  /** The handler failed: it threw, timed out, ran out of memory or broke a limit. */
  handlerFailed: 1,
  /** Bad arguments: unknown option, value out of range, missing file, invalid event JSON. */
  usage: 2,
  /** The simulator itself failed; a bug in Coldstart, not in the handler. */
  internal: 3,
} as const;
