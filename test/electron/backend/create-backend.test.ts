import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { createBackend, type Backend } from '../../../electron/backend/create-backend.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const FIXTURE_LESSONS = fileURLToPath(new URL('../../fixtures/lessons', import.meta.url));
const REAL_LESSONS = fileURLToPath(new URL('../../../lessons', import.meta.url));
const tempDir = useTempDirs();

const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

function backendAt(dataDir: string, lessonsDir = FIXTURE_LESSONS): Backend {
  const backend = createBackend({ dataDir, lessonsDir, mode: 'browser', version: '1.2.3' });
  open.push(backend);
  return backend;
}

/** Calls through dispatch, as both transports do, and unwraps a success. */
async function call(backend: Backend, method: string, args: unknown): Promise<unknown> {
  const result = await dispatch(backend.handlers, method, args);
  if (!result.ok) throw new Error(`${result.error.name}: ${result.error.message}`);
  return result.value;
}

describe('backend', () => {
  it('describes itself in app.info, with the database path and no notices', async () => {
    const dataDir = tempDir();
    expect(await call(backendAt(dataDir), 'app.info', {})).toEqual({
      name: 'Coldstart',
      version: '1.2.3',
      mode: 'browser',
      databasePath: `${dataDir}/coldstart.db`,
      notices: [],
      recovery: null,
    });
  });

  it('lists and serves lessons in the requested language; an unknown id is LessonNotFound', async () => {
    const backend = backendAt(tempDir());
    expect(await call(backend, 'lessons.list', { language: 'ko' })).toEqual([
      { id: 'valid-lesson', order: 1, title: '테스트 레슨 (valid-lesson)', summary: '로더 테스트용 레슨이에요.' },
    ]);
    const lesson = (await call(backend, 'lessons.get', { id: 'valid-lesson', language: 'en' })) as {
      starter: unknown;
      quiz: unknown[];
    };
    expect(lesson.starter).toMatchObject({ filename: 'index.mjs', handler: 'index.handler' });
    expect(lesson.quiz).toEqual([
      {
        id: 'billing-unit',
        kind: 'single',
        prompt: 'In what unit is duration billed?',
        choices: [
          { id: 'ms1', text: '1 ms' },
          { id: 'ms100', text: '100 ms' },
        ],
      },
    ]);
    const missing = await dispatch(backend.handlers, 'lessons.get', { id: 'no-such-lesson', language: 'en' });
    expect(missing).toEqual({
      ok: false,
      error: { name: 'LessonNotFound', message: 'There is no lesson with the id "no-such-lesson".' },
    });
  });

  it("serves a lesson's starter in the requested language: Korean comments, the same handler", async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    const starter = async (language: 'en' | 'ko') =>
      ((await call(backend, 'lessons.get', { id: 'first-function', language })) as { starter: { code: string } })
        .starter.code;
    const [en, ko] = [await starter('en'), await starter('ko')];
    expect(en).toContain('// TODO: greet event.name');
    expect(ko).toContain('// TODO: event.name에게 인사하고');
    // Only comments differ: the code lines are the same.
    const code = (text: string) => text.split('\n').filter((line) => /^\s*[^/*\s]/.test(line));
    expect(code(ko)).toEqual(code(en));
  });

  it('checks a quiz answer, explains it in the requested language, and remembers it after a restart', async () => {
    const dataDir = tempDir();
    const first = backendAt(dataDir);
    const wrong = (await call(first, 'quiz.submit', {
      lessonId: 'valid-lesson',
      questionId: 'billing-unit',
      answer: { kind: 'single', choiceId: 'ms100' },
      language: 'ko',
    })) as { feedback: unknown };
    expect(wrong.feedback).toMatchObject({
      correct: false,
      correctAnswer: { kind: 'single', choiceId: 'ms1' },
      explanation: '2020년 12월부터 1밀리초 단위로 과금해요.',
    });
    const right = (await call(first, 'quiz.submit', {
      lessonId: 'valid-lesson',
      questionId: 'billing-unit',
      answer: { kind: 'single', choiceId: 'ms1' },
      language: 'en',
    })) as { feedback: unknown };
    expect(right.feedback).toMatchObject({
      correct: true,
      explanation: 'Since December 2020 Lambda bills in 1 ms units.',
    });
    await first.close();

    const second = backendAt(dataDir);
    const answers = (await call(second, 'quiz.answers', { lessonId: 'valid-lesson', language: 'en' })) as {
      questionId: string;
      answer: unknown;
      feedback: { correct: boolean };
    }[];
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      questionId: 'billing-unit',
      answer: { kind: 'single', choiceId: 'ms1' },
      feedback: { correct: true },
    });
  });

  it('refuses answers to unknown questions or choices by name', async () => {
    const backend = backendAt(tempDir());
    const submit = (args: Record<string, unknown>) =>
      dispatch(backend.handlers, 'quiz.submit', {
        lessonId: 'valid-lesson',
        questionId: 'billing-unit',
        answer: { kind: 'single', choiceId: 'ms1' },
        language: 'en',
        ...args,
      });
    expect(await submit({ questionId: 'nope' })).toMatchObject({ ok: false, error: { name: 'QuestionNotFound' } });
    expect(await submit({ answer: { kind: 'single', choiceId: 'ms7' } })).toMatchObject({
      ok: false,
      error: {
        name: 'InvalidAnswer',
        message: '"ms7" is not one of the choices of question "billing-unit" (ms1, ms100).',
      },
    });
    expect(await submit({ lessonId: 'other' })).toMatchObject({ ok: false, error: { name: 'LessonNotFound' } });
    expect(await submit({ answer: { kind: 'single' } })).toMatchObject({
      ok: false,
      error: { name: 'InvalidArguments' },
    });
  });

  it('keeps drafts and settings across a restart', async () => {
    const dataDir = tempDir();
    const first = backendAt(dataDir);
    expect(await call(first, 'drafts.get', { lessonId: 'valid-lesson' })).toBeNull();
    expect(await call(first, 'settings.get', {})).toEqual({ language: null, theme: 'system' });
    await call(first, 'drafts.save', {
      lessonId: 'valid-lesson',
      code: 'export const handler = async () => "edited";',
      eventJson: '{"name":"Ada"}',
    });
    expect(await call(first, 'settings.set', { language: 'ko' })).toEqual({ language: 'ko', theme: 'system' });
    await first.close();

    const second = backendAt(dataDir);
    expect(await call(second, 'drafts.get', { lessonId: 'valid-lesson' })).toMatchObject({
      lessonId: 'valid-lesson',
      code: 'export const handler = async () => "edited";',
      eventJson: '{"name":"Ada"}',
    });
    expect(await call(second, 'settings.get', {})).toEqual({ language: 'ko', theme: 'system' });
  });

  it('refuses to run an invalid event, naming line and column, without starting the simulator', async () => {
    const backend = backendAt(tempDir());
    const result = await dispatch(backend.handlers, 'invoke.run', {
      sessionId: 'valid-lesson',
      filename: 'index.mjs',
      handler: 'index.handler',
      code: 'export const handler = async () => 1;',
      eventJson: '{\n  "key1": "value1",\n  "key2": \n}',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe('InvalidEventJson');
    expect(result.error.message).toMatch(
      /^The event is not valid JSON: line 4, column 1: .+\. Nothing was run; fix the JSON and run again\.$/,
    );
  });

  it('runs the real first lesson starter in the simulator: cold, then warm', async () => {
    const backend = backendAt(tempDir(), REAL_LESSONS);
    const lesson = (await call(backend, 'lessons.get', { id: 'first-function', language: 'en' })) as {
      starter: { filename: string; handler: string; code: string };
      eventTemplate: string;
    };
    const template = (await call(backend, 'events.get', { name: lesson.eventTemplate })) as { json: string };
    const run = () =>
      call(backend, 'invoke.run', {
        sessionId: 'first-function',
        filename: lesson.starter.filename,
        handler: lesson.starter.handler,
        code: lesson.starter.code,
        eventJson: template.json,
      }) as Promise<{ ok: boolean; coldStart: boolean; result?: string; logs: { kind: string; text: string }[] }>;
    const cold = await run();
    expect(cold.ok).toBe(true);
    expect(cold.coldStart).toBe(true);
    expect(JSON.parse(cold.result ?? 'null')).toEqual({
      statusCode: 200,
      body: JSON.stringify({ message: 'You sent key1 = value1' }),
    });
    expect(cold.logs.map((l) => l.kind)).toEqual(expect.arrayContaining(['start', 'function', 'end', 'report']));
    const warm = await run();
    expect(warm.coldStart).toBe(false);
  });

  it('lists event templates and names an unknown one', async () => {
    const backend = backendAt(tempDir());
    const list = (await call(backend, 'events.list', {})) as { name: string }[];
    expect(list.map((t) => t.name)).toContain('hello-world');
    expect(await dispatch(backend.handlers, 'events.get', { name: 'no-such-template' })).toMatchObject({
      ok: false,
      error: { name: 'EventTemplateNotFound' },
    });
  });
});
