/**
 * `coldstart events [name]`: list the event templates, or print one as JSON ready for
 * `coldstart invoke --event <name>` or for editing into a file.
 */
import { parseCommandArgs } from '../args.ts';
import { EXIT, type CliCommand, type CliIo } from '../command.ts';
import { templateJson, templateSummaries, unknownTemplateError } from '../event-templates.ts';
import { commandHelp } from '../format-help.ts';

function listText(): string {
  const templates = templateSummaries();
  const width = Math.max(4, ...templates.map((t) => t.name.length)) + 2;
  const rows = templates.map((t) => `${t.name.padEnd(width)}${t.invocation.padEnd(12)}${t.title}`);
  return [`${'NAME'.padEnd(width)}${'INVOCATION'.padEnd(12)}TITLE`, ...rows, '', "Print one with 'coldstart events <name>'; use it with 'coldstart invoke <file> --event <name>'."].join('\n');
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(eventsCommand, argv);
  if (values.help) {
    io.out(commandHelp(eventsCommand));
    return EXIT.ok;
  }
  const name = positionals[0];
  if (name === undefined) {
    io.out(values.json ? `${JSON.stringify(templateSummaries(), null, 2)}\n` : `${listText()}\n`);
    return EXIT.ok;
  }
  const json = templateJson(name);
  if (json === undefined) throw unknownTemplateError(name);
  // The event itself, so `coldstart events s3-put > event.json` gives a file ready to edit.
  io.out(`${json}\n`);
  return EXIT.ok;
}

/** The `events` command. */
export const eventsCommand: CliCommand = {
  name: 'events',
  summary: 'List the event templates (name, how AWS invokes, title), or print one event as JSON.',
  positionals: [{ name: 'name', optional: true, description: 'A template to print, e.g. s3-put. Without it, the list.' }],
  options: {
    json: { type: 'boolean', description: 'Print the list as a JSON array of {name, title, invocation}.' },
  },
  plannedOptions: {
    set: 'template parameters (--set key=value, e.g. bucket or path) come with the event sources work; for now, save the event with `coldstart events <name> > event.json`, edit it, and pass --event ./event.json',
  },
  notes: [
    'Examples:',
    '  coldstart events',
    '  coldstart events s3-put > event.json',
    '',
    'Invocation: sync (the caller waits for the response), async (queued, retried on error),',
    'polled (Lambda reads batches from a queue or stream).',
  ],
  run,
};
