/** Dollar amounts as the calculator shows them, in the UI language's number format. */
type NumberFormat = (value: number, options?: Intl.NumberFormatOptions) => string;

/** "$2.73": cents, always two digits. */
export const usd = (format: NumberFormat, value: number): string =>
  `$${format(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Unit prices keep their significant digits: "$0.0000166667". */
export const unitUsd = (format: NumberFormat, value: number): string =>
  `$${format(value, { maximumSignificantDigits: 6, maximumFractionDigits: 12 })}`;

/** Large counts compactly, e.g. 8.8M or 880만, for chart ticks. */
export const compact = (format: NumberFormat, value: number): string =>
  format(value, { notation: 'compact', maximumFractionDigits: 1 });
