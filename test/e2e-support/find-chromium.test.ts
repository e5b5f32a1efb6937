import { describe, expect, it } from 'vitest';
import { findChromium } from '../e2e/support/chromium.ts';

describe('findChromium (what npm run test:e2e drives)', () => {
  it('prefers CHROMIUM_PATH when it points at a file', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath }, '/nonexistent')).toBe(process.execPath);
  });

  it('refuses a CHROMIUM_PATH that points nowhere, naming the path', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/no/such/chromium' })).toThrow('/no/such/chromium');
  });

  it('names the Debian package to install when no browser exists', () => {
    expect(() => findChromium({}, '/no/such/debian/chromium')).toThrow(/apt-get install chromium/);
  });
});
