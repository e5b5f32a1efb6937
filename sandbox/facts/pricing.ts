/**
 * Lambda prices in us-east-1, as FACTS.md lists them. Every price names its source page; the
 * billing model (../model/billing.ts) and the pricing engine (../pricing/) are the only code that
 * multiplies with them.
 */
import { TMP_MIN_MB } from './limits.ts';

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

// ---------------------------------------------------------------------------------------------
// The pricing engine (../pricing/) also reads everything below. Same page (P in FACTS.md) unless
// a comment names another source; where FACTS.md is silent the comment says so.
// ---------------------------------------------------------------------------------------------

/** One band of the monthly on-demand duration tiers: usage up to `upToGbSeconds` costs this much. */
export interface DurationTier {
  /** Upper bound of the band in aggregate GB-s per month (Infinity for the last band). */
  upToGbSeconds: number;
  pricePerGbSecondUsd: number;
}

/**
 * Monthly on-demand duration tiers, per architecture, counted over the aggregate duration of all
 * functions of one architecture in a Region and account (FACTS.md: x86 first 6B GB-s, -10% to
 * 15B, -20% above; Arm 7.5B / 18.75B). The discounted prices are AWS's published ten-decimal
 * figures (FACTS.md gives them as -10% / -20%, which they are to that precision):
 * https://aws.amazon.com/lambda/pricing/ and
 * https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/
 */
export const DURATION_TIERS = {
  x86_64: [
    { upToGbSeconds: 6e9, pricePerGbSecondUsd: PRICE_PER_GB_SECOND_USD.x86_64 },
    { upToGbSeconds: 15e9, pricePerGbSecondUsd: 0.000015 },
    { upToGbSeconds: Infinity, pricePerGbSecondUsd: 0.0000133334 },
  ],
  arm64: [
    { upToGbSeconds: 7.5e9, pricePerGbSecondUsd: PRICE_PER_GB_SECOND_USD.arm64 },
    { upToGbSeconds: 18.75e9, pricePerGbSecondUsd: 0.0000120001 },
    { upToGbSeconds: Infinity, pricePerGbSecondUsd: 0.0000106667 },
  ],
} as const satisfies Record<'x86_64' | 'arm64', readonly DurationTier[]>;

/**
 * Provisioned concurrency, per GB-s of configured concurrency while enabled. x86: $0.0000041667
 * (FACTS.md). Arm: FACTS.md is silent; $0.0000033334 is AWS's us-east-1 price list
 * (https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json,
 * SKU "Lambda Provisioned-Concurrency-ARM"; the pricing page renders the same table).
 */
export const PROVISIONED_CONCURRENCY_PRICE_PER_GB_SECOND_USD = {
  x86_64: 0.0000041667,
  arm64: 0.0000033334,
} as const;

/**
 * Duration of invocations served by provisioned concurrency, per GB-s. x86: $0.0000097222
 * (FACTS.md). Arm: FACTS.md is silent; $0.0000077778 from the same AWS price list as above.
 */
export const PROVISIONED_DURATION_PRICE_PER_GB_SECOND_USD = {
  x86_64: 0.0000097222,
  arm64: 0.0000077778,
} as const;

/** Provisioned concurrency is billed from enable to disable, rounded up to 5 minutes (FACTS.md). */
export const PROVISIONED_BILLING_INCREMENT_SECONDS = 5 * 60;

/** Ephemeral storage above the free 512 MB, per GB-s, x86 and Arm alike (FACTS.md). */
export const EPHEMERAL_STORAGE_PRICE_PER_GB_SECOND_USD = 0.0000000309;
/** /tmp that every function gets at no charge (FACTS.md: "512 MB free"), the /tmp minimum. */
export const EPHEMERAL_STORAGE_FREE_MB = TMP_MIN_MB;

/** Lambda@Edge: $0.60 per 1M requests, no free tier, 1 ms metering (FACTS.md). */
export const EDGE_PRICE_PER_REQUEST_USD = 0.6 / 1_000_000;
/** Lambda@Edge duration per GB-s; the page's example quotes it as $0.00000625125 per 128 MB-s. */
export const EDGE_PRICE_PER_GB_SECOND_USD = 0.00005001;

/**
 * Async events: the first 256 KB are one request; above that, 1 extra request per 64 KB chunk
 * (FACTS.md), up to the 1 MB async payload limit (../facts/limits.ts). KB = 1,024 bytes, as the
 * limits page counts them.
 */
export const ASYNC_PAYLOAD_INCLUDED_BYTES = 256 * 1024;
export const ASYNC_PAYLOAD_CHUNK_BYTES = 64 * 1024;

/**
 * Hours in a billing month for monthly projections: 730 (365 x 24 / 12), the convention of the
 * AWS Pricing Calculator and of EC2's monthly estimates. FACTS.md is silent; the pricing page's
 * own examples use either "per month" totals or a 31-day month (10,000 x 24 x 31 messages).
 */
export const HOURS_PER_MONTH = 730;

/** An always-on server for the Lambda vs server comparison. */
export interface ServerPrice {
  instanceType: string;
  /** On-demand price, USD per hour, Linux, us-east-1. */
  hourlyUsd: number;
  vcpus: number;
  memoryGiB: number;
  /** Where the price comes from. */
  source: string;
  /** When it was checked (ISO date). */
  checked: string;
}

/**
 * Default server: EC2 t3.small (2 vCPU, 2 GiB), Linux on-demand, us-east-1, $0.0208 per hour
 * (about $15.18 per 730-hour month). Source: https://aws.amazon.com/ec2/pricing/on-demand/,
 * checked 2026-11-24. NOT confirmed on AWS's own page from here: that table renders in the
 * browser and could not be read offline; $0.0208 is the price t3.small has carried since its
 * launch (Aug 2018) and agrees with several 2025-2026 cost write-ups. Re-check before quoting.
 * The server price is an input everywhere; this is only the default.
 */
export const DEFAULT_SERVER_PRICE: ServerPrice = {
  instanceType: 't3.small',
  hourlyUsd: 0.0208,
  vcpus: 2,
  memoryGiB: 2,
  source: 'https://aws.amazon.com/ec2/pricing/on-demand/',
  checked: '2026-11-24',
};
