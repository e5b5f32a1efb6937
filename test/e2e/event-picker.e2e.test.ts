/**
 * The event picker, end to end in browser mode: picking a template shows its parameters as form
 * fields; changing them rebuilds the event in the editor; a bad value is explained beside its
 * field and the editor keeps its event; hand edits are kept until a field changes; Run uses the
 * built event; the labels follow the UI language.
 * Waits only for states the app shows (data-state, data-ready), never fixed sleeps.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/browser-mode-app.ts';
import { closeSession, openSession } from './support/e2e-session.ts';
import { editorText, replaceEditorText } from './support/monaco.ts';

const LESSON = 'first-function';
const S3_HANDLER = `export const handler = async (event) => {
  const { key, size } = event.Records[0].s3.object;
  return { key, size };
};
`;

let browser: Browser;
let dataDir: string;
let app: RunningApp | undefined;

/**
 * The whole event editor text: the editor draws only the lines in view, so this reads what it
 * holds through the saved draft (autosave stores exactly the editor's text).
 */
async function savedEventJson(page: Page): Promise<string> {
  await page.locator('[data-testid="draft-status"][data-state="saved"]').waitFor();
  return page.evaluate(async (lessonId) => {
    const token = sessionStorage.getItem('coldstart.token');
    const response = await fetch('/api/drafts.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ lessonId }),
    });
    const body = (await response.json()) as { ok: boolean; value?: { eventJson: string } | null };
    return body.ok && body.value ? body.value.eventJson : '';
  }, LESSON);
}

async function built(page: Page): Promise<void> {
  await page.locator('[data-testid="event-params"][data-state="built"]').waitFor();
}

beforeAll(async () => {
  ({ browser, app, dataDir } = await openSession('events'));
});

afterAll(() => closeSession({ browser, app, dataDir }));

describe('the event picker', () => {
  it('builds the event from the template parameters, explains bad values and keeps hand edits', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    await page.goto(app!.url);
    await page.locator('html[data-app-ready="true"]').waitFor();
    await page.getByTestId('language-select').selectOption('en');
    await page.getByTestId(`lesson-card-${LESSON}`).click();
    await page.locator('[data-testid="code-editor"][data-ready="true"]').waitFor();
    await page.locator('[data-testid="event-editor"][data-ready="true"]').waitFor();
    await replaceEditorText(page, 'code-editor', S3_HANDLER);

    // Pick s3-put: its parameters appear with their defaults and help, and its event fills the editor.
    await expect(page.getByTestId('event-params').count()).resolves.toBe(0);
    await page.getByTestId('event-template-select').selectOption('s3-put');
    const params = page.locator('[data-testid="event-params"][data-template="s3-put"]');
    await params.waitFor();
    await expect(page.getByTestId('event-param-size').inputValue()).resolves.toBe('1024');
    await expect(params.textContent()).resolves.toContain('Size (bytes)');
    await expect(params.textContent()).resolves.toContain('5 TiB');
    await expect(page.getByTestId('event-param-key').inputValue()).resolves.not.toBe('');
    await expect.poll(() => editorText(page, 'event-editor')).toContain('"Records"');
    await expect.poll(() => savedEventJson(page), { timeout: 10_000 }).toContain('"size": 1024');

    // Change the key and the size: the event is rebuilt into the editor, the key encoded as S3 does.
    await page.getByTestId('event-param-key').fill('photos/cat 1.jpg');
    await page.getByTestId('event-param-size').fill('2048');
    await built(page);
    await expect.poll(() => savedEventJson(page), { timeout: 10_000 }).toContain('"key": "photos/cat+1.jpg"');
    const good = await savedEventJson(page);
    expect(good).toContain('"size": 2048');

    // A bad size: buildEvent's message beside the field, and the editor keeps the previous event.
    await page.getByTestId('event-param-size').fill('big');
    const error = page.getByTestId('event-param-error-size');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/parameter 'size' of s3-put expects .*"big"/);
    await page.locator('[data-testid="event-params"][data-state="invalid"]').waitFor();
    await expect(page.getByTestId('event-param-size').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await savedEventJson(page)).toBe(good);

    // Run uses the built event.
    await page.getByTestId('run-button').click();
    const result = page.locator('[data-testid="run-result"][data-status="success"]');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('photos/cat+1.jpg');
    await expect(result.textContent()).resolves.toContain('2048');

    // Fixing the value clears the message and rebuilds.
    await page.getByTestId('event-param-size').fill('4096');
    await built(page);
    await expect(error.count()).resolves.toBe(0);
    await expect.poll(() => savedEventJson(page), { timeout: 10_000 }).toContain('"size": 4096');

    // A hand edit is kept (and called one) until a field changes again.
    await replaceEditorText(page, 'event-editor', '{ "by": "hand" }');
    await page.locator('[data-testid="event-params"][data-edited-by-hand="true"]').waitFor();
    await page.getByTestId('event-params-edited').waitFor();
    await expect.poll(() => savedEventJson(page), { timeout: 10_000 }).toBe('{ "by": "hand" }');
    // The switch to Korean relabels the fields and keeps the values and the hand edit.
    await page.getByTestId('language-select').selectOption('ko');
    await params.getByText('크기 (바이트)').waitFor();
    await expect(page.getByTestId('event-param-size').inputValue()).resolves.toBe('4096');
    await expect(page.getByTestId('event-params-edited').textContent()).resolves.toContain('직접');
    await expect(editorText(page, 'event-editor')).resolves.toContain('"by": "hand"');
    expect(await savedEventJson(page)).toBe('{ "by": "hand" }');

    // Changing a field is the learner's choice to rebuild: the fields' event replaces the hand edit.
    await page.getByTestId('event-param-size').fill('8');
    await built(page);
    await page.locator('[data-testid="event-params"][data-edited-by-hand="false"]').waitFor();
    await expect.poll(() => savedEventJson(page), { timeout: 10_000 }).toContain('"size": 8');
    expect(await savedEventJson(page)).toContain('"key": "photos/cat+1.jpg"');
    await page.close();
  });
});
