/**
 * The pricing engine: a month of usage in, a bill with one line per charge out. Each line keeps
 * full precision; the bill's displayed total is the sum of the lines rounded to cents, the way the
 * worked examples on https://aws.amazon.com/lambda/pricing/ add up.
 */
import type { Architecture } from '../invocation/record.ts';
import { FREE_TIER_ARCH_ORDER, freeTierPool, takeFromPool } from './free-tier.ts';
import { splitIntoTiers } from './duration-tiers.ts';
import { makeLine, type LineItem } from './line-item.ts';
import { formatQuantity, sumOfRoundedCents } from './money.ts';
import { DEFAULT_PRICE_SHEET, type PriceSheet } from './price-sheet.ts';
import { provisionedBilledSeconds, provisionedConcurrencyGbSeconds } from './provisioned-concurrency.ts';
import { validateUsage, type MonthlyUsage } from './usage.ts';

export interface Bill {
  lines: LineItem[];
  /** Sum of the lines in full precision. */
  totalUsd: number;
  /** Sum of the lines each rounded to cents: the total the pricing page would print. */
  displayTotalUsd: number;
  freeTierApplied: boolean;
  /** Sentences on modelling choices that affected this bill (free tier and PC, tiers). */
  notes: string[];
}

export interface BillOptions {
  /** Prices to use; default us-east-1 per FACTS.md. */
  prices?: PriceSheet;
}

interface ArchDuration {
  /** GB-s that may use the free tier (on-demand outside provisioned windows). */
  eligible: number;
  /** GB-s that may not (spill-over during provisioned windows). */
  ineligible: number;
}

