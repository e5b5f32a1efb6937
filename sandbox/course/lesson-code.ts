/**
 * A lesson's handler files (starter and solution) in every language. lesson.yaml names the default
 * file, written with English comments (`starter.mjs`); each other language has its own variant
 * beside it, named with the language before the extension (`starter.ko.mjs`): the same program,
 * only the comments are written for that language's learners (`npm run lessons:check` compares them).
 */
import { extname } from 'node:path';
import type { Language } from '../../electron/api/types.ts';

/** The language of the file lesson.yaml names; every other language has a variant. */
export const DEFAULT_CODE_LANGUAGE: Language = 'en';

/** A starter or solution in every language the lesson has it in. */
export interface LessonCode {
  /** The learner's file name: the handler's module + the file's extension (`index.mjs`). */
  filename: string;
  /** The file lesson.yaml names (English; also what a language without its own variant gets). */
  source: string;
  code: string;
  /** The other languages' variants found beside it (`starter.ko.mjs`). */
  variants: Partial<Record<Language, { source: string; code: string }>>;
}

/** The file holding `source` in `language`: `starter.ko.mjs` for `starter.mjs` in Korean. */
export function variantSource(source: string, language: Language): string {
  if (language === DEFAULT_CODE_LANGUAGE) return source;
  const extension = extname(source);
  return `${source.slice(0, source.length - extension.length)}.${language}${extension}`;
}

/** The code a learner reading in `language` gets: its variant, or the default file. */
export const codeIn = (file: LessonCode, language: Language): string => file.variants[language]?.code ?? file.code;
