/**
 * EventBridge schedule expressions (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html):
 * `rate(value unit)` with minute(s), hour(s), day(s), and `cron(minutes hours day-of-month month
 * day-of-week year)` in UTC with `*`, `?`, lists, ranges, steps and names (JAN, MON); `L`, `W` and
 * `#` are not simulated. Day-of-week counts 1-7 from Sunday, as EventBridge does.
 */
import { validation } from '../errors.ts';

export type Schedule = { kind: 'rate'; periodMs: number } | { kind: 'cron'; fields: Set<number>[]; domAny: boolean; dowAny: boolean };

const UNITS: Record<string, number> = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** [min, max, names] of minutes, hours, day-of-month, month, day-of-week, year. */
const RANGES: [number, number, string[]?][] = [[0, 59], [0, 23], [1, 31], [1, 12, MONTHS], [1, 7, DAYS], [1970, 2199]];

const bad = (_expr: string) => validation('Parameter ScheduleExpression is not valid.');

function parseField(text: string, [min, max, names]: [number, number, string[]?], expr: string): Set<number> {
  const out = new Set<number>();
  const num = (s: string): number => {
    const i = names?.indexOf(s.toUpperCase()) ?? -1;
    const n = i >= 0 ? i + 1 : Number(s);
    if (!Number.isInteger(n) || n < min || n > max) throw bad(expr);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || range === undefined) throw bad(expr);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [min, max];
    else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [lo, hi] = [num(a ?? ''), num(b ?? '')];
    } else {
      lo = num(range);
      hi = stepText === undefined ? lo : max;
    }
    for (let n = lo; n <= hi; n += step) out.add(n);
  }
  return out;
}

/** Parse a ScheduleExpression; throws EventBridge's ValidationException when invalid. */
export function parseSchedule(expr: string): Schedule {
  const rate = /^rate\((\d+)\s+([a-z]+)\)$/.exec(expr.trim());
  if (rate) {
    const value = Number(rate[1]);
    const unit = rate[2]!;
    // rate(1 minute) is singular, rate(5 minutes) plural.
    if (!UNITS[unit] || value < 1 || (value === 1) === unit.endsWith('s')) throw bad(expr);
    return { kind: 'rate', periodMs: value * UNITS[unit]! };
  }
  const cron = /^cron\((.*)\)$/.exec(expr.trim());
  if (!cron) throw bad(expr);
  const parts = cron[1]!.trim().split(/\s+/);
  if (parts.length !== 6 || /[LW#]/.test(cron[1]!)) throw bad(expr);
  const domAny = parts[2] === '?';
  const dowAny = parts[4] === '?';
  // One of day-of-month and day-of-week must be '?'.
  if (domAny === dowAny) throw bad(expr);
  return { kind: 'cron', fields: parts.map((p, i) => parseField(p, RANGES[i]!, expr)), domAny, dowAny };
}

/** The first firing strictly after `afterWallMs` (epoch ms); `createdWallMs` anchors rates. */
export function nextFiring(s: Schedule, afterWallMs: number, createdWallMs: number): number | undefined {
  if (s.kind === 'rate') {
    const n = Math.floor((afterWallMs - createdWallMs) / s.periodMs) + 1;
    return createdWallMs + Math.max(1, n) * s.periodMs;
  }
  const [mins, hours, doms, months, dows, years] = s.fields as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  let t = Math.floor(afterWallMs / 60_000) * 60_000 + 60_000;
  // Walk minute by minute, skipping whole days and hours that cannot match (bounded to ~5 years).
  for (let guard = 0; guard < 3_000_000; guard++) {
    const d = new Date(t);
    if (!years.has(d.getUTCFullYear()) || !months.has(d.getUTCMonth() + 1) || !(s.domAny || doms.has(d.getUTCDate())) || !(s.dowAny || dows.has(d.getUTCDay() + 1))) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (mins.has(d.getUTCMinutes())) return t;
    t += 60_000;
  }
  return undefined;
}
