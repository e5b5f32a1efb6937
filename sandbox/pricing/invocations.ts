/**
 * Pricing a list of individual invocations (a fleet simulation's output, or a bench's million):
 * sum what Lambda meters, then price the sums once, so tiers and the free tier apply to the month
 * as a whole and not to each invoke. One pass, no allocation per record.
 */
import type { Architecture, FunctionConfig, InvocationRecord } from '../invocation/record.ts';
import { EPHEMERAL_STORAGE_FREE_MB, MB_PER_GB } from '../facts/pricing.ts';
import { asyncExtraRequests } from './async-payload.ts';
import { priceMonthlyUsage, type Bill, type BillOptions } from './monthly-bill.ts';
import type { MonthlyUsage } from './usage.ts';

/** What pricing needs of one on-demand invocation. */
export interface PricedInvocation {
  /** Billed Duration from the REPORT line (INIT included on billed cold starts). */
  billedDurationMs: number;
  memorySizeMB: number;
  architecture: Architecture;
  /** /tmp size in MB; default 512 (free). */
  ephemeralStorageMB?: number;
  /** Size of the async event in bytes; leave out for sync invokes. */
  asyncPayloadBytes?: number;
}

/** Sums invocations into a month of on-demand usage (one entry per architecture used). */
export function aggregateInvocations(records: readonly PricedInvocation[]): MonthlyUsage {
  // Sum MB x ms (integers for whole-ms, whole-MB inputs) and convert once: fewer rounding steps.
  let x86Requests = 0;
  let x86MbMs = 0;
  let armRequests = 0;
  let armMbMs = 0;
  let storageMbMs = 0;
  let extraRequests = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const mbMs = r.billedDurationMs * r.memorySizeMB;
    if (r.architecture === 'arm64') {
      armRequests++;
      armMbMs += mbMs;
    } else {
      x86Requests++;
      x86MbMs += mbMs;
    }
    const storage = r.ephemeralStorageMB;
    if (storage !== undefined && storage > EPHEMERAL_STORAGE_FREE_MB)
      storageMbMs += (storage - EPHEMERAL_STORAGE_FREE_MB) * r.billedDurationMs;
    if (r.asyncPayloadBytes !== undefined) extraRequests += asyncExtraRequests(r.asyncPayloadBytes);
  }
  const toGbSeconds = (mbMs: number) => mbMs / MB_PER_GB / 1000;
  const usage: MonthlyUsage = { onDemand: [] };
  if (x86Requests > 0 || armRequests === 0)
    usage.onDemand!.push({ architecture: 'x86_64', requests: x86Requests, gbSeconds: toGbSeconds(x86MbMs) });
  if (armRequests > 0)
    usage.onDemand!.push({ architecture: 'arm64', requests: armRequests, gbSeconds: toGbSeconds(armMbMs) });
  if (extraRequests > 0) usage.asyncExtraRequests = extraRequests;
  if (storageMbMs > 0) usage.ephemeralStorageGbSeconds = toGbSeconds(storageMbMs);
  return usage;
}

/** Prices a list of invocations as one month. Default: free tier on, us-east-1 prices. */
export function priceInvocations(
  records: readonly PricedInvocation[],
  options: BillOptions & { freeTier?: boolean } = {},
): Bill {
  const usage = aggregateInvocations(records);
  usage.freeTier = options.freeTier ?? true;
  return priceMonthlyUsage(usage, options);
}

/** Adapts an invocation record (and the configuration it ran under) for pricing. */
export function pricedInvocation(
  record: InvocationRecord,
  config: Pick<FunctionConfig, 'architecture' | 'ephemeralStorageMB'>,
  asyncPayloadBytes?: number,
): PricedInvocation {
  const priced: PricedInvocation = {
    billedDurationMs: record.report.billedDurationMs,
    memorySizeMB: record.report.memorySizeMB,
    architecture: config.architecture,
  };
  if (config.ephemeralStorageMB !== undefined) priced.ephemeralStorageMB = config.ephemeralStorageMB;
  if (asyncPayloadBytes !== undefined) priced.asyncPayloadBytes = asyncPayloadBytes;
  return priced;
}
