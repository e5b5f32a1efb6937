import { describe, expect, it } from 'vitest';
import { APP_URL, isAppUrl } from '../../../electron/main/app-origin.ts';

describe('isAppUrl (who may navigate the window and call the backend over IPC)', () => {
  it("accepts the app's own pages", () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl('app://coldstart/lessons/first-function?x=1#top')).toBe(true);
  });

  it('refuses other schemes, hosts, look-alikes and missing senders', () => {
    for (const url of [
      'https://coldstart/',
      'app://coldstart.evil.example/',
      'app://evil/',
      'file:///work/main/dist/renderer/index.html',
      'http://127.0.0.1:8080/',
      'about:blank',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});
