/**
 * EventBridge event patterns (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html,
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html):
 * every field in the pattern must match; a list matches when any element does; elements are exact
 * values or the prefix, suffix, anything-but, exists, numeric and equals-ignore-case operators.
 */
import { validation } from '../errors.ts';

type Json = unknown;

function matchOne(matcher: Json, value: Json, present: boolean): boolean {
  if (matcher === null || typeof matcher !== 'object') return present && value === matcher;
  const m = matcher as Record<string, Json>;
  if ('exists' in m) return m.exists === present;
  if (!present) return 'anything-but' in m;
  if ('prefix' in m) return typeof value === 'string' && typeof m.prefix === 'string' && value.startsWith(m.prefix);
  if ('suffix' in m) return typeof value === 'string' && typeof m.suffix === 'string' && value.endsWith(m.suffix);
  if ('equals-ignore-case' in m) return typeof value === 'string' && String(m['equals-ignore-case']).toLowerCase() === value.toLowerCase();
  if ('anything-but' in m) {
    const ab = m['anything-but'];
    if (ab && typeof ab === 'object' && !Array.isArray(ab)) return !matchOne(ab, value, present);
    return !(Array.isArray(ab) ? ab : [ab]).includes(value);
  }
  if ('numeric' in m) {
    const ops = m.numeric;
    if (typeof value !== 'number' || !Array.isArray(ops)) return false;
    for (let i = 0; i + 1 < ops.length; i += 2) {
      const n = Number(ops[i + 1]);
      const ok = { '<': value < n, '<=': value <= n, '=': value === n, '>': value > n, '>=': value >= n }[String(ops[i])];
      if (!ok) return false;
    }
    return true;
  }
  throw validation(`Event pattern is not valid. Reason: Unrecognized match type ${Object.keys(m)[0] ?? ''}`);
}

function matchField(pattern: Json, value: Json, present: boolean): boolean {
  if (Array.isArray(pattern)) {
    const values = Array.isArray(value) ? value : [value];
    return pattern.some((p) => (Array.isArray(value) && present ? values.some((v) => matchOne(p, v, true)) : matchOne(p, value, present)));
  }
  if (pattern && typeof pattern === 'object') {
    if (!present || !value || typeof value !== 'object') return Object.values(pattern).every((p) => Array.isArray(p) && p.some((x) => x && typeof x === 'object' && (x as { exists?: boolean }).exists === false));
    return matchesPattern(pattern as Record<string, Json>, value as Record<string, Json>);
  }
  throw validation('Event pattern is not valid. Reason: Match value must be String, number, true, false, or null');
}

/** Whether `event` matches `pattern`. */
export function matchesPattern(pattern: Record<string, Json>, event: Record<string, Json>): boolean {
  return Object.entries(pattern).every(([k, p]) => matchField(p, event[k], Object.prototype.hasOwnProperty.call(event, k)));
}

/** Parse and check a pattern (PutRule's EventPattern, a JSON string). */
export function parsePattern(text: string): Record<string, Json> {
  let p: unknown;
  try {
    p = JSON.parse(text);
  } catch {
    throw validation('Event pattern is not valid. Reason: Filter is not an object');
  }
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw validation('Event pattern is not valid. Reason: Filter is not an object');
  return p as Record<string, Json>;
}
