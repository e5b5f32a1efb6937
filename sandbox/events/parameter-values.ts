/**
 * Turns parameter values given as text (`--set key=value` on the command line, a form field in the
 * app) into typed values, with messages that name the parameter, the kind it expects and what it got.
 */
import { parseEventJson } from './parse-event-json.ts';
import type { EventParameter, JsonParameter, NumberParameter } from './template-types.ts';

/** Typed values by parameter name, or the first problem found. */
export type ParsedParameters = { ok: true; values: Record<string, unknown> } | { ok: false; message: string };

/** A default as the text a form field or `--set` would hold (JSON compact). */
export function defaultText(p: EventParameter): string {
  if (p.kind === 'json') return JSON.stringify(p.default);
  return String(p.default);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(
        cur + 1,
        (row[j - 1] ?? 0) + 1,
        prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

const quote = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

function numberExpectation(p: NumberParameter): string {
  const what = p.integer ? 'a whole number' : 'a number';
  if (p.min !== undefined && p.max !== undefined) return `${what} from ${p.min} to ${p.max}`;
  if (p.min !== undefined) return `${what} of at least ${p.min}`;
  if (p.max !== undefined) return `${what} of at most ${p.max}`;
  return what;
}

const SHAPE_WORDS: Record<JsonParameter['shape'], string> = {
  any: 'JSON',
  object: 'a JSON object, e.g. {"id": 1}',
  'string-map': 'a JSON object of strings, e.g. {"name": "value"}',
  array: 'a JSON array, e.g. [{"id": 1}, "text"]',
  'string-array': 'a JSON array of strings, e.g. ["first", "second"]',
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonShapeProblem(p: JsonParameter, v: unknown): string | undefined {
  const max = p.maxItems ?? 100;
  switch (p.shape) {
    case 'any':
      return undefined;
    case 'object':
      return isPlainObject(v) ? undefined : `got ${Array.isArray(v) ? 'an array' : JSON.stringify(v)}`;
    case 'string-map': {
      if (!isPlainObject(v)) return `got ${Array.isArray(v) ? 'an array' : JSON.stringify(v)}`;
      const bad = Object.entries(v).find(([, x]) => typeof x !== 'string');
      return bad ? `the value of ${quote(bad[0])} is ${JSON.stringify(bad[1])}, not a string` : undefined;
    }
    case 'array':
    case 'string-array': {
      if (!Array.isArray(v)) return `got ${JSON.stringify(v)}`;
      const min = p.minItems ?? 1;
      if (v.length < min)
        return `got ${v.length === 0 ? 'an empty array' : `${v.length} items`}; give at least ${min === 1 ? 'one item' : `${min} items`}`;
      if (v.length > max) return `got ${v.length} items; at most ${max} are allowed`;
      if (p.shape === 'string-array') {
        const i = v.findIndex((x) => typeof x !== 'string');
        if (i >= 0) return `item ${i + 1} is ${JSON.stringify(v[i])}, not a string`;
      }
      return undefined;
    }
  }
}

/** Parse one value; returns the typed value or a message naming the parameter. */
export function parseParameterValue(
  template: string,
  p: EventParameter,
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const where = `parameter '${p.name}' of ${template}`;
  switch (p.kind) {
    case 'string': {
      if (p.pattern !== undefined && !new RegExp(`^(?:${p.pattern})$`, 'u').test(text)) {
        return {
          ok: false,
          message: `${where} expects ${p.patternHint ?? `text matching /${p.pattern}/`}, got ${quote(text)}`,
        };
      }
      return { ok: true, value: text };
    }
    case 'number': {
      const t = text.trim();
      const n = t === '' ? NaN : Number(t);
      const bad =
        !Number.isFinite(n) ||
        (p.integer === true && !Number.isInteger(n)) ||
        (p.min !== undefined && n < p.min) ||
        (p.max !== undefined && n > p.max);
      if (bad) return { ok: false, message: `${where} expects ${numberExpectation(p)}, got ${quote(text)}` };
      return { ok: true, value: n };
    }
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(t)) return { ok: true, value: true };
      if (['false', 'no', '0', 'off'].includes(t)) return { ok: true, value: false };
      return { ok: false, message: `${where} expects a boolean (true or false), got ${quote(text)}` };
    }
    case 'enum': {
      if (p.options.includes(text)) return { ok: true, value: text };
      const guess = closestName(text, p.options);
      return {
        ok: false,
        message: `${where} expects one of ${p.options.join(', ')}, got ${quote(text)}${guess ? ` (did you mean '${guess}'?)` : ''}`,
      };
    }
    case 'json': {
      const parsed = parseEventJson(text);
      if (!parsed.ok)
        return {
          ok: false,
          message: `${where} expects ${SHAPE_WORDS[p.shape]}, but its text is not valid JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.message}`,
        };
      const problem = jsonShapeProblem(p, parsed.value);
      if (problem) return { ok: false, message: `${where} expects ${SHAPE_WORDS[p.shape]}; ${problem}` };
      return { ok: true, value: parsed.value };
    }
  }
}

/**
 * Check every given value, reject names the template does not have (listing the ones it has), and
 * fill the rest with defaults.
 */
export function parseParameters(
  template: string,
  parameters: readonly EventParameter[],
  given: Readonly<Record<string, string>>,
): ParsedParameters {
  const names = parameters.map((p) => p.name);
  for (const key of Object.keys(given)) {
    if (names.includes(key)) continue;
    const guess = closestName(key, names);
    const valid = names.length > 0 ? `its parameters are: ${names.join(', ')}` : 'it has no parameters';
    return {
      ok: false,
      message: `unknown parameter '${key}' for event template ${template}${guess ? ` (did you mean '${guess}'?)` : ''}; ${valid}`,
    };
  }
  const values: Record<string, unknown> = {};
  for (const p of parameters) {
    const text = Object.hasOwn(given, p.name) ? given[p.name] : undefined;
    if (text === undefined) {
      values[p.name] = structuredClone(p.default);
      continue;
    }
    const r = parseParameterValue(template, p, text);
    if (!r.ok) return r;
    values[p.name] = r.value;
  }
  return { ok: true, values };
}