/** Prices a month of usage. Throws PricingInputError on negative or non-finite quantities. */
export function priceMonthlyUsage(usage: MonthlyUsage, options: BillOptions = {}): Bill {
  validateUsage(usage);
  const prices = options.prices ?? DEFAULT_PRICE_SHEET;
  const freeTier = usage.freeTier ?? true;
  const pool = freeTierPool(freeTier, prices.freeTierRequests, prices.freeTierGbSeconds);
  const lines: LineItem[] = [];
  const notes: string[] = [];
  const windows = usage.provisioned ?? [];
  const onDemand = usage.onDemand ?? [];

  // Requests: one meter for on-demand, provisioned and spill-over invocations.
  const eligibleRequests = onDemand.reduce((n, u) => n + u.requests, 0);
  const ineligibleRequests = windows.reduce((n, w) => n + w.requests + (w.spilloverRequests ?? 0), 0);
  const hasLambda = onDemand.length > 0 || windows.length > 0;
  if (hasLambda) {
    const free = takeFromPool(pool, 'requests', eligibleRequests);
    const gross = eligibleRequests + ineligibleRequests;
    lines.push(
      makeLine({
        key: 'requests',
        quantity: gross - free,
        grossQuantity: gross,
        freeQuantity: free,
        unit: 'requests',
        unitPriceUsd: prices.requestUsd,
        why: requestsWhy(gross, free, freeTier),
      }),
    );
  }
  const extra = usage.asyncExtraRequests ?? 0;
  if (extra > 0) {
    // Same request meter, so whatever the free tier has left covers these too.
    const free = takeFromPool(pool, 'requests', extra);
    lines.push(
      makeLine({
        key: 'async-extra-requests',
        quantity: extra - free,
        grossQuantity: extra,
        freeQuantity: free,
        unit: 'requests',
        unitPriceUsd: prices.requestUsd,
        why:
          'async events over 256 KB pay 1 extra request per 64 KB chunk' +
          (free > 0 ? `; ${formatQuantity(free)} covered by the free tier` : ''),
      }),
    );
  }

  // On-demand duration, per architecture, over the monthly tiers.
  const byArch = new Map<Architecture, ArchDuration>();
  const add = (arch: Architecture, eligible: number, ineligible: number) => {
    const d = byArch.get(arch) ?? { eligible: 0, ineligible: 0 };
    d.eligible += eligible;
    d.ineligible += ineligible;
    byArch.set(arch, d);
  };
  for (const u of onDemand) add(u.architecture, u.gbSeconds, 0);
  for (const w of windows)
    if ((w.spilloverGbSeconds ?? 0) > 0 || (w.spilloverRequests ?? 0) > 0)
      add(w.architecture, 0, w.spilloverGbSeconds ?? 0);
  for (const arch of FREE_TIER_ARCH_ORDER) {
    const d = byArch.get(arch);
    if (!d) continue;
    let free = takeFromPool(pool, 'gbSeconds', d.eligible);
    const segments = splitIntoTiers(d.eligible + d.ineligible, prices.durationTiers[arch]);
    if (segments.length > 1)
      notes.push(`${arch} duration crosses the monthly volume tiers: the GB-s above each breakpoint cost less.`);
    for (const s of segments) {
      // The free GB-s are the month's first, so they always come off tier 1.
      const freeHere = Math.min(free, s.gbSeconds);
      free -= freeHere;
      lines.push(
        makeLine({
          key: 'duration',
          tier: s.tier,
          architecture: arch,
          quantity: s.gbSeconds - freeHere,
          grossQuantity: s.gbSeconds,
          freeQuantity: freeHere,
          unit: 'GB-s',
          unitPriceUsd: s.pricePerGbSecondUsd,
          why: durationWhy(arch, s.tier, s.gbSeconds, freeHere, segments.length > 1),
        }),
      );
    }
  }

  // Provisioned concurrency: the standing charge, then what ran on it. Never free-tier.
  for (const w of windows) {
    const gbs = provisionedConcurrencyGbSeconds(w.concurrency, w.memorySizeMB, w.enabledSeconds);
    lines.push(
      makeLine({
        key: 'provisioned-concurrency',
        architecture: w.architecture,
        quantity: gbs,
        unit: 'GB-s',
        unitPriceUsd: prices.provisionedConcurrencyGbSecondUsd[w.architecture],
        why: `${w.concurrency} environments x ${formatQuantity(w.memorySizeMB)} MB kept ready for ${formatQuantity(provisionedBilledSeconds(w.enabledSeconds))} s (enabled time rounded up to 5 minutes), used or not`,
      }),
    );
    lines.push(
      makeLine({
        key: 'provisioned-duration',
        architecture: w.architecture,
        quantity: w.gbSeconds,
        unit: 'GB-s',
        unitPriceUsd: prices.provisionedDurationGbSecondUsd[w.architecture],
        why: `${formatQuantity(w.requests)} invocations served by provisioned concurrency pay its lower duration price`,
      }),
    );
  }
  if (windows.length > 0 && freeTier) {
    notes.push(
      "The free tier does not cover usage while provisioned concurrency is enabled; it covers on-demand usage outside those windows (as the pricing page's provisioned concurrency example 1 does).",
    );
  }

  const storage = usage.ephemeralStorageGbSeconds ?? 0;
  if (storage > 0) {
    lines.push(
      makeLine({
        key: 'ephemeral-storage',
        quantity: storage,
        unit: 'GB-s',
        unitPriceUsd: prices.ephemeralStorageGbSecondUsd,
        why: `/tmp above the free ${prices.ephemeralStorageFreeMB} MB, for as long as the function runs`,
      }),
    );
  }

  if (usage.edge) {
    lines.push(
      makeLine({
        key: 'edge-requests',
        quantity: usage.edge.requests,
        unit: 'requests',
        unitPriceUsd: prices.edgeRequestUsd,
        why: 'Lambda@Edge requests; Lambda@Edge has no free tier',
      }),
      makeLine({
        key: 'edge-duration',
        quantity: usage.edge.gbSeconds,
        unit: 'GB-s',
        unitPriceUsd: prices.edgeGbSecondUsd,
        why: 'Lambda@Edge duration, metered per 1 ms; no free tier and no volume tiers',
      }),
    );
  }

  const totalUsd = lines.reduce((sum, l) => sum + l.amountUsd, 0);
  return {
    lines,
    totalUsd,
    displayTotalUsd: sumOfRoundedCents(lines.map((l) => l.amountUsd)),
    freeTierApplied: freeTier,
    notes,
  };
}

function requestsWhy(gross: number, free: number, freeTier: boolean): string {
  if (!freeTier) return `${formatQuantity(gross)} requests, free tier not applied`;
  if (free === 0) return `${formatQuantity(gross)} requests; none of them eligible for the free tier`;
  return `${formatQuantity(gross)} requests - ${formatQuantity(free)} free tier requests`;
}

function durationWhy(arch: Architecture, tier: number, gross: number, free: number, tiered: boolean): string {
  const where = tiered ? `${arch} tier ${tier}` : `${arch} duration`;
  if (free > 0) return `${where}: ${formatQuantity(gross)} GB-s used - ${formatQuantity(free)} GB-s free tier`;
  return `${where}: ${formatQuantity(gross)} GB-s of billed duration (memory in GB x seconds, INIT included on cold starts)`;
}
