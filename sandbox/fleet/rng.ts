/**
 * Seeded randomness for the fleet simulator: same seed, same run. mulberry32 is small, fast and
 * good enough for arrival gaps and picking samples (not for cryptography).
 */

/** A function returning numbers in [0, 1), deterministic for a seed. */
export type Random = () => number;

/** mulberry32 (public domain, Tommy Ettinger). */
export function seededRandom(seed: number): Random {
  let a = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(8, '0').slice(0, width);

/** A UUID-shaped request id drawn from `random` (so context.awsRequestId is repeatable too). */
export function seededRequestId(random: Random): string {
  const w = () => Math.floor(random() * 4294967296);
  const a = hex(w(), 8);
  const b = hex(w(), 8);
  const c = hex(w(), 8);
  const d = hex(w(), 8);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${((parseInt(c[0] ?? '0', 16) & 3) | 8).toString(16)}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}
