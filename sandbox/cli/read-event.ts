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
import { templateJson, unknownTemplateError } from './event-templates.ts';

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

/** Read the raw text of `--event`, before it is checked. */
async function rawEvent(value: string, io: CliIo): Promise<ResolvedEvent> {
  if (value === '-') return { json: await io.readStdin(), source: 'standard input' };
  // Inline JSON is handy in scripts: --event '{"name":"Ada"}'.
  if (/^\s*[{[]/.test(value)) return { json: value, source: '--event' };
  if (!looksLikePath(value)) {
    const template = templateJson(value);
    if (template !== undefined) return { json: template, source: `template ${value}` };
    // A file without .json and without a folder part, e.g. `--event event`, still works.
    if (!isFile(resolve(io.cwd, value))) throw unknownTemplateError(value, ". For a file, give its path (e.g. ./event.json); for standard input, '-'.");
  }
  return { json: readFile(value, io.cwd), source: `file ${value}` };
}

/**
 * The event for `coldstart invoke`: `{}` when `--event` is absent (as the Lambda console's empty
 * test event).
 * @throws UsageError for an unknown template, a missing file, or text that is not valid JSON.
 */
export async function readEvent(value: string | undefined, io: CliIo): Promise<ResolvedEvent> {
  if (value === undefined) return { json: '{}', source: 'default' };
  const raw = await rawEvent(value, io);
  // Editors on Windows may save a byte order mark; JSON.parse would refuse it.
  const event = { ...raw, json: raw.json.replace(/^\uFEFF/, '') };
  const parsed = parseEventJson(event.json);
  if (!parsed.ok) {
    throw new UsageError(`the event from ${event.source} is not valid JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.message}`);
  }
  return event;
}
