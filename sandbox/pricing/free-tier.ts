/**
 * The monthly free tier: 1M requests and 400,000 GB-s (FACTS.md), shared by x86 and Arm.
 *
 * Provisioned concurrency: FACTS.md says the free tier is "not for functions with provisioned
 * concurrency", and the pricing page says it "does not apply to functions enabling Provisioned
 * Concurrency", yet the page's own PC example 1 subtracts the free tier from the on-demand usage of
 * the rest of the month (2.5M requests, 450,000 GB-s outside an 8-hour PC window). We read both
 * together: nothing used while provisioned concurrency is enabled (the PC charge, invocations on
 * it, spill-over in the window) gets the free tier; on-demand usage outside the windows does.
 * That reproduces both PC examples on the page to the cent.
 */
import type { Architecture } from '../invocation/record.ts';

/** What is left of the free tier while a bill is assembled. */
export interface FreeTierPool {
  requests: number;
  gbSeconds: number;
}

export function freeTierPool(enabled: boolean, requests: number, gbSeconds: number): FreeTierPool {
  return enabled ? { requests, gbSeconds } : { requests: 0, gbSeconds: 0 };
}

/** Takes up to `wanted` from the pool's `field`; returns how much was granted. */
export function takeFromPool(pool: FreeTierPool, field: keyof FreeTierPool, wanted: number): number {
  const granted = Math.min(pool[field], Math.max(0, wanted));
  pool[field] -= granted;
  return granted;
}

/**
 * Order in which architectures draw on the shared GB-s allowance. AWS does not document it;
 * x86 first means a mixed account gets the larger saving (its price is higher), which we assume.
 */
export const FREE_TIER_ARCH_ORDER: readonly Architecture[] = ['x86_64', 'arm64'];
