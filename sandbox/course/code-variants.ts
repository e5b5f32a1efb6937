/**
 * Every language's starter and solution must be the same program as the default (English) file:
 * a Korean learner fixes the same code and passes the same checks, only the comments speak their
 * language. Both files go through esbuild's printer with comments and whitespace removed, so the
 * comparison is on what runs, not on how it is laid out. (For a .ts file the comparison is on the
 * JavaScript esbuild emits, so type annotations are not compared.)
 */
import { SourceMap } from 'node:module';
import { extname } from 'node:path';
import { transform } from 'esbuild';
import type { Language } from '../../electron/api/types.ts';
import { DEFAULT_CODE_LANGUAGE, variantSource, type LessonCode } from './lesson-code.ts';
import { LANGUAGES, type LessonProblem, type LoadedLesson } from './load-lesson.ts';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: 'Korean' };

/** A file as esbuild prints it without comments or whitespace, and the way back to its lines. */
interface Program {
  text: string;
  map: SourceMap;
  /** The original file's lines, to quote the one a difference is on. */
  lines: string[];
}

interface EsbuildFailure {
  errors?: { text: string; location?: { line: number; column: number } | null }[];
}

async function printProgram(code: string, source: string): Promise<Program | { error: string }> {
  try {
    const out = await transform(code, {
      loader: /\.[cm]?ts$/.test(extname(source)) ? 'ts' : 'js',
      sourcefile: source,
      minifyWhitespace: true,
      legalComments: 'none',
      sourcemap: 'external',
    });
    return { text: out.code.trimEnd(), map: new SourceMap(JSON.parse(out.map)), lines: code.split(/\r?\n/) };
  } catch (error) {
    const first = (error as EsbuildFailure).errors?.[0];
    if (!first) return { error: error instanceof Error ? error.message : String(error) };
    return { error: first.location ? `${first.text} (line ${first.location.line})` : first.text };
  }
}

/**
 * Where the printed text's character `index` comes from in the original file (line 1-based).
 * Separators (`;`, `,`) have no place of their own: the token after one is what differs.
 */
function originalPlace(program: Program, start: number): { line: number; column: number } {
  let index = start;
  while (index < program.text.length - 1 && (program.text[index] === ';' || program.text[index] === ',')) index += 1;
  const before = program.text.slice(0, index);
  const line = before.split('\n').length - 1;
  const column = index - (before.lastIndexOf('\n') + 1);
  const entry = program.map.findEntry(line, column);
  return 'originalLine' in entry
    ? { line: entry.originalLine + 1, column: entry.originalColumn }
    : { line: 1, column: 0 };
}

/** `line 12 \`return body;\``: the line, cut to about 80 characters around `column` when longer. */
function quote(program: Program, { line, column }: { line: number; column: number }): string {
  const text = program.lines[line - 1] ?? '';
  const start = text.length > 80 ? Math.min(Math.max(0, column - 30), text.length - 77) : 0;
  const shown = text.slice(start, start + 80).trim();
  const cut = `${start > 0 ? '...' : ''}${shown}${start + 80 < text.length ? '...' : ''}`;
  return `line ${line} \`${cut}\``;
}

/** Where two printed programs first differ, in the words of the variant's author. */
function firstDifference(variant: Program, base: Program, baseSource: string): string | null {
  if (variant.text === base.text) return null;
  let index = 0;
  while (index < variant.text.length && variant.text[index] === base.text[index]) index += 1;
  if (index >= variant.text.length) {
    return `it ends where ${baseSource} goes on at ${quote(base, originalPlace(base, index))}`;
  }
  const here = quote(variant, originalPlace(variant, index));
  if (index >= base.text.length) return `${here} is not in ${baseSource}, which ends before it`;
  return `the first difference is on ${here}, where ${baseSource} has ${quote(base, originalPlace(base, index))}`;
}

/** Problems with one handler file's variants: missing, not parsing, or not the same program. */
async function checkFile(file: LessonCode, display: (name: string) => string): Promise<LessonProblem[]> {
  const problems: LessonProblem[] = [];
  let base: Program | { error: string } | undefined;
  for (const language of LANGUAGES) {
    if (language === DEFAULT_CODE_LANGUAGE) continue;
    const variant = file.variants[language];
    if (!variant) {
      problems.push({
        file: display(variantSource(file.source, language)),
        message: `the file is missing: the ${LANGUAGE_NAMES[language]} variant of ${file.source}, the same code with comments written for ${LANGUAGE_NAMES[language]} learners`,
      });
      continue;
    }
    base ??= await printProgram(file.code, file.source);
    // A default that does not parse fails its checks, which say so; there is nothing to compare with.
    if ('error' in base) continue;
    const printed = await printProgram(variant.code, variant.source);
    const difference =
      'error' in printed ? `it does not parse: ${printed.error}` : firstDifference(printed, base, file.source);
    if (difference !== null) {
      problems.push({
        file: display(variant.source),
        message: `is not the same program as ${file.source} (only comments and whitespace may differ); ${difference}`,
      });
    }
  }
  return problems;
}

/** Checks that the lesson's starter and solution exist in every language and say the same thing. */
export async function checkCodeVariants(lesson: LoadedLesson, displayRoot: string): Promise<LessonProblem[]> {
  const display = (name: string) => `${displayRoot}/${lesson.folder}/${name}`;
  return [...(await checkFile(lesson.starter, display)), ...(await checkFile(lesson.solution, display))];
}
