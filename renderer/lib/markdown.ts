/**
 * Lesson text and quiz explanations: Markdown -> HTML with marked, then DOMPurify, because lesson
 * files and explanations are content and must never be able to run script in the app.
 */
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ```mermaid blocks become a figure around their code block; Markdown.svelte draws the diagram into
// it (lib/mermaid.ts, loaded lazily). Until then, or if the diagram cannot be drawn, the code shows.
marked.use({
  renderer: {
    code({ text, lang }) {
      if (/^\S*/.exec(lang ?? '')?.[0]?.toLowerCase() !== 'mermaid') return false;
      return (
        '<figure class="diagram" data-rendered="false">' +
        `<pre><code class="language-mermaid">${escapeHtml(text)}</code></pre></figure>\n`
      );
    },
  },
});

// External links open outside the app (Electron denies in-window navigation; the browser opens a tab).
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (/^https?:\/\//i.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
});

/** Renders trusted-shape but untrusted-content Markdown to sanitized HTML. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return DOMPurify.sanitize(html, { ADD_ATTR: ['target'], USE_PROFILES: { html: true } });
}
