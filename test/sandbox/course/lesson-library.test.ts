import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../sandbox/course/front-matter.ts';
import { createLessonLibrary, loadCourse } from '../../../sandbox/course/lesson-library.ts';
import { formatProblem } from '../../../sandbox/course/load-lesson.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const REAL_LESSONS = fileURLToPath(new URL('../../../lessons', import.meta.url));
const FIXTURE_LESSONS = fileURLToPath(new URL('../../fixtures/lessons', import.meta.url));
const FIXTURE_COURSE = fileURLToPath(new URL('../../fixtures/course', import.meta.url));
const tempDir = useTempDirs();

describe('the real course in lessons/', () => {
  const course = loadCourse(REAL_LESSONS);

  it('loads without problems', () => {
    expect(course.problems.map(formatProblem)).toEqual([]);
  });

  it('lists "Your first Lambda function" as lesson 2 in both languages', () => {
    const library = createLessonLibrary(REAL_LESSONS);
    const first = library.list('en').find((l) => l.id === 'first-function');
    expect(first).toMatchObject({ order: 2, title: 'Your first Lambda function' });
    const firstKo = library.list('ko').find((l) => l.id === 'first-function');
    expect(firstKo?.order).toBe(2);
    expect(firstKo?.title).not.toBe(first?.title);
  });

  it('gives the lesson page the starter as index.mjs and hides the quiz answers', () => {
    const lesson = createLessonLibrary(REAL_LESSONS).get('first-function', 'ko');
    expect(lesson?.language).toBe('ko');
    expect(lesson?.starter.filename).toBe('index.mjs');
    expect(lesson?.starter.handler).toBe('index.handler');
    expect(lesson?.starter.code).toContain('export const handler');
    expect(lesson?.markdown.startsWith('---')).toBe(false);
    expect(lesson?.eventTemplate).toBe('hello-world');
    expect(lesson?.quiz.length).toBeGreaterThan(0);
    for (const question of lesson?.quiz ?? []) {
      expect(Object.keys(question).sort()).toEqual(['choices', 'id', 'kind', 'prompt']);
    }
  });

  it('gives every lesson its starter and solution in Korean: Korean comments, the same code', () => {
    for (const lesson of course.lessons) {
      for (const file of [lesson.starter, lesson.solution]) {
        const korean = file.variants.ko;
        expect(korean?.source, lesson.folder).toBe(file.source.replace(/\.mjs$/, '.ko.mjs'));
        expect(korean?.code, `${lesson.folder}/${korean?.source}`).toMatch(/\/\/.*[가-힣]|\*.*[가-힣]/);
        expect(file.code, `${lesson.folder}/${file.source}`).not.toMatch(/[가-힣]/);
      }
    }
  });

  it('serves the starter in the language asked for, in the lesson and its exercise', () => {
    const library = createLessonLibrary(REAL_LESSONS);
    const ko = library.get('first-function', 'ko')?.starter.code;
    const en = library.get('first-function', 'en')?.starter.code;
    expect(ko).toContain('// TODO: event.name에게 인사하고');
    expect(en).toContain('// TODO: greet event.name');
    expect(library.exercise('first-function', 'ko')?.starter.code).toBe(ko);
    expect(library.exercise('first-function', 'en')?.starter.code).toBe(en);
  });

  it('keeps lessons in folder-number order with unique ids', () => {
    const orders = course.lessons.map((l) => l.order);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
    expect(new Set(course.lessons.map((l) => l.id)).size).toBe(course.lessons.length);
  });
});

describe('the fixture course in test/fixtures/lessons/', () => {
  const course = loadCourse(FIXTURE_LESSONS);
  const messages = course.problems.map(formatProblem);

  it('loads the valid lesson and leaves out the broken ones', () => {
    expect(course.lessons.map((l) => l.id)).toEqual(['valid-lesson']);
  });

  it('names the missing Korean file', () => {
    expect(messages).toContain('lessons/02-missing-korean/index.ko.md: the file is missing');
  });

  it('names the file and field of a front matter id that differs from lesson.yaml', () => {
    expect(messages).toContain(
      'lessons/03-mismatched-id/index.ko.md: id: "mismatched-ids" must equal the id in lesson.yaml ("mismatched-id")',
    );
  });

  it('names the quiz answer that is not one of the choices', () => {
    expect(messages).toContain(
      'lessons/04-bad-quiz/quiz.yaml: questions[0].answer: "ms10" is not one of the choice ids (ms1, ms100)',
    );
  });

  it('reports problems through onProblems once, and the answer key stays available to the backend', () => {
    const reported: string[][] = [];
    const library = createLessonLibrary(FIXTURE_LESSONS, (problems) => reported.push(problems.map(formatProblem)));
    library.list('en');
    library.list('ko');
    expect(reported).toHaveLength(1);
    expect(library.question('valid-lesson', 'billing-unit')?.answer).toBe('ms1');
    expect(library.get('missing-korean', 'en')).toBeUndefined();
  });
});

describe('starters without a Korean variant', () => {
  it('give Korean learners the default file, which lessons:check reports', () => {
    const library = createLessonLibrary(FIXTURE_COURSE, () => undefined);
    const english = library.lesson('code-missing')?.starter.code;
    expect(english).toContain('No Korean variant');
    expect(library.get('code-missing', 'ko')?.starter.code).toBe(english);
    expect(library.exercise('code-missing', 'ko')?.starter.code).toBe(english);
    expect(library.lesson('code-missing')?.starter.variants).toEqual({});
  });
});

