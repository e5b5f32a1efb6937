/**
 * Admission control, as Lambda decides whether a request may run (FACTS.md, Q and S):
 * 1. synchronous requests per second: at most 10 x the function's concurrency limit;
 * 2. concurrency: busy environments may not exceed reserved concurrency (if set) or the account limit;
 * 3. scaling rate: a new environment needs a unit of the function's scaling rate, a token bucket of
 *    1,000 refilled continuously at 1,000 per 10 s, unused units not accruing beyond 1,000
 *    (scaling-behavior.html: "Lambda makes a best attempt to refill your concurrency scaling rate
 *    continuously over time"). Reusing a warm environment needs no unit.
 */
import { SCALING_RATE_WINDOW_SECONDS, SYNC_RPS_PER_ENVIRONMENT } from '../facts/limits.ts';
import type { ThrottleReason } from './fleet-types.ts';
import type { FleetSettings } from './settings.ts';

export class Capacity {
  private tokens: number;
  private tokensAtMs = 0;
  private readonly perMs: number;
  private readonly bucket: number;
  private readonly rpsLimit: number;
  private rpsSecond = -1;
  private rpsCount = 0;
  private readonly settings: FleetSettings;

  constructor(settings: FleetSettings) {
    this.settings = settings;
    this.bucket = settings.scalingPer10Seconds;
    this.tokens = this.bucket;
    this.perMs = this.bucket / (SCALING_RATE_WINDOW_SECONDS * 1000);
    this.rpsLimit = SYNC_RPS_PER_ENVIRONMENT * settings.cap;
  }

  /** Count a synchronous request at `atMs`; the reason if it is over the request rate limit. */
  syncRateThrottle(atMs: number): ThrottleReason | undefined {
    // Reserved concurrency 0 is a concurrency throttle, not a rate one (checked next).
    if (this.rpsLimit === 0) return undefined;
    const second = Math.floor(atMs / 1000);
    if (second !== this.rpsSecond) {
      this.rpsSecond = second;
      this.rpsCount = 0;
    }
    if (this.rpsCount >= this.rpsLimit)
      return this.settings.reserved !== undefined ? 'ReservedFunctionInvocationRateLimitExceeded' : 'FunctionInvocationRateLimitExceeded';
    this.rpsCount++;
    return undefined;
  }

  /** The reason a request may not start when `busy` environments are busy and none is idle. */
  concurrencyThrottle(busy: number): ThrottleReason | undefined {
    if (busy < this.settings.cap) return undefined;
    return this.settings.reserved !== undefined ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : 'ConcurrentInvocationLimitExceeded';
  }

  /** Take a scaling unit for a new environment at `atMs`; false when none is left. */
  takeScalingUnit(atMs: number): boolean {
    if (atMs > this.tokensAtMs) {
      this.tokens = Math.min(this.bucket, this.tokens + (atMs - this.tokensAtMs) * this.perMs);
      this.tokensAtMs = atMs;
    }
    // A small epsilon: 10 ms at 100 units/s must give exactly one unit despite float rounding.
    if (this.tokens < 1 - 1e-9) return false;
    this.tokens -= 1;
    return true;
  }

  /** Ms from `atMs` until the next scaling unit is available (0 if one is). */
  msUntilScalingUnit(atMs: number): number {
    const tokens = Math.min(this.bucket, this.tokens + Math.max(0, atMs - this.tokensAtMs) * this.perMs);
    return tokens >= 1 - 1e-9 ? 0 : (1 - tokens) / this.perMs;
  }
}

/** The message of a TooManyRequestsException, in Lambda's words where Lambda has them. */
export function throttleMessage(reason: ThrottleReason): string {
  switch (reason) {
    case 'ConcurrentInvocationLimitExceeded':
      return 'Rate Exceeded. The account has reached its concurrency limit (ConcurrentInvocationLimitExceeded).';
    case 'ReservedFunctionConcurrentInvocationLimitExceeded':
      return 'Rate Exceeded. The function has reached its reserved concurrency (ReservedFunctionConcurrentInvocationLimitExceeded).';
    case 'FunctionInvocationRateLimitExceeded':
      return 'Rate Exceeded. Synchronous requests exceed 10 per second per unit of the account concurrency limit (FunctionInvocationRateLimitExceeded).';
    case 'ReservedFunctionInvocationRateLimitExceeded':
      return 'Rate Exceeded. Synchronous requests exceed 10 per second per unit of reserved concurrency (ReservedFunctionInvocationRateLimitExceeded).';
    case 'ScalingRateExceeded':
      return 'Rate Exceeded. The function needs new execution environments faster than its scaling rate (1,000 per 10 seconds) (Coldstart label: AWS documents no Reason value for this throttle).';
  }
}
