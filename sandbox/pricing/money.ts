/**
 * Rounding and formatting of money. The engine computes in full precision and rounds only what it
 * shows: each line to cents, and the total as the sum of the rounded lines, because that is how
 * every worked example on https://aws.amazon.com/lambda/pricing/ adds up ("$2.33 + $0.40 = $2.73").
 */

/**
 * Rounds USD to cents, half up. The detour through 12 significant digits drops binary noise first,
 * so 0.125 stored as 0.12499999999 still shows $0.13 (none of AWS's examples sits exactly on a
 * half cent, so the tie rule is ours).
 */
export function roundToCents(usd: number): number {
  return toCents(usd) / 100;
}

/** Whole cents of an amount, rounded as roundToCents does. */
export function toCents(usd: number): number {
  return Math.round(Number((usd * 100).toPrecision(12)));
}

/** Sum of amounts after rounding each to cents, as a cent-exact USD number. */
export function sumOfRoundedCents(amounts: readonly number[]): number {
  let cents = 0;
  for (const usd of amounts) cents += toCents(usd);
  return cents / 100;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "$1,234.50": dollars with cents, as the pricing page prints totals. */
export function formatUsd(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  return `${sign}$${Math.abs(usd).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "$0.0000166667": a unit price with every published digit and no float noise or exponent. */
export function formatUnitPrice(usd: number): string {
  const fixed = usd.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return `$${fixed}`;
}

/** "540,000": a quantity with grouping, at most two decimals. */
export function formatQuantity(n: number): string {
  return grouped.format(n);
}
