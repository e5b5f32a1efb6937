/**
 * Intl for the guest, computed by the host's V8: QuickJS has no Intl at all, and its
 * `toLocaleString` ignores the locale, so `new Intl.NumberFormat('en-US', { style: 'currency',
 * currency: 'USD' })` failed with a ReferenceError. Node on Lambda has full ICU, as the Node.js
 * the simulator runs on has (same version family), so formatting by the host gives Node's text.
 * Lambda's time zone is UTC (TZ=:UTC), so dates are formatted in UTC unless the options name one.
 * Requests and replies are JSON: {kind, locales, options, method, args} -> {v} or {e: {name, message}}.
 */

type FormatterKind = 'NumberFormat' | 'DateTimeFormat' | 'Collator' | 'PluralRules' | 'RelativeTimeFormat' | 'ListFormat';

const CONSTRUCTORS: Record<FormatterKind, new (locales?: string | string[], options?: object) => object> = {
  NumberFormat: Intl.NumberFormat,
  DateTimeFormat: Intl.DateTimeFormat,
  Collator: Intl.Collator,
  PluralRules: Intl.PluralRules,
  RelativeTimeFormat: Intl.RelativeTimeFormat,
  ListFormat: Intl.ListFormat,
};

/** The methods the guest may call on each kind of formatter (anything else is refused). */
const METHODS: Record<FormatterKind, readonly string[]> = {
  NumberFormat: ['format', 'formatToParts', 'resolvedOptions'],
  DateTimeFormat: ['format', 'formatToParts', 'resolvedOptions'],
  Collator: ['compare', 'resolvedOptions'],
  PluralRules: ['select', 'resolvedOptions'],
  RelativeTimeFormat: ['format', 'formatToParts', 'resolvedOptions'],
  ListFormat: ['format', 'formatToParts', 'resolvedOptions'],
};

interface IntlRequest {
  kind: FormatterKind | 'Intl' | 'Number' | 'Date' | 'String';
  locales?: string | string[];
  options?: Record<string, unknown>;
  method: string;
  args?: unknown[];
}

/** Formatters by request, so a loop formatting many values builds one (bounded). */
const formatters = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
const MAX_CACHED = 256;

/** Non-finite numbers and BigInts travel as {special} and {bigint} (JSON has neither). */
function decode(value: unknown): unknown {
  if (value && typeof value === 'object') {
    const v = value as { special?: string; bigint?: string };
    if (typeof v.special === 'string') return Number(v.special);
    if (typeof v.bigint === 'string') return BigInt(v.bigint);
  }
  return value;
}

/** Lambda's clock is UTC: dates are formatted there unless the caller names a time zone. */
function inUtc(options: Record<string, unknown> | undefined): Record<string, unknown> {
  return options && options.timeZone !== undefined ? options : { ...options, timeZone: 'UTC' };
}

function formatter(kind: FormatterKind, locales: IntlRequest['locales'], options: IntlRequest['options']) {
  const key = JSON.stringify([kind, locales, options]);
  let f = formatters.get(key);
  if (!f) {
    f = new CONSTRUCTORS[kind](locales, kind === 'DateTimeFormat' ? inUtc(options) : options) as Record<string, (...args: unknown[]) => unknown>;
    if (formatters.size >= MAX_CACHED) formatters.delete(formatters.keys().next().value!);
    formatters.set(key, f);
  }
  return f;
}

function answer(r: IntlRequest): unknown {
  const args = (r.args ?? []).map(decode);
  switch (r.kind) {
    case 'Intl':
      if (r.method === 'getCanonicalLocales') return Intl.getCanonicalLocales(r.locales);
      break;
    case 'Number':
      if (r.method === 'toLocaleString') return (args[0] as number | bigint).toLocaleString(r.locales, r.options);
      break;
    case 'String':
      if (r.method === 'localeCompare') return String(args[0]).localeCompare(String(args[1]), r.locales, r.options);
      break;
    case 'Date':
      if (r.method === 'toLocaleString' || r.method === 'toLocaleDateString' || r.method === 'toLocaleTimeString') {
        return new Date(args[0] as number)[r.method](r.locales, inUtc(r.options));
      }
      break;
    default: {
      const kind = r.kind;
      if (!(kind in CONSTRUCTORS)) break;
      if (r.method === 'supportedLocalesOf') {
        return (CONSTRUCTORS[kind] as unknown as { supportedLocalesOf(l?: unknown, o?: unknown): string[] }).supportedLocalesOf(r.locales, r.options);
      }
      if (!METHODS[kind].includes(r.method)) break;
      const f = formatter(kind, r.locales, r.options);
      return f[r.method]!(...args);
    }
  }
  throw new TypeError(`Intl.${r.kind}.${r.method} is not available in Coldstart's sandbox`);
}

/** One guest request; the reply is JSON with the value or the error V8 threw. */
export function intlCall(json: string): string {
  try {
    return JSON.stringify({ v: answer(JSON.parse(json) as IntlRequest) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return JSON.stringify({ e: { name: e.name, message: e.message } });
  }
}
