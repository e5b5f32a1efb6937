/**
 * `coldstart events [name] [--set key=value]...`: list the event templates, show a template's
 * parameters, or print one event as JSON (built from its parameters) ready for
 * `coldstart invoke --event <name>` or for editing into a file.
 */
import { parseCommandArgs } from '../args.ts';
import { EXIT, type CliCommand, type CliIo } from '../command.ts';
import {
  setValues,
  templateJson,
  templateParameters,
  templateParametersText,
  templateSummaries,
  unknownTemplateError,
} from '../event-templates.ts';
import { commandHelp } from '../format-help.ts';
import { UsageError } from '../args.ts';

function listText(): string {
  const templates = templateSummaries();
  const width = Math.max(4, ...templates.map((t) => t.name.length)) + 2;
  const rows = templates.map((t) => `${t.name.padEnd(width)}${t.invocation.padEnd(12)}${t.title}`);
  return [
    `${'NAME'.padEnd(width)}${'INVOCATION'.padEnd(12)}TITLE`,
    ...rows,
    '',
    "Print one with 'coldstart events <name>'; its parameters with 'coldstart events <name> --params';",
    "use it with 'coldstart invoke <file> --event <name> [--set NAME=VALUE]...'.",
  ].join('\n');
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(eventsCommand, argv);
  const name = positionals[0];
  if (values.help) {
    // `coldstart events s3-put --help` documents that template's parameters too.
    const params = name === undefined ? undefined : templateParametersText(name);
    io.out(commandHelp(eventsCommand) + (params ? `\n${params}` : ''));
    return EXIT.ok;
  }
  const params = setValues(values);
  if (name === undefined) {
    if (Object.keys(params).length > 0 || values.params) {
      throw new UsageError(`${values.params ? '--params' : '--set'} needs a template name, e.g. coldstart events s3-put ${values.params ? '--params' : '--set bucket=photos'}`);
    }
    io.out(values.json ? `${JSON.stringify(templateSummaries(), null, 2)}\n` : `${listText()}\n`);
    return EXIT.ok;
  }
  if (values.params) {
    if (Object.keys(params).length > 0) throw new UsageError('--params lists the parameters; leave out --set, or leave out --params to print the event');
    const list = templateParameters(name);
    if (list === undefined) throw unknownTemplateError(name);
    io.out(values.json ? `${JSON.stringify(list, null, 2)}\n` : (templateParametersText(name) ?? ''));
    return EXIT.ok;
  }
  const json = templateJson(name, params);
  if (json === undefined) throw unknownTemplateError(name);
  // The event itself, so `coldstart events s3-put > event.json` gives a file ready to edit.
  io.out(`${json}\n`);
  return EXIT.ok;
}

/** The `events` command. */
export const eventsCommand: CliCommand = {
  name: 'events',
  summary: 'List the event templates, show one template\'s parameters, or print one event as JSON.',
  positionals: [{ name: 'name', optional: true, description: 'A template to print, e.g. s3-put. Without it, the list.' }],
  options: {
    set: {
      type: 'string',
      valueName: 'NAME=VALUE',
      multiple: true,
      description: "A template parameter (e.g. bucket=photos, size=2048, method=POST); see '--params' for a template's parameters. The rest keep their defaults.",
    },
    params: {
      type: 'boolean',
      description: "List the template's parameters: name, kind, default and what it sets.",
    },
    json: {
      type: 'boolean',
      description: 'With no name: the list as a JSON array of {name, title, invocation}. With --params: the parameters as a JSON array of {name, kind, default, description, options?}.',
    },
  },
  notes: [
    'Examples:',
    '  coldstart events',
    '  coldstart events s3-put --params',
    '  coldstart events s3-put --set bucket=photos --set key=cat.jpg > event.json',
    '  coldstart events apigateway-rest --set method=POST --set \'body={"name":"Ada"}\'',
    '',
    'Invocation: sync (the caller waits for the response), async (queued, retried on error),',
    'polled (Lambda reads batches from a queue or stream).',
    'A bad parameter (unknown name, wrong kind, out of range) exits with code 2 and says why.',
  ],
  run,
};
