/**
 * Lambda prices in us-east-1, as FACTS.md lists them. Every price names its source page; the
 * billing model (../model/billing.ts) is the only code that multiplies with them.
 */

/** $0.20 per 1M requests, x86 and Arm alike: https://aws.amazon.com/lambda/pricing/ */
export const PRICE_PER_REQUEST_USD = 0.2 / 1_000_000;

/** Duration, first pricing tier, per GB-second: https://aws.amazon.com/lambda/pricing/ */
export const PRICE_PER_GB_SECOND_USD = {
  /** First 6B GB-s per month. */
  x86_64: 0.0000166667,
  /** First 7.5B GB-s per month. */
  arm64: 0.0000133334,
} as const;

/** Monthly free tier: 1M requests and 400,000 GB-s: https://aws.amazon.com/lambda/pricing/ */
export const FREE_TIER_REQUESTS = 1_000_000;
export const FREE_TIER_GB_SECONDS = 400_000;

/**
 * Billing granularity: 1 ms, rounded up, since 1 Dec 2020 (100 ms before):
 * https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/
 */
export const BILLING_GRANULARITY_MS = 1;

/**
 * Since 1 Aug 2025 the INIT phase of on-demand ZIP functions is billed: Billed Duration includes
 * Init Duration. https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/
 */
export const INIT_BILLED_SINCE = '2025-08-01';

/** Lambda bills memory in GB of 1,024 MB (the pricing page's examples divide MB by 1,024). */
export const MB_PER_GB = 1_024;
