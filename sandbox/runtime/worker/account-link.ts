/**
 * The link between one execution environment and a simulated AWS account (sandbox/account/):
 * attached per invoke by EnvironmentPool when the request carries `account`, used by the guest's
 * AWS SDK through the bridge (`host.aws`). Calls are made at the account time that corresponds to
 * the guest's virtual time, and answered as JSON with the call's simulated latency.
 */
import type { Account, Caller } from '../../account/account-types.ts';
import { SUPPORTED_PAGE } from './module-resolver.ts';

/** An account attached to an invoke: who the function calls as, and when the invoke starts. */
export interface AccountAttachment {
  account: Account;
  caller: Caller;
  /** Account-clock time (virtual ms) at which the invoke starts; default: the account's clock when attached. */
  startAt?: number;
}

/** Bytes and dates as the guest's SDK reads them ({$bytes: latin1}, {$date: ms}). */
export function toWire(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1') };
  if (value instanceof Date) return { $date: value.getTime() };
  if (Array.isArray(value)) return value.map(toWire);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
  return out;
}

export class AccountLink {
  private attachment: AccountAttachment | undefined;
  private baseGuestMs = 0;
  private baseAccountMs = 0;

  attach(attachment: AccountAttachment | undefined, guestNowMs: number): void {
    this.attachment = attachment;
    this.baseGuestMs = guestNowMs;
    this.baseAccountMs = attachment ? (attachment.startAt ?? attachment.account.now()) : 0;
  }

  detach(): void {
    this.attachment = undefined;
  }

  /** One SDK call from the guest; returns the reply JSON. */
  call(service: string, operation: string, inputJson: string, guestNowMs: number): string {
    const a = this.attachment;
    if (!a) {
      return JSON.stringify({
        ok: false,
        notConnected: true,
        latencyMs: 0,
        message: `This function is not connected to a simulated AWS account, so its AWS SDK call ${operation} has nowhere to go. Run it from a scenario (which attaches an account and an execution role) to use S3, DynamoDB, SQS, SNS and EventBridge. See ${SUPPORTED_PAGE}`,
      });
    }
    let input: unknown;
    try {
      input = JSON.parse(inputJson);
    } catch {
      input = {};
    }
    const elapsed = guestNowMs - this.baseGuestMs;
    const at = this.baseAccountMs + (Number.isFinite(elapsed) && elapsed > 0 ? elapsed : 0);
    const r = a.account.callSync(service as Parameters<Account['callSync']>[0], operation, input, a.caller, { at });
    if (r.ok) return JSON.stringify({ ok: true, latencyMs: r.latencyMs, output: toWire(r.output) });
    return JSON.stringify({ ok: false, latencyMs: r.latencyMs, error: r.error });
  }
}
