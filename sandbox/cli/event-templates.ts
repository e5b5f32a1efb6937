/**
 * The event templates as the command line shows them. The one place the CLI touches
 * sandbox/events/templates.ts, so that module can grow (parameters, bilingual titles) with a
 * change here only.
 */
import { getEventTemplate, listEventTemplates } from '../events/templates.ts';
import { closest, UsageError } from './args.ts';

/** A template in the list: English title, since the command line speaks English. */
export interface CliTemplateSummary {
  name: string;
  title: string;
  /** How AWS invokes a function for this source: sync, async or polled. */
  invocation: string;
}

/** A title that is either plain text or `{ en, ko }`, as English text. */
function englishText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'en' in value && typeof value.en === 'string') return value.en;
  return String(value);
}

/** Every template, in the order the simulator lists them. */
export function templateSummaries(): CliTemplateSummary[] {
  return listEventTemplates().map((t) => ({ name: t.name, title: englishText(t.title), invocation: t.invocation }));
}

/** The names of every template, for messages. */
export function templateNames(): string[] {
  return templateSummaries().map((t) => t.name);
}

/** One template's event as pretty-printed JSON text, or undefined for an unknown name. */
export function templateJson(name: string): string | undefined {
  return getEventTemplate(name)?.json;
}

/** The error for a template name that does not exist: the closest name, then all of them. */
export function unknownTemplateError(name: string, hint = ''): UsageError {
  const names = templateNames();
  const guess = closest(name, names);
  return new UsageError(`unknown event template '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; templates: ${names.join(', ')}${hint}`);
}
