/**
 * The pricing engine: Lambda's monthly bill with a line per charge (requests, tiered duration on
 * x86 and Arm, INIT, free tier, provisioned concurrency, ephemeral storage, large async events,
 * Lambda@Edge), projections from a per-invocation profile, and the comparison with a server.
 * Prices come from ../facts/pricing.ts only.
 */
export { PricingInputError } from './errors.ts';
export { roundToCents, sumOfRoundedCents, formatUsd } from './money.ts';
export type { LineItem, LineKey, LineUnit } from './line-item.ts';
export { DEFAULT_PRICE_SHEET, flatDurationSheet, type PriceSheet } from './price-sheet.ts';
export { splitIntoTiers, tieredDurationUsd, type TierSegment } from './duration-tiers.ts';
export { asyncExtraRequests, asyncBilledRequests } from './async-payload.ts';
export { provisionedBilledSeconds, provisionedConcurrencyGbSeconds } from './provisioned-concurrency.ts';
export { ephemeralStorageGbSeconds } from './ephemeral-storage.ts';
export type { MonthlyUsage, OnDemandUsage, ProvisionedWindow, EdgeUsage } from './usage.ts';
export { priceMonthlyUsage, type Bill, type BillOptions } from './monthly-bill.ts';
export {
  projectUsage,
  projectMonthlyBill,
  monthlyRequests,
  type FunctionProfile,
  type InvocationProfile,
  type Projection,
} from './profile.ts';
export { aggregateInvocations, priceInvocations, pricedInvocation, type PricedInvocation } from './invocations.ts';
export { serverMonthlyUsd, type ServerFleet } from './server.ts';
export {
  breakEven,
  costSeries,
  lambdaMonthlyUsd,
  type BreakEven,
  type BreakEvenKind,
  type BreakEvenOptions,
  type CostPoint,
  type SeriesOptions,
} from './break-even.ts';
