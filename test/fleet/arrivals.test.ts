/** Load patterns become arrival times. */
import { describe, expect, it } from 'vitest';
import { arrivalTimes, FleetInputError } from '../../sandbox/fleet/index.ts';

describe('arrival times', () => {
  it('constant: evenly spaced', () => {
    expect([...arrivalTimes({ kind: 'constant', ratePerSecond: 4, durationSeconds: 1 })]).toEqual([0, 250, 500, 750]);
  });

  it('burst: all at once, at a chosen second', () => {
    expect([...arrivalTimes({ kind: 'burst', count: 3, atSecond: 2 })]).toEqual([2000, 2000, 2000]);
  });

  it('ramp: the rate grows, the count is the area under the ramp', () => {
    const t = arrivalTimes({ kind: 'ramp', fromRate: 0, toRate: 20, durationSeconds: 10 });
    expect(t.length).toBe(100);
    const firstHalf = t.filter((x) => x < 5000).length;
    expect(firstHalf).toBe(25);
    const flat = arrivalTimes({ kind: 'ramp', fromRate: 4, toRate: 4, durationSeconds: 1 });
    expect([...flat]).toEqual([0, 250, 500, 750]);
  });

  it('poisson: seeded, near the mean rate', () => {
    const a = arrivalTimes({ kind: 'poisson', ratePerSecond: 100, durationSeconds: 10, seed: 3 });
    const b = arrivalTimes({ kind: 'poisson', ratePerSecond: 100, durationSeconds: 10, seed: 3 });
    expect([...a]).toEqual([...b]);
    expect(a.length).toBeGreaterThan(900);
    expect(a.length).toBeLessThan(1100);
    expect(a.every((x, i) => i === 0 || x >= a[i - 1]!)).toBe(true);
  });

  it('explicit: sorted; invalid values are refused with the field', () => {
    expect([...arrivalTimes({ kind: 'explicit', arrivalsMs: [30, 10, 20] })]).toEqual([10, 20, 30]);
    expect(() => arrivalTimes({ kind: 'explicit', arrivalsMs: [1, -1] })).toThrow(FleetInputError);
    expect(() => arrivalTimes({ kind: 'constant', ratePerSecond: 0, durationSeconds: 1 })).toThrow(/load.ratePerSecond/);
  });
});
