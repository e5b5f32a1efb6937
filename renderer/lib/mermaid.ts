/**
 * Diagrams in lesson text: ```mermaid blocks (marked into `.diagram` figures by lib/markdown.ts) drawn
 * as SVG by Mermaid. This module is only ever loaded with a dynamic import, and it loads Mermaid the
 * same way, so lessons without diagrams never pay for it.
 *
 * Safety: Mermaid runs with securityLevel 'strict' (labels are sanitised, click handlers and
 * scripts are off), draws plain SVG text instead of HTML in <foreignObject>, and its SVG is
 * sanitised again with DOMPurify's SVG profile before it reaches the page. Nothing here needs eval
 * or a network, so it works offline under the app's CSP (electron/security-headers.ts).
 */
import DOMPurify from 'dompurify';
import type { Mermaid, MermaidConfig } from 'mermaid';
import type { Language } from '../../electron/api/types.ts';

/** Shown under a diagram's source when Mermaid cannot parse it (the lesson keeps the code block). */
const ERROR_TEXT: Record<Language, string> = {
  en: 'This diagram could not be drawn; its source is shown instead.',
  ko: '이 다이어그램은 그릴 수 없어 원본 코드를 대신 보여 드려요.',
};

let mermaidPromise: Promise<Mermaid> | undefined;
let configuredFor = '';
let nextId = 0;
/** Mermaid keeps global configuration, so renders run one at a time. */
let queue: Promise<unknown> = Promise.resolve();

function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then((module) => module.default);
  return mermaidPromise;
}

/** A CSS custom property of the current theme (theme.css), as Mermaid wants a concrete colour. */
function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** Mermaid's 'base' theme fed with the app palette, so diagrams follow light and dark. */
function configFor(theme: string): MermaidConfig {
  const style = getComputedStyle(document.documentElement);
  const dark = theme === 'dark';
  const surface = cssVar(style, '--surface', dark ? '#1c1f24' : '#ffffff');
  const surface2 = cssVar(style, '--surface-2', dark ? '#24282f' : '#f0f2f5');
  const text = cssVar(style, '--text', dark ? '#e6e8eb' : '#1b1f24');
  const muted = cssVar(style, '--text-muted', dark ? '#a0a8b4' : '#5a6270');
  const accent = cssVar(style, '--accent', dark ? '#ff8c3a' : '#d45b07');
  const border = cssVar(style, '--border', dark ? '#343a43' : '#d9dde3');
  const coldBg = cssVar(style, '--cold-bg', dark ? '#1a2c44' : '#e3efff');
  const warmBg = cssVar(style, '--warm-bg', dark ? '#3b2a14' : '#fff1dc');
  const codeBg = cssVar(style, '--code-bg', dark ? '#23272e' : '#f3f4f7');
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    htmlLabels: false,
    // Subgraphs follow the diagram's direction (Mermaid's legacy default flips them).
    flowchart: { htmlLabels: false, useMaxWidth: true, inheritDir: true },
    sequence: { useMaxWidth: true },
    theme: 'base',
    darkMode: dark,
    fontFamily: style.getPropertyValue('--font-sans').trim() || 'sans-serif',
    themeVariables: {
      darkMode: dark,
      background: surface,
      fontFamily: style.getPropertyValue('--font-sans').trim() || 'sans-serif',
      primaryColor: coldBg,
      primaryTextColor: text,
      primaryBorderColor: muted,
      secondaryColor: warmBg,
      secondaryTextColor: text,
      secondaryBorderColor: muted,
      tertiaryColor: surface2,
      tertiaryTextColor: text,
      tertiaryBorderColor: border,
      lineColor: muted,
      textColor: text,
      mainBkg: coldBg,
      nodeBorder: muted,
      clusterBkg: codeBg,
      clusterBorder: border,
      titleColor: text,
      edgeLabelBackground: surface,
      actorBkg: coldBg,
      actorBorder: muted,
      actorTextColor: text,
      actorLineColor: muted,
      signalColor: text,
      signalTextColor: text,
      labelBoxBkgColor: surface2,
      labelBoxBorderColor: muted,
      labelTextColor: text,
      loopTextColor: text,
      noteBkgColor: warmBg,
      noteBorderColor: accent,
      noteTextColor: text,
      activationBkgColor: surface2,
      activationBorderColor: muted,
      sequenceNumberColor: surface,
    },
  };
}

function sanitizeSvg(svg: string): string {
  return DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true } });
}

/** Draws one `.diagram` figure; on a syntax error keeps its code block and adds a plain note. */
async function renderFigure(
  mermaid: Mermaid,
  figure: HTMLElement,
  theme: string,
  language: Language,
  isCurrent: () => boolean,
): Promise<void> {
  const source = figure.querySelector('pre code')?.textContent ?? '';
  const id = `coldstart-diagram-${++nextId}`;
  let svg: string | undefined;
  try {
    await mermaid.parse(source);
    svg = (await mermaid.render(id, source)).svg;
  } catch {
    svg = undefined;
  } finally {
    // Mermaid measures text in a scratch element; make sure none is left behind on failure.
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
  if (!isCurrent() || !figure.isConnected) return;

  figure.querySelector('.diagram-svg')?.remove();
  figure.querySelector('.diagram-error')?.remove();
  if (svg === undefined) {
    const note = document.createElement('p');
    note.className = 'diagram-error';
    note.textContent = ERROR_TEXT[language];
    figure.append(note);
    figure.dataset.state = 'error';
  } else {
    const holder = document.createElement('div');
    holder.className = 'diagram-svg';
    holder.innerHTML = sanitizeSvg(svg);
    // Wide diagrams shrink to the column, but not below 60%: past that the text gets too
    // small to read, so the box scrolls sideways instead.
    const drawn = holder.querySelector('svg');
    const width = drawn?.viewBox.baseVal?.width ?? 0;
    if (drawn && width > 0) drawn.style.minWidth = `${Math.round(width * 0.6)}px`;
    figure.prepend(holder);
    figure.dataset.state = 'drawn';
  }
  figure.dataset.theme = theme;
  figure.dataset.rendered = 'true';
}

/**
 * Draws every `.diagram` figure inside `root` in the current theme (read from :root[data-theme]).
 * `isCurrent` lets a newer call (theme or lesson change) make an older, slower one stand down.
 */
export function renderDiagrams(root: HTMLElement, language: Language, isCurrent: () => boolean): Promise<void> {
  const run = queue.then(async () => {
    const figures = [...root.querySelectorAll<HTMLElement>('.diagram')];
    if (figures.length === 0 || !isCurrent()) return;
    const mermaid = await loadMermaid();
    const theme = document.documentElement.dataset.theme ?? 'light';
    if (configuredFor !== theme) {
      mermaid.initialize(configFor(theme));
      configuredFor = theme;
    }
    for (const figure of figures) {
      if (!isCurrent()) return;
      await renderFigure(mermaid, figure, theme, language, isCurrent);
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
