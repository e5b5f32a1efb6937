/**
 * Help text, generated from each command's option table so that `--help` always documents every
 * option that parsing accepts, with its unit and default.
 */
import { HELP_OPTION } from './args.ts';
import type { CliCommand, OptionSpec } from './command.ts';

/** Column where descriptions start, and the line width they wrap at (a classic terminal). */
const WIDTH = 28;
const LINE = 80;

/** Word-wrap `text` into lines of at most `width` characters (longer words stay whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A two-column help row: the term, then its wrapped description aligned at WIDTH. */
export function pad(left: string, right: string): string {
  const indent = ' '.repeat(WIDTH);
  const body = wrap(right, LINE - WIDTH);
  const first = left.length >= WIDTH - 2 ? [`  ${left}`, `${indent}${body[0] ?? ''}`] : [`  ${left.padEnd(WIDTH - 2)}${body[0] ?? ''}`];
  return [...first, ...body.slice(1).map((l) => `${indent}${l}`)].join('\n');
}

function optionLine(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '';
  const value = spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : '';
  const details = [spec.description];
  if (spec.choices) details.push(`One of: ${spec.choices.join(', ')}.`);
  if (spec.multiple) details.push('Repeat for more.');
  if (spec.defaultText !== undefined) details.push(`Default: ${spec.defaultText}.`);
  return pad(`${short}--${name}${value}`, details.join(' '));
}

/** The usage line of a command, e.g. `coldstart invoke <file> [options]`. */
export function usageLine(command: CliCommand): string {
  const positionals = command.positionals.map((p) => (p.optional ? `[${p.name}]` : `<${p.name}>`));
  return ['Usage: coldstart', command.name, ...positionals, '[options]'].join(' ');
}

/** `coldstart <command> --help`. */
export function commandHelp(command: CliCommand): string {
  const lines = [usageLine(command), '', command.summary, ''];
  if (command.positionals.length > 0) {
    lines.push('Arguments:');
    for (const p of command.positionals) lines.push(pad(p.optional ? `[${p.name}]` : `<${p.name}>`, p.description));
    lines.push('');
  }
  lines.push('Options:');
  for (const [name, spec] of Object.entries({ ...command.options, help: HELP_OPTION })) lines.push(optionLine(name, spec));
  if (command.notes && command.notes.length > 0) lines.push('', ...command.notes);
  return `${lines.join('\n')}\n`;
}

/** `coldstart --help`: the commands, how to get more help, and the exit codes. */
export function mainHelp(commands: readonly CliCommand[]): string {
  const lines = [
    'coldstart: run AWS Lambda handlers offline and watch what Lambda would do.',
    '',
    'Usage: coldstart <command> [arguments] [options]',
    '',
    'Commands:',
    ...commands.map((c) => pad(`${c.name} ${c.positionals.map((p) => (p.optional ? `[${p.name}]` : `<${p.name}>`)).join(' ')}`.trimEnd(), c.summary)),
    pad('help [command]', 'Show help for coldstart or for one command.'),
    '',
    'Options:',
    pad('-h, --help', 'Show this help and exit.'),
    pad('-v, --version', 'Print the version of coldstart and of Node.js, and exit.'),
    '',
    "Run 'coldstart <command> --help' for a command's arguments and options.",
    '',
    'Exit codes:',
    pad('0', 'success (every invocation succeeded, every check passed)'),
    pad('1', 'the handler failed (error, timeout, out of memory, a Lambda limit), or a check failed'),
    pad('2', 'bad arguments (the message on stderr says which)'),
    pad('3', 'the simulator itself failed (a bug in Coldstart)'),
  ];
  return `${lines.join('\n')}\n`;
}
