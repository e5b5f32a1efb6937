/**
 * The event templates as the command line shows them. The one place the CLI touches
 * sandbox/events/templates.ts, so that module can grow (parameters, bilingual titles) with a
 * change here only.
 */
import { buildEvent, getEventTemplateDefinition, listEventTemplates, type EventParameterInfo } from '../events/templates.ts';
import { closest, listValue, UsageError, type ParsedValues } from './args.ts';
import { pad } from './format-help.ts';

/** A template in the list: English title, since the command line speaks English. */
export interface CliTemplateSummary {
  name: string;
  title: string;
  /** How AWS invokes a function for this source: sync, async or polled. */
  invocation: string;
}

/** A template parameter as `coldstart events <name> --params --json` prints it. */
export interface CliTemplateParameter {
  name: string;
  kind: EventParameterInfo['kind'];
  /** The default as the text `--set` would take. */
  default: string;
  description: string;
  /** Accepted values of an enum parameter. */
  options?: string[];
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

/** Whether `name` is a template. */
export function isTemplate(name: string): boolean {
  return getEventTemplateDefinition(name) !== undefined;
}

/**
 * One template's event as pretty-printed JSON text, built from `params` (`--set` values, the
 * rest defaults); undefined for an unknown name.
 * @throws UsageError with buildEvent's message when a parameter is unknown or its value invalid.
 */
export function templateJson(name: string, params: Readonly<Record<string, string>> = {}): string | undefined {
  if (!isTemplate(name)) return undefined;
  const built = buildEvent(name, params);
  if (!built.ok) throw new UsageError(built.message);
  return built.json;
}

/** The parameters of a template; undefined for an unknown name. */
export function templateParameters(name: string): CliTemplateParameter[] | undefined {
  return getEventTemplateDefinition(name)?.parameters.map((p) => ({
    name: p.name,
    kind: p.kind,
    default: p.defaultText,
    description: p.description.en,
    ...(p.kind === 'enum' ? { options: [...p.options] } : {}),
  }));
}

/** A template's parameters as help-style text: name and kind, then what it is and its default. */
export function templateParametersText(name: string): string | undefined {
  const def = getEventTemplateDefinition(name);
  const params = templateParameters(name);
  if (!def || !params) return undefined;
  const head = `Parameters of ${name} (${def.title.en}; ${def.invocation}), set with --set NAME=VALUE:`;
  if (params.length === 0) return `${head}\n  (none: this template has no parameters)\n`;
  const rows = params.map((p) => {
    const details = [p.description];
    if (p.options) details.push(`One of: ${p.options.join(', ')}.`);
    details.push(`Default: ${p.default === '' ? '(empty)' : p.default}.`);
    return pad(`${p.name} <${p.kind}>`, details.join(' '));
  });
  return `${head}\n${rows.join('\n')}\n\nShape of the event: ${def.source}\n`;
}

/**
 * `--set NAME=VALUE` pairs in order (a later value for the same name wins); the value may
 * contain '=' and may be empty.
 */
export function setValues(values: ParsedValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of listValue(values, 'set')) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes NAME=VALUE, a template parameter and its value (e.g. --set bucket=photos); got '${item}'`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** The error for a template name that does not exist: the closest name, then all of them. */
export function unknownTemplateError(name: string, hint = ''): UsageError {
  const names = templateNames();
  const guess = closest(name, names);
  return new UsageError(`unknown event template '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}; templates: ${names.join(', ')}${hint}`);
}
