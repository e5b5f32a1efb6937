/**
 * What the fleet run meters, turned into a MonthlyUsage and priced by sandbox/pricing, so the bill
 * is the same one `coldstart cost` and priceInvocations produce for the same invocations:
 * - on-demand invocations: one request each, billed duration (INIT included on cold starts);
 * - provisioned concurrency: the configured environments x memory for the whole run (rounded up to
 *   5 minutes by the pricing engine), the invocations they served at the provisioned duration
 *   price (their INIT happened before t = 0 and is part of the standing charge), and spill-over
 *   invocations at on-demand prices without the free tier;
 * - async events over 256 KB: the extra request per 64 KB; /tmp above 512 MB for the billed time.
 * Throttled attempts are not billed (they never ran).
 */
import { EPHEMERAL_STORAGE_FREE_MB, MB_PER_GB } from '../facts/pricing.ts';
import type { FunctionConfig } from '../invocation/record.ts';
import { asyncExtraRequests, priceMonthlyUsage, type Bill, type MonthlyUsage } from '../pricing/index.ts';

export class Meter {
  onDemandRequests = 0;
  onDemandBilledMs = 0;
  provisionedRequests = 0;
  provisionedBilledMs = 0;
  private asyncExtra = 0;
  private readonly config: FunctionConfig;
  private readonly extraPerAsyncInvoke: number;

  constructor(config: FunctionConfig, asyncPayloadBytes: number | undefined) {
    this.config = config;
    this.extraPerAsyncInvoke = asyncPayloadBytes === undefined ? 0 : asyncExtraRequests(asyncPayloadBytes);
  }

  add(billedMs: number, onProvisioned: boolean): void {
    if (onProvisioned) {
      this.provisionedRequests++;
      this.provisionedBilledMs += billedMs;
    } else {
      this.onDemandRequests++;
      this.onDemandBilledMs += billedMs;
    }
    this.asyncExtra += this.extraPerAsyncInvoke;
  }

  /** The usage of the run; `enabledSeconds` is how long provisioned concurrency was on. */
  usage(provisioned: number, enabledSeconds: number, freeTier: boolean): MonthlyUsage {
    const { architecture, memorySizeMB } = this.config;
    const gbs = (ms: number) => (ms * memorySizeMB) / MB_PER_GB / 1000;
    const usage: MonthlyUsage = { freeTier };
    if (provisioned > 0) {
      usage.provisioned = [
        {
          architecture,
          memorySizeMB,
          concurrency: provisioned,
          enabledSeconds,
          requests: this.provisionedRequests,
          gbSeconds: gbs(this.provisionedBilledMs),
          spilloverRequests: this.onDemandRequests,
          spilloverGbSeconds: gbs(this.onDemandBilledMs),
        },
      ];
    } else {
      usage.onDemand = [{ architecture, requests: this.onDemandRequests, gbSeconds: gbs(this.onDemandBilledMs) }];
    }
    if (this.asyncExtra > 0) usage.asyncExtraRequests = this.asyncExtra;
    const storage = this.config.ephemeralStorageMB ?? EPHEMERAL_STORAGE_FREE_MB;
    if (storage > EPHEMERAL_STORAGE_FREE_MB)
      usage.ephemeralStorageGbSeconds = ((storage - EPHEMERAL_STORAGE_FREE_MB) * (this.onDemandBilledMs + this.provisionedBilledMs)) / MB_PER_GB / 1000;
    return usage;
  }

  bill(usage: MonthlyUsage): Bill {
    return priceMonthlyUsage(usage);
  }
}
