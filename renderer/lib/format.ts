/**
 * Number formatting for run results. Lambda bills in tiny fractions of a cent, so costs keep
 * four significant digits instead of a fixed number of decimals (never rounded to $0.00).
 */

/** `0.0000002083` -> "$0.0000002083"; Intl never switches to exponent notation. */
export function formatUsd(value: number, locale: string): string {
  if (value === 0) return '$0';
  const digits = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4, useGrouping: false }).format(value);
  return `$${digits}`;
}

/** Milliseconds with up to two decimals, as the REPORT line shows them. */
export function formatMs(value: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} ms`;
}

/** Pretty-prints JSON text; returns it unchanged when it is not JSON (the learner still sees it). */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Splits a CloudWatch line on tabs so REPORT's fields can be shown apart. */
export function logFields(text: string): string[] {
  return text.split('\t').filter((field, i) => i === 0 || field.length > 0);
}

/** A size in bytes as B, KB or MB (1 KB = 1,024 bytes, as Lambda's quotas count). */
export function formatBytes(bytes: number, locale: string): string {
  const n = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  if (bytes < 1024) return `${n(bytes)} B`;
  if (bytes < 1024 * 1024) return `${n(bytes / 1024)} KB`;
  return `${n(bytes / 1024 / 1024)} MB`;
}
