/**
 * Ephemeral storage (/tmp) above the free 512 MB is billed per GB-s for as long as the function
 * runs (FACTS.md; the pricing page multiplies the configured extra storage by the same compute
 * seconds as the duration charge).
 */
import { MB_PER_GB } from '../facts/pricing.ts';
import { DEFAULT_PRICE_SHEET } from './price-sheet.ts';
import { requireNonNegative } from './errors.ts';

/** Billable storage GB-s: (configured MB - 512 MB free) / 1,024 x seconds run; 0 at or below 512 MB. */
export function ephemeralStorageGbSeconds(
  ephemeralStorageMB: number,
  billedSeconds: number,
  freeMB: number = DEFAULT_PRICE_SHEET.ephemeralStorageFreeMB,
): number {
  requireNonNegative(ephemeralStorageMB, 'Ephemeral storage (MB)');
  requireNonNegative(billedSeconds, 'Billed seconds');
  return (Math.max(0, ephemeralStorageMB - freeMB) / MB_PER_GB) * billedSeconds;
}
