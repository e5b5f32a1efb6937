/**
 * Intl and the locale methods, with Node's text (the host's ICU formats; QuickJS has no Intl).
 * Dates are formatted in UTC, Lambda's time zone, unless the options name another.
 */
import { describe, expect, it } from 'vitest';
import { evaluate as evaluateIn, failure, run, sharedHost } from './helpers.ts';

const host = sharedHost();

const evaluate = (body: string, prelude = ''): Promise<unknown> => evaluateIn(host, body, prelude);

describe('Intl in the sandbox', () => {
  it('formats money and numbers as Node does, in any locale', async () => {
    const result = await evaluate(`const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
return [
  usd.format(1234.5),
  new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' }).format(1234.5),
  [0.25, 1].map(new Intl.NumberFormat('en-US', { style: 'percent' }).format),
  (1234567.891).toLocaleString('en-US'),
  (1234567.891).toLocaleString('de-DE'),
  new Intl.NumberFormat('en', { notation: 'compact' }).format(1500000),
  usd.formatToParts(-1).map((p) => p.type).join(' '),
  usd.resolvedOptions().currency,
  Intl.NumberFormat('en').format(NaN),
];`);
    expect(result).toEqual(['$1,234.50', '₩1,235', ['25%', '100%'], '1,234,567.891', '1.234.567,891', '1.5M', 'minusSign currency integer decimal fraction', 'USD', 'NaN']);
  });

  it("formats dates in Lambda's UTC unless a time zone is given", async () => {
    const result = (await evaluate(`const d = new Date(Date.UTC(2026, 10, 24, 15, 4, 5));
return [
  d.toLocaleString('en-US'),
  d.toLocaleDateString('ko-KR'),
  d.toLocaleTimeString('en-GB'),
  d.toLocaleString('en-US', { timeZone: 'Asia/Seoul' }),
  new Intl.DateTimeFormat('en-US', { dateStyle: 'full' }).format(d),
  new Intl.DateTimeFormat().resolvedOptions().timeZone,
  new Intl.DateTimeFormat('en-US', { month: 'long' }).formatToParts(d)[0].value,
  new Date(NaN).toLocaleString(),
];`)) as string[];
    const d = new Date(Date.UTC(2026, 10, 24, 15, 4, 5));
    expect(result).toEqual([
      d.toLocaleString('en-US', { timeZone: 'UTC' }),
      '2026. 11. 24.',
      '15:04:05',
      d.toLocaleString('en-US', { timeZone: 'Asia/Seoul' }),
      'Tuesday, November 24, 2026',
      'UTC',
      'November',
      'Invalid Date',
    ]);
    expect(result[0]).toMatch(/^11\/24\/2026, 3:04:05\sPM$/);
  });

  it('compares, pluralises and lists by locale', async () => {
    const result = await evaluate(`return [
  ['b', 'a', 'ä'].sort(new Intl.Collator('de').compare).join(''),
  'a'.localeCompare('B', 'en', { sensitivity: 'base' }),
  new Intl.PluralRules('en-US').select(1) + ' ' + new Intl.PluralRules('en-US', { type: 'ordinal' }).select(2),
  new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(-1, 'day'),
  new Intl.ListFormat('en', { type: 'conjunction' }).format(['S3', 'SQS', 'SNS']),
  Intl.getCanonicalLocales('EN-us'),
  Intl.NumberFormat.supportedLocalesOf(['ko-KR', 'en-US']),
  Object.prototype.toString.call(Intl),
  new Intl.NumberFormat() instanceof Intl.NumberFormat,
];`);
    expect(result).toEqual(['aäb', -1, 'one two', 'yesterday', 'S3, SQS, and SNS', ['en-US'], ['ko-KR', 'en-US'], '[object Intl]', true]);
  });

  it("throws V8's own errors for a bad locale or option", async () => {
    const result = await evaluate(`const errors = [];
for (const make of [
  () => new Intl.NumberFormat('en', { style: 'currency', currency: 'DOLLARS' }),
  () => new Intl.DateTimeFormat('not a locale!'),
  () => Intl.PluralRules('en'),
]) { try { make(); errors.push('none'); } catch (e) { errors.push(e instanceof Error ? e.name : typeof e); } }
return errors;`);
    expect(result).toEqual(['RangeError', 'RangeError', 'TypeError']);
    const uncaught = failure(await run(host, "export const handler = async () => (5).toLocaleString('en', { style: 'currency' });"));
    expect(uncaught.error.errorType).toBe('TypeError');
    expect(uncaught.error.errorMessage).toBe(((): string => { try { (5).toLocaleString('en', { style: 'currency' }); } catch (e) { return (e as Error).message; } return ''; })());
  });
});
