/**
 * Arrival times of a load pattern, in virtual ms from t = 0, sorted. Deterministic: the Poisson
 * pattern draws its gaps from a seeded generator.
 */
import { FleetInputError } from './errors.ts';
import type { LoadPattern } from './fleet-types.ts';
import { seededRandom } from './rng.ts';

/** Most arrivals one simulation accepts (sampled mode keeps memory per arrival small). */
export const MAX_ARRIVALS = 5_000_000;

function positive(field: string, value: number, max = Infinity): void {
  if (!Number.isFinite(value) || value <= 0) throw new FleetInputError(field, `must be a number above 0; got ${value}`);
  if (value > max) throw new FleetInputError(field, `must be at most ${max}; got ${value}`);
}

function nonNegative(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new FleetInputError(field, `must be a number of at least 0; got ${value}`);
}

function checkCount(n: number): void {
  if (n > MAX_ARRIVALS)
    throw new FleetInputError('load', `the pattern makes ${Math.round(n).toLocaleString('en-US')} requests; at most ${MAX_ARRIVALS.toLocaleString('en-US')} are simulated`);
}

/** Expected number of arrivals without generating them (for choosing the mode). */
export function arrivalCount(load: LoadPattern): number {
  switch (load.kind) {
    case 'constant':
      return Math.floor(load.ratePerSecond * load.durationSeconds + 1e-9);
    case 'burst':
      return load.count;
    case 'ramp':
      return Math.floor(((load.fromRate + load.toRate) / 2) * load.durationSeconds + 1e-9);
    case 'poisson':
      return Math.round(load.ratePerSecond * load.durationSeconds);
    case 'explicit':
      return load.arrivalsMs.length;
  }
}

/** The arrival times of `load`, sorted ascending, in ms. */
export function arrivalTimes(load: LoadPattern): Float64Array {
  switch (load.kind) {
    case 'constant': {
      positive('load.ratePerSecond', load.ratePerSecond);
      positive('load.durationSeconds', load.durationSeconds);
      const n = arrivalCount(load);
      checkCount(n);
      const out = new Float64Array(n);
      const gap = 1000 / load.ratePerSecond;
      for (let i = 0; i < n; i++) out[i] = i * gap;
      return out;
    }
    case 'burst': {
      if (!Number.isInteger(load.count) || load.count < 1) throw new FleetInputError('load.count', `must be a whole number of at least 1; got ${load.count}`);
      checkCount(load.count);
      const at = load.atSecond ?? 0;
      nonNegative('load.atSecond', at);
      return new Float64Array(load.count).fill(at * 1000);
    }
    case 'ramp':
      return rampTimes(load.fromRate, load.toRate, load.durationSeconds);
    case 'poisson': {
      positive('load.ratePerSecond', load.ratePerSecond);
      positive('load.durationSeconds', load.durationSeconds);
      checkCount(load.ratePerSecond * load.durationSeconds * 1.1);
      const random = seededRandom(load.seed ?? 1);
      const times: number[] = [];
      const end = load.durationSeconds * 1000;
      for (let t = 0; ; ) {
        t += (-Math.log(1 - random()) / load.ratePerSecond) * 1000;
        if (t >= end) break;
        times.push(t);
      }
      return Float64Array.from(times);
    }
    case 'explicit': {
      checkCount(load.arrivalsMs.length);
      if (load.arrivalsMs.length === 0) throw new FleetInputError('load.arrivalsMs', 'needs at least one arrival time');
      load.arrivalsMs.forEach((t, i) => nonNegative(`load.arrivalsMs[${i}]`, t));
      return Float64Array.from(load.arrivalsMs).sort();
    }
    default:
      throw new FleetInputError('load.kind', `must be constant, burst, ramp, poisson or explicit; got ${String((load as { kind?: unknown }).kind)}`);
  }
}

/**
 * A linear ramp: rate r(t) = from + (to - from) t / D. Arrival i is where the expected count
 * N(t) = from t + (to - from) t^2 / 2D reaches i (so a flat ramp equals the constant pattern).
 */
function rampTimes(from: number, to: number, durationSeconds: number): Float64Array {
  nonNegative('load.fromRate', from);
  nonNegative('load.toRate', to);
  positive('load.durationSeconds', durationSeconds);
  if (from === 0 && to === 0) throw new FleetInputError('load.toRate', 'a ramp from 0 to 0 sends nothing');
  const n = Math.floor(((from + to) / 2) * durationSeconds + 1e-9);
  checkCount(n);
  const a = (to - from) / (2 * durationSeconds);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = Math.abs(a) < 1e-12 ? i / from : (-from + Math.sqrt(Math.max(0, from * from + 4 * a * i))) / (2 * a);
    out[i] = Math.min(t, durationSeconds) * 1000;
  }
  return out;
}
