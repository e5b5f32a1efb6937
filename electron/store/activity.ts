/**
 * The streak: which local calendar days had learning activity (answers, checks, reviews, hints,
 * lesson status). Drafts do not count: typing is not yet learning something.
 */
import type Database from 'better-sqlite3';
import type { Streak } from './progress-types.ts';

/** `YYYY-MM-DD` of `date` in the machine's time zone: a streak follows the learner's calendar. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The calendar day before `day` (`YYYY-MM-DD`), computed in UTC so no time zone shifts it. */
function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export function createActivity(db: Database.Database, now: () => Date) {
  const bump = db.prepare(
    'INSERT INTO activity_days (day, events) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET events = events + 1',
  );
  const allDays = db.prepare('SELECT day FROM activity_days WHERE events > 0 ORDER BY day DESC');

  return {
    touch: (): void => {
      bump.run(localDay(now()));
    },
    streak: (at: Date = now()): Streak => {
      const days = (allDays.all() as { day: string }[]).map((r) => r.day);
      const today = localDay(at);
      const active = new Set(days);
      // Today without activity yet does not break the streak: it may still come.
      let cursor = active.has(today) ? today : previousDay(today);
      let current = 0;
      while (active.has(cursor)) {
        current += 1;
        cursor = previousDay(cursor);
      }
      let longest = 0;
      let run = 0;
      let expected: string | null = null;
      for (const day of days) {
        run = day === expected ? run + 1 : 1;
        longest = Math.max(longest, run);
        expected = previousDay(day);
      }
      return {
        current,
        longest,
        activeDays: days.length,
        lastActiveDay: days[0] ?? null,
        activeToday: active.has(today),
      };
    },
  };
}
