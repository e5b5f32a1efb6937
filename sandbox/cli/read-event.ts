/**
 * Resolves `--event`: a template name, a JSON file, `-` for standard input, or inline JSON. The
 * text is checked with parseEventJson so a mistake is reported with its line and column, as the
 * app's event editor does.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEventJson } from '../events/parse-event-json.ts';
import { UsageError } from './args.ts';
import type { CliIo } from './command.ts';
import { isTemplate, templateJson, unknownTemplateError } from './event-templates.ts';

/** The event to send, as JSON text that is known to parse, and where it came from. */
export interface ResolvedEvent {
  json: string;
  /** For messages: `template s3-put`, `file event.json`, `standard input`, `--event`. */
  source: string;
}

function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.endsWith('.json');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readFile(value: string, cwd: string): string {
  const full = resolve(cwd, value);
  try {
    if (statSync(full).isDirectory()) throw new UsageError(`--event ${value} is a folder; give a .json file`);
    return readFileSync(full, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `event file not found: ${value}` : `cannot read the event file ${value} (${code ?? String(err)})`);
  }
}

/** Read the raw text of `--event`, before it is checked; `params` are `--set` values for a template. */
async function rawEvent(value: string, io: CliIo, params: Readonly<Record<string, string>>): Promise<ResolvedEvent> {
  const hasParams = Object.keys(params).length > 0;
  if (hasParams && (looksLikePath(value) || !isTemplate(value))) {
    // A bare word that is no file was meant as a template name: say which names exist.
    const bareWord = value !== '-' && !/^\s*[{[]/.test(value) && !looksLikePath(value) && !isFile(resolve(io.cwd, value));
    if (bareWord) throw unknownTemplateError(value);
    throw new UsageError(`--set sets parameters of an event template, and --event ${value} is not one; see 'coldstart events' for the templates`);
  }
  if (value === '-') return { json: await io.readStdin(), source: 'standard input' };
  // Inline JSON is handy in scripts: --event '{"name":"Ada"}'.
  if (/^\s*[{[]/.test(value)) return { json: value, source: '--event' };
  if (!looksLikePath(value)) {
    const template = templateJson(value, params);
    if (template !== undefined) return { json: template, source: `template ${value}` };
    // A file without .json and without a folder part, e.g. `--event event`, still works.
    if (!isFile(resolve(io.cwd, value))) throw unknownTemplateError(value, ". For a file, give its path (e.g. ./event.json); for standard input, '-'.");
  }
  return { json: readFile(value, io.cwd), source: `file ${value}` };
}

/**
 * The event for `coldstart invoke`: `{}` when `--event` is absent (as the Lambda console's empty
 * test event); a template is built with the `--set` values in `params`.
 * @throws UsageError for an unknown template, a bad parameter, a missing file, or invalid JSON.
 */
export async function readEvent(
  value: string | undefined,
  io: CliIo,
  params: Readonly<Record<string, string>> = {},
): Promise<ResolvedEvent> {
  if (value === undefined) {
    if (Object.keys(params).length > 0) throw new UsageError('--set sets parameters of an event template: add --event <template>, e.g. --event s3-put --set bucket=photos');
    return { json: '{}', source: 'default' };
  }
  const raw = await rawEvent(value, io, params);
  // Editors on Windows may save a byte order mark; JSON.parse would refuse it.
  const event = { ...raw, json: raw.json.replace(/^\uFEFF/, '') };
  const parsed = parseEventJson(event.json);
  if (!parsed.ok) {
    throw new UsageError(`the event from ${event.source} is not valid JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.message}`);
  }
  return event;
}
