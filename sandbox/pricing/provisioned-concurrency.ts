/**
 * Provisioned concurrency arithmetic. You pay for the configured concurrency x memory for as long
 * as it is enabled, rounded up to 5 minutes per enable-to-disable window (FACTS.md), whether or
 * not anything runs; invocations it serves pay a lower duration price; invocations beyond the
 * configured concurrency spill over to on-demand prices.
 */
import { MB_PER_GB, PROVISIONED_BILLING_INCREMENT_SECONDS } from '../facts/pricing.ts';
import { requireNonNegative } from './errors.ts';

/**
 * Billed seconds of one enabled window: rounded up to the next 5 minutes, so enabling it for one
 * second costs 300 s, and 301 s costs 600 s. A window of 0 s costs nothing.
 */
export function provisionedBilledSeconds(enabledSeconds: number): number {
  requireNonNegative(enabledSeconds, 'Provisioned concurrency enabled time (s)');
  const step = PROVISIONED_BILLING_INCREMENT_SECONDS;
  // Clean float noise first so 7,200.0000001 s (2 h from a computed value) does not bill 7,500 s.
  const cleaned = Number(enabledSeconds.toPrecision(12));
  return Math.ceil(cleaned / step) * step;
}

/** GB-s charged for keeping `concurrency` environments of `memorySizeMB` for one window. */
export function provisionedConcurrencyGbSeconds(
  concurrency: number,
  memorySizeMB: number,
  enabledSeconds: number,
): number {
  requireNonNegative(concurrency, 'Provisioned concurrency');
  return concurrency * (memorySizeMB / MB_PER_GB) * provisionedBilledSeconds(enabledSeconds);
}
