import { describe, expect, it } from 'vitest';
import { launchPlan } from '../../scripts/start.ts';

describe('launchPlan (what npm start does first)', () => {
  it('runs Electron when its binary and a display are there', () => {
    expect(launchPlan(true, undefined)).toEqual({ kind: 'electron' });
  });

  it('tries to fetch a missing binary once when there is a display', () => {
    expect(launchPlan(false, undefined)).toEqual({ kind: 'download' });
  });

  it('goes to browser mode with a one-line reason when there is no display', () => {
    const noDisplay = 'There is no display ..., so Coldstart opens in browser mode instead.';
    expect(launchPlan(true, noDisplay)).toEqual({ kind: 'browser', reason: noDisplay });
    const plan = launchPlan(false, noDisplay);
    expect(plan.kind).toBe('browser');
    if (plan.kind !== 'browser') return;
    expect(plan.reason).toMatch(
      /^Electron's binary isn't installed and there is no display .* browser mode instead\.$/,
    );
    expect(plan.reason).not.toContain('\n');
  });
});
