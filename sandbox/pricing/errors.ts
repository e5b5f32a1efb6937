/**
 * The one error the pricing engine throws: an input no bill can be made of (negative requests,
 * a ratio above 1, an async payload over the limit). Its `name` is stable so callers across a
 * process boundary can tell it from a bug.
 */
export class PricingInputError extends Error {
  override readonly name = 'PricingInputError';
}

/** Throws PricingInputError unless `value` is a finite number >= 0. */
export function requireNonNegative(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new PricingInputError(`${what} must be a finite number >= 0 (got ${value}).`);
  }
}

/** Throws PricingInputError unless `value` lies in [0, 1]. */
export function requireRatio(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new PricingInputError(`${what} must be between 0 and 1 (got ${value}).`);
  }
}
