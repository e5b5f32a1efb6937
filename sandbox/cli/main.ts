/**
 * The `coldstart` command line: finds the command, turns bad arguments into a usage message and
 * exit code 2, and anything unexpected into exit code 3. bin/coldstart.mjs calls main().
 */
import { readFileSync } from 'node:fs';
import { closest, UsageError } from './args.ts';
import { EXIT, type CliCommand, type CliIo } from './command.ts';
import { checkCommand } from './commands/check.ts';
import { costCommand } from './commands/cost.ts';
import { eventsCommand } from './commands/events.ts';
import { invokeCommand } from './commands/invoke.ts';
import { scenarioCommand } from './commands/scenario.ts';
import { simulateCommand } from './commands/simulate.ts';
import { tuneCommand } from './commands/tune.ts';
import { commandHelp, mainHelp, usageLine } from './format-help.ts';

/** Every command, in the order `coldstart --help` lists them. New commands are added here. */
export const COMMANDS: readonly CliCommand[] = [invokeCommand, eventsCommand, simulateCommand, tuneCommand, costCommand, checkCommand, scenarioCommand];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return `coldstart ${pkg.version ?? '?'} (Node.js ${process.version})`;
}

function unknownCommand(name: string, io: CliIo): number {
  const names = COMMANDS.map((c) => c.name);
  const guess = closest(name, names);
  io.err(
    `coldstart: unknown command '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}\n` +
      `Commands: ${names.join(', ')}\nRun 'coldstart --help' for what each one does.\n`,
  );
  return EXIT.usage;
}

/** `coldstart help [command]`. */
function help(rest: readonly string[], io: CliIo): number {
  const name = rest[0];
  if (name === undefined) {
    io.out(mainHelp(COMMANDS));
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return unknownCommand(name, io);
  io.out(commandHelp(command));
  return EXIT.ok;
}

/**
 * Run the command line with `argv` (the arguments after `coldstart`) and resolve to the exit
 * code. Never throws: usage errors print on stderr with the command's usage line.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(mainHelp(COMMANDS));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') return help([], io);
  if (first === 'help') return help(rest, io);
  if (first === '--version' || first === '-v') {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  if (first.startsWith('-')) {
    io.err(`coldstart: unknown option '${first}'; options go after the command, e.g. coldstart invoke ./index.mjs --json\nRun 'coldstart --help' for the commands.\n`);
    return EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) return unknownCommand(first, io);
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`coldstart ${command.name}: ${err.message}\n${usageLine(command)}\nRun 'coldstart ${command.name} --help' for all options.\n`);
      return EXIT.usage;
    }
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.err(`coldstart ${command.name}: the simulator failed (this is a bug in Coldstart, not in your handler):\n${detail}\n`);
    return EXIT.internal;
  }
}

/** CliIo over the real process streams. */
export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readStdin: async () => {
      // Someone typing the event by hand needs to know how to finish it.
      if (process.stdin.isTTY) process.stderr.write('coldstart: reading the event from standard input; end it with Ctrl-D.\n');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdoutIsTty: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Entry point for bin/coldstart.mjs: runs with process.argv and sets the exit code. */
export async function main(): Promise<void> {
  // `coldstart events | head -1` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  // exitCode instead of process.exit(): output written to a pipe is flushed before exiting.
  process.exitCode = await runCli(process.argv.slice(2), processIo());
}
