/**
 * Checks on a lesson's files that no schema can express: the two languages' Markdown has the same
 * structure, and the folder holds nothing but lesson files.
 */
import { readdirSync } from 'node:fs';
import { isScenarioEntry, SCENARIOS_DIR } from './lesson-scenarios.ts';
import { variantSource } from './lesson-code.ts';
import { CHECKS_FILE, LANGUAGES, type LessonProblem, type LoadedLesson } from './load-lesson.ts';

/** The outline of a Markdown body that both translations must share. */
export interface MarkdownShape {
  /** Number of `## ` headings (outside code blocks). */
  headings: number;
  /** Number of fenced code blocks. */
  codeBlocks: number;
}

/** Counts `##` headings and fenced code blocks; lines inside a fence are not headings. */
export function markdownShape(markdown: string): MarkdownShape {
  let headings = 0;
  let codeBlocks = 0;
  let fence: string | null = null;
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (
        opener &&
        opener[1]?.[0] === fence[0] &&
        (opener[1]?.length ?? 0) >= fence.length &&
        line.trim() === opener[1]
      ) {
        fence = null;
      }
      continue;
    }
    if (opener) {
      fence = opener[1] ?? '```';
      codeBlocks += 1;
    } else if (/^## /.test(line)) {
      headings += 1;
    }
  }
  return { headings, codeBlocks };
}

/** Problems when the Korean and English bodies differ in outline. */
export function compareLanguages(lesson: LoadedLesson, displayRoot: string): LessonProblem[] {
  const en = markdownShape(lesson.text.en.markdown);
  const ko = markdownShape(lesson.text.ko.markdown);
  const file = `${displayRoot}/${lesson.folder}/index.ko.md`;
  const problems: LessonProblem[] = [];
  if (en.headings !== ko.headings) {
    problems.push({
      file,
      message: `has ${ko.headings} "## " heading(s) but index.en.md has ${en.headings}; the translations must have the same sections`,
    });
  }
  if (en.codeBlocks !== ko.codeBlocks) {
    problems.push({
      file,
      message: `has ${ko.codeBlocks} code block(s) but index.en.md has ${en.codeBlocks}; the translations must show the same code`,
    });
  }
  return problems;
}

/** Files a lesson folder may hold, besides its starter and solution (and their languages' variants). */
export const LESSON_FILES: readonly string[] = [
  'lesson.yaml',
  'index.en.md',
  'index.ko.md',
  'quiz.yaml',
  'exercise.yaml',
  CHECKS_FILE,
];

/**
 * Anything in the lesson folder that is not a lesson file (an editor backup, a stray note).
 * Scenario files for the checks (`scenarios/`, `*.scenario.yaml`) are lesson files too.
 */
export function strayFiles(lesson: LoadedLesson, displayRoot: string): LessonProblem[] {
  const codeFiles = [lesson.starter, lesson.solution].flatMap((file) =>
    LANGUAGES.map((language) => variantSource(file.source, language)),
  );
  const lessonYamlNames = new Set([...LESSON_FILES, ...codeFiles]);
  const allowed = [...lessonYamlNames, `${SCENARIOS_DIR}/`, '*.scenario.yaml'];
  return readdirSync(lesson.dir, { withFileTypes: true })
    .filter((entry) => !lessonYamlNames.has(entry.name) && !isScenarioEntry(entry.name, entry.isDirectory()))
    .map((entry) => ({
      file: `${displayRoot}/${lesson.folder}/${entry.name}${entry.isDirectory() ? '/' : ''}`,
      message: `is not a lesson file (allowed: ${allowed.join(', ')}); remove it or move it out of the lesson`,
    }));
}
