/**
 * Argument parsing on Node's own `util.parseArgs`, with messages a learner can act on: which
 * option was wrong, what it expects (with its unit), and the closest real option for a typo.
 */
import { parseArgs } from 'node:util';
import type { CliCommand, OptionSpec, OptionTable } from './command.ts';

/** Bad arguments: main.ts prints the message with the command's usage and exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parsed values: strings, booleans, or string lists for repeatable options. */
export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

/** The result of parseCommandArgs. */
export interface ParsedArgs {
  values: ParsedValues;
  positionals: string[];
}

/** Every command accepts --help; it is added here so no command can forget it. */
export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help and exit.' };

/** Levenshtein distance, for "did you mean" on mistyped option and command names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j] ?? 0;
      row[j] = Math.min(keep + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest candidate within a small edit distance, or undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return best;
}

/** The option named in one of parseArgs' messages (`Unknown option '--foo'`), without dashes. */
function optionInMessage(message: string): string {
  const m = /'(-{1,2}[^' =]+)/.exec(message);
  return (m?.[1] ?? '').replace(/^-+/, '');
}

function valueHint(spec: OptionSpec | undefined): string {
  if (!spec) return '';
  if (spec.choices) return ` (one of ${spec.choices.join(', ')})`;
  return spec.valueName ? ` (${spec.valueName})` : '';
}

/** Rewrite parseArgs' TypeErrors into UsageErrors that name the option and what it needs. */
function explain(err: unknown, command: CliCommand, table: OptionTable): UsageError {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const name = optionInMessage(message);
  const flag = name.length === 1 ? `-${name}` : `--${name}`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const planned = command.plannedOptions?.[name];
    if (planned) return new UsageError(`${flag} is not available yet: ${planned}`);
    const guess = closest(name, Object.keys(table));
    return new UsageError(`unknown option '${flag}'${guess ? `; did you mean '--${guess}'?` : ''}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const spec = table[name];
    if (spec?.type === 'boolean') return new UsageError(`${flag} is a switch and takes no value`);
    return new UsageError(
      `${flag} needs a value${valueHint(spec)}; to pass a value that starts with '-', write ${flag}=VALUE`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError(message);
  return new UsageError(message);
}

/**
 * Parse the arguments after the command name against its option table (plus --help). Refuses
 * unknown options, missing values and values outside an option's choices.
 */
export function parseCommandArgs(command: CliCommand, argv: readonly string[]): ParsedArgs {
  const table: OptionTable = { ...command.options, help: HELP_OPTION };
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(table)) {
    options[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  }
  let parsed: { values: ParsedValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (err) {
    throw explain(err, command, table);
  }
  if (parsed.values.help) return parsed;
  for (const [name, spec] of Object.entries(table)) {
    const value = parsed.values[name];
    if (spec.choices && typeof value === 'string' && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}; got '${value}'`);
    }
  }
  const max = command.positionals.length;
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals[max] ?? '';
    throw new UsageError(`unexpected argument '${extra}'${max === 0 ? ` ('coldstart ${command.name}' takes none)` : ''}`);
  }
  return parsed;
}

/** A string option's value (the last one if repeated), or undefined. */
export function stringValue(values: ParsedValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A repeatable option's values in order (empty when absent). */
export function listValue(values: ParsedValues, name: string): string[] {
  const v = values[name];
  if (Array.isArray(v)) return v;
  return typeof v === 'string' ? [v] : [];
}

/**
 * A number given on the command line, e.g. `--memory 256`. Only plain decimal numbers are taken
 * (no `0x10`, `1e3` or `256MB`), so what the learner typed is what the simulator gets; range
 * checks belong to the caller (usually functionConfigSchema, with Lambda's own wording).
 */
export function numberValue(values: ParsedValues, name: string, unit: string): number | undefined {
  const raw = stringValue(values, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) {
    throw new UsageError(`--${name} takes a number (${unit}); got '${raw}'`);
  }
  return Number(raw);
}

/** `KEY=VALUE` pairs from a repeatable option such as `--env`; the value may contain '='. */
export function keyValueList(values: ParsedValues, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of listValue(values, name)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${name} takes KEY=VALUE (e.g. --${name} TABLE_NAME=orders); got '${item}'`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}
