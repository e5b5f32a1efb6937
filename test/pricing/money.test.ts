/**
 * Rounding: full precision inside, cents only for display, and a total that is the sum of the
 * rounded lines, as https://aws.amazon.com/lambda/pricing/ adds its examples ("$2.33 + $0.40").
 */
import { describe, expect, it } from 'vitest';
import { formatUsd, roundToCents, sumOfRoundedCents } from '../../sandbox/pricing/index.ts';

describe('money', () => {
  it('rounds to the nearest cent as the page does ($1.488 -> $1.49, $2.333338 -> $2.33)', () => {
    expect(roundToCents(1.488)).toBe(1.49);
    expect(roundToCents(2.333338)).toBe(2.33);
    expect(roundToCents(0.077868)).toBe(0.08);
  });

  it('is not fooled by binary noise at half a cent', () => {
    expect(roundToCents(1.005)).toBe(1.01); // 1.005 is stored as 1.00499999999999989...
    expect(roundToCents(0.125)).toBe(0.13);
  });

  it('adds rounded lines exactly', () => {
    expect(sumOfRoundedCents([18.000144, 0.4, 0.729165, 0.833335])).toBe(19.96);
    expect(sumOfRoundedCents([0.1, 0.2])).toBe(0.3);
  });

  it('formats dollars with grouping', () => {
    expect(formatUsd(145_015.2)).toBe('$145,015.20');
    expect(formatUsd(0.4)).toBe('$0.40');
  });
});
