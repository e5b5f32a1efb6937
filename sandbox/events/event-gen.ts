/**
 * The seeded source of ids and the clock that templates build events with. Events are
 * deterministic: the same seed, clock and parameters give the same JSON, so tests and lesson checks
 * can compare them. Bytes come from SHA-256 in counter mode over the seed (not for secrets; it only
 * needs to look random and be reproducible).
 */
import { createHash } from 'node:crypto';

/** The clock every template uses unless the caller passes another: 2026-04-09T12:34:56.789Z. */
export const DEFAULT_EVENT_TIME_MS = Date.UTC(2026, 3, 9, 12, 34, 56, 789);

/** The seed every template uses unless the caller passes another. */
export const DEFAULT_EVENT_SEED = 'coldstart';

const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
/** Lowercase letters and digits (API ids, URL ids, client ids). */
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Uppercase letters and digits (IAM unique ids, distribution ids). */
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Random-looking, reproducible values and the event's time. */
export class EventGen {
  /** The event's time in ms since the epoch. */
  readonly now: number;
  private readonly seed: string;
  private counter = 0;
  private pool: Buffer = Buffer.alloc(0);

  /**
   * @param seed any text; templates are usually seeded with `<seed>/<template name>`.
   * @param now the event's time, ms since the epoch (default DEFAULT_EVENT_TIME_MS).
   */
  constructor(seed: string, now: number = DEFAULT_EVENT_TIME_MS) {
    this.seed = seed;
    this.now = now;
  }

  /** `n` bytes from the seeded stream. */
  bytes(n: number): Buffer {
    while (this.pool.length < n) {
      const block = createHash('sha256').update(`${this.seed}\u0000${this.counter++}`).digest();
      this.pool = Buffer.concat([this.pool, block]);
    }
    const out = this.pool.subarray(0, n);
    this.pool = this.pool.subarray(n);
    return Buffer.from(out);
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    const span = max - min + 1;
    return min + (this.bytes(4).readUInt32BE(0) % span);
  }

  /** `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string {
    let s = '';
    for (const b of this.bytes(length)) s += alphabet[b % alphabet.length];
    return s;
  }

  /** Lowercase hex digits (uppercase with `upper`). */
  hex(length: number, upper = false): string {
    const s = this.chars(length, HEX);
    return upper ? s.toUpperCase() : s;
  }

  /** Decimal digits, the first one not 0. */
  digits(length: number): string {
    return this.chars(1, '123456789') + this.chars(length - 1, DIGITS);
  }

  /** A UUID v4 (RFC 9562: version nibble 4, variant bits 10). */
  uuid(): string {
    const b = this.bytes(16);
    b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
    b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** Base64 of `n` random bytes. */
  base64(n: number): string {
    return this.bytes(n).toString('base64');
  }
}
