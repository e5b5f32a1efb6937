/**
 * Splits a Markdown file into its YAML front matter and its body.
 */
import { parse as parseYaml } from 'yaml';

/** The parts of a Markdown file that starts with a `---` fenced YAML block. */
export interface FrontMatterSplit {
  /** The parsed YAML (unvalidated). */
  data: unknown;
  /** The Markdown after the closing fence. */
  body: string;
}

/** Why a file's front matter could not be read; the loader adds the file name. */
export class FrontMatterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontMatterError';
  }
}

/**
 * Reads `---\n<yaml>\n---\n<markdown>`. A byte-order mark and Windows line endings are accepted,
 * since editors on Windows write them.
 * @throws FrontMatterError when the fences are missing or the YAML does not parse.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (!normalised.startsWith('---\n')) {
    throw new FrontMatterError('the file must start with a front matter block: a line "---", the YAML, then "---"');
  }
  // Lazy match: the first line that is exactly "---" (trailing spaces allowed) closes the block.
  const match = /^---\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/.exec(normalised);
  if (!match) {
    throw new FrontMatterError('the front matter block is not closed by a line "---"');
  }
  const yamlText = match[1] ?? '';
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw new FrontMatterError(
      `the front matter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const body = normalised.slice(match[0].length).replace(/^\n+/, '');
  return { data, body };
}