describe('lesson content checks', () => {
  /** A copy of the valid fixture lesson to break in one way. */
  function lessonCopy(): string {
    const root = join(tempDir(), 'lessons');
    cpSync(join(FIXTURE_LESSONS, '01-valid-lesson'), join(root, '01-valid-lesson'), { recursive: true });
    return root;
  }

  it('reports invalid lesson.yaml fields by name', () => {
    const root = lessonCopy();
    writeFileSync(
      join(root, '01-valid-lesson', 'lesson.yaml'),
      'id: Valid Lesson\nhandler: index\nstarter: ../x.mjs\nsolution: solution.mjs\neventTemplate: hello-world\n',
    );
    const messages = loadCourse(root).problems.map(formatProblem);
    expect(messages).toEqual(
      expect.arrayContaining([
        'lessons/01-valid-lesson/lesson.yaml: id: use lowercase letters, digits and dashes (at most 64)',
        'lessons/01-valid-lesson/lesson.yaml: handler: write the handler setting as file.export, e.g. index.handler',
        'lessons/01-valid-lesson/lesson.yaml: starter: name a file in the lesson folder itself, without any path',
      ]),
    );
  });

  it('reports a Markdown file without front matter', () => {
    const root = lessonCopy();
    writeFileSync(join(root, '01-valid-lesson', 'index.en.md'), '# No front matter\n');
    expect(loadCourse(root).problems.map(formatProblem)).toEqual([
      'lessons/01-valid-lesson/index.en.md: the file must start with a front matter block: a line "---", the YAML, then "---"',
    ]);
  });

  it('reports a missing Korean quiz text by field', () => {
    const root = lessonCopy();
    writeFileSync(
      join(root, '01-valid-lesson', 'quiz.yaml'),
      'questions:\n  - id: q\n    kind: single\n    prompt: { en: Why? }\n    choices:\n      - { id: a, text: { en: A, ko: 가 } }\n      - { id: b, text: { en: B, ko: 나 } }\n    answer: a\n    explanation: { en: Because., ko: 그래서요. }\n',
    );
    expect(loadCourse(root).problems.map(formatProblem)).toEqual([
      'lessons/01-valid-lesson/quiz.yaml: questions[0].prompt.ko: the Korean text is missing',
    ]);
  });

  it('reports two lessons sharing one id', () => {
    const root = lessonCopy();
    cpSync(join(root, '01-valid-lesson'), join(root, '02-copy'), { recursive: true });
    const course = loadCourse(root);
    expect(course.lessons.map((l) => l.folder)).toEqual(['01-valid-lesson']);
    expect(course.problems.map(formatProblem)).toEqual([
      'lessons/02-copy/lesson.yaml: id: "valid-lesson" is already the id of lessons/01-valid-lesson; ids must be unique',
    ]);
  });

  it('reports a lesson-like folder with a bad name instead of skipping it silently', () => {
    const root = lessonCopy();
    cpSync(join(root, '01-valid-lesson'), join(root, '02-Second_Lesson'), { recursive: true });
    expect(loadCourse(root).problems.map(formatProblem)).toEqual([
      'lessons/02-Second_Lesson/: this folder looks like a lesson but is not named NN-slug (digits, a dash, lowercase letters, digits and dashes), so it was skipped',
    ]);
  });

  it('picks up an edited lesson without a restart', () => {
    const root = lessonCopy();
    const library = createLessonLibrary(root, () => undefined);
    expect(library.list('en')[0]?.title).toBe('Fixture lesson (valid-lesson)');
    const file = join(root, '01-valid-lesson', 'index.en.md');
    writeFileSync(file, '---\nid: valid-lesson\ntitle: Renamed lesson title\nsummary: Changed.\n---\nBody\n');
    expect(library.list('en')[0]?.title).toBe('Renamed lesson title');
  });
});

describe('splitFrontMatter', () => {
  it('accepts Windows line endings and a byte-order mark', () => {
    const { data, body } = splitFrontMatter('\uFEFF---\r\nid: x\r\ntitle: T\r\n---\r\n\r\nHello\r\n');
    expect(data).toEqual({ id: 'x', title: 'T' });
    expect(body).toBe('Hello\n');
  });

  it('does not end the block at a "---" inside a line', () => {
    const { data } = splitFrontMatter('---\ntitle: a---b\nid: y\n---\nBody');
    expect(data).toEqual({ title: 'a---b', id: 'y' });
  });
});

describe('missing fields', () => {
  it('say "missing" rather than a type error', () => {
    const root = join(tempDir(), 'lessons');
    cpSync(join(FIXTURE_LESSONS, '01-valid-lesson'), join(root, '01-valid-lesson'), { recursive: true });
    writeFileSync(
      join(root, '01-valid-lesson', 'lesson.yaml'),
      'id: valid-lesson\nhandler: index.handler\nstarter: starter.mjs\nsolution: solution.mjs\n',
    );
    expect(loadCourse(root).problems.map(formatProblem)).toEqual([
      'lessons/01-valid-lesson/lesson.yaml: eventTemplate: this field is missing (expected string)',
    ]);
  });
});
