/**
 * Diagrams in lessons (issue 7): ```mermaid blocks are drawn as SVG inside the lesson body, in
 * English and Korean, in both themes, under the app's CSP, and a broken diagram keeps its code.
 * Waits only for states the app shows (data-app-ready, data-rendered, data-theme), never fixed sleeps.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type RunningApp } from './support/browser-mode-app.ts';
import { launchChromium } from './support/chromium.ts';
import { setTheme } from './support/app-settings.ts';

const LESSON = 'events-and-triggers';
const LESSONS_DIR = fileURLToPath(new URL('../../lessons/', import.meta.url));

/** Lesson ids (from each lesson's front matter) whose English text has at least one diagram. */
function lessonsWithDiagrams(): string[] {
  return readdirSync(LESSONS_DIR)
    .map((folder) => readFileSync(join(LESSONS_DIR, folder, 'index.en.md'), 'utf8'))
    .filter((text) => text.includes('```mermaid'))
    .map((text) => /^id:\s*(\S+)/m.exec(text)?.[1] ?? '');
}
const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let browser: Browser;
let dataDir: string;
let app: RunningApp | undefined;

/** Console errors and uncaught exceptions the page reports while the test runs. */
const problems: string[] = [];

async function openApp(): Promise<Page> {
  app = await startBrowserMode(dataDir);
  const page = await browser.newPage({
    viewport: { width: 1300, height: 1400 },
    locale: 'en-US',
    colorScheme: 'light',
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(app.url);
  await page.locator('html[data-app-ready="true"]').waitFor();
  return page;
}

/** Waits until every diagram in the lesson body is drawn in `theme`, and returns how many there are. */
async function waitForDiagrams(page: Page, theme: 'light' | 'dark'): Promise<number> {
  const body = page.getByTestId('lesson-body');
  const figures = body.locator('figure.diagram');
  await figures.first().waitFor();
  const count = await figures.count();
  await expect
    .poll(() => body.locator(`figure.diagram[data-rendered="true"][data-theme="${theme}"]`).count(), {
      timeout: 60_000,
    })
    .toBe(count);
  return count;
}

beforeAll(async () => {
  browser = await launchChromium();
  dataDir = mkdtempSync(join(tmpdir(), 'coldstart-e2e-'));
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await app?.stop();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('diagrams in lessons', () => {
  it('draws the lesson diagrams as SVG in English and Korean, in both themes, under the CSP', async () => {
    const page = await openApp();
    await setTheme(page, 'light');
    await page.getByTestId('language-select').selectOption('en');
    await page.getByTestId(`lesson-card-${LESSON}`).click();
    await page.getByTestId('lesson-page').waitFor();

    // English: each ```mermaid block becomes an <svg>; the code block behind it is hidden.
    const body = page.getByTestId('lesson-body');
    const count = await waitForDiagrams(page, 'light');
    expect(count).toBeGreaterThanOrEqual(2);
    await expect(body.locator('figure.diagram[data-state="drawn"] .diagram-svg svg').count()).resolves.toBe(count);
    await expect(body.locator('figure.diagram pre').first().isVisible()).resolves.toBe(false);
    await expect(body.locator('figure.diagram svg').first().textContent()).resolves.toContain('Storage');
    // Sanitised, plain SVG: no scripts, no HTML inside <foreignObject>.
    await expect(body.locator('figure.diagram script, figure.diagram foreignObject').count()).resolves.toBe(0);

    // Dark theme: drawn again in the dark palette.
    await setTheme(page, 'dark');
    await waitForDiagrams(page, 'dark');
    const firstDiagram = body.locator('figure.diagram').first();
    await firstDiagram.scrollIntoViewIfNeeded();
    await firstDiagram.screenshot({ path: join(resultsDir, 'diagram-dark-en.png') });

    // Korean: the Korean lesson text, with its Korean labels, drawn as SVG.
    await page.getByTestId('language-select').selectOption('ko');
    await page.locator('html[lang="ko"]').waitFor();
    await expect
      .poll(() => body.locator('figure.diagram[data-rendered="true"] svg').first().textContent(), { timeout: 60_000 })
      .toContain('저장소');
    await waitForDiagrams(page, 'dark');
    await expect(body.locator('figure.diagram[data-state="drawn"] svg').count()).resolves.toBe(count);
    for (const [index, name] of ['sequence', 'flowchart'].entries()) {
      const diagram = body.locator('figure.diagram').nth(index);
      await diagram.scrollIntoViewIfNeeded();
      await diagram.screenshot({ path: join(resultsDir, `diagram-dark-ko-${name}.png`) });
    }

    // A diagram with a syntax error keeps its code block and gets a short note; the lesson is intact.
    const mermaidModule = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .find((name) => /\/assets\/mermaid-[^/]+\.js$/.test(name)),
    );
    expect(mermaidModule).toBeTruthy();
    // A string, so the test runner does not rewrite the page's own dynamic import().
    const broken = (await page.evaluate(`(async () => {
      const host = document.createElement('div');
      host.className = 'prose';
      host.innerHTML =
        '<figure class="diagram" data-rendered="false"><pre><code class="language-mermaid">flowchart LR\\n  A --&gt;&gt; [[[</code></pre></figure>';
      document.querySelector('[data-testid="lesson-body"]').append(host);
      const { renderDiagrams } = await import(${JSON.stringify(mermaidModule)});
      await renderDiagrams(host, 'en', () => true);
      const figure = host.querySelector('figure.diagram');
      const result = {
        rendered: figure.dataset.rendered,
        state: figure.dataset.state,
        codeVisible: figure.querySelector('pre').getBoundingClientRect().height > 0,
        note: figure.querySelector('.diagram-error')?.textContent ?? '',
        svg: figure.querySelector('svg') !== null,
        strays: document.querySelectorAll('body > [id^="dcoldstart-diagram"], body > svg[id^="coldstart-diagram"]').length,
      };
      host.remove();
      return result;
    })()`)) as { rendered: string; state: string; codeVisible: boolean; note: string; svg: boolean; strays: number };
    expect(broken).toMatchObject({ rendered: 'true', state: 'error', codeVisible: true, svg: false, strays: 0 });
    expect(broken.note).toMatch(/could not be drawn/);
    await expect(body.locator('figure.diagram[data-state="drawn"] svg').count()).resolves.toBe(count);

    // No console errors at all, and none about the Content Security Policy in particular.
    expect(problems.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('draws every diagram of every lesson in both languages: none falls back to its code', async () => {
    await app?.stop();
    const page = await openApp();
    const ids = lessonsWithDiagrams();
    expect(ids.length).toBeGreaterThanOrEqual(10);
    const body = page.getByTestId('lesson-body');
    for (const language of ['en', 'ko'] as const) {
      await page.getByTestId('language-select').selectOption(language);
      await page.locator(`html[lang="${language}"]`).waitFor();
      for (const id of ids) {
        await page.evaluate(`window.location.hash = ${JSON.stringify(`#/lesson/${id}`)}`);
        await page.locator(`[data-testid="lesson-page"][data-lesson-id="${id}"]`).waitFor();
        const figures = body.locator('figure.diagram');
        await figures.first().waitFor();
        const count = await figures.count();
        await expect
          .poll(() => body.locator('figure.diagram[data-rendered="true"]').count(), { timeout: 60_000 })
          .toBe(count);
        const failed = await body
          .locator('figure.diagram:not([data-state="drawn"]) pre')
          .evaluateAll((pres) => pres.map((pre) => pre.textContent?.split('\n').slice(0, 3).join(' / ')));
        expect({ lesson: id, language, failed }).toEqual({ lesson: id, language, failed: [] });
      }
    }
  });
});
