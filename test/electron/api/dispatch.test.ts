import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../electron/api/dispatch.ts';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { ApiFailure } from '../../../electron/api/result.ts';

/** Handlers where every method fails loudly unless a test gives it a body. */
function handlers(overrides: Partial<ApiHandlers>): ApiHandlers {
  return new Proxy(overrides as ApiHandlers, {
    get: (target, key) =>
      (target as Record<string | symbol, unknown>)[key] ??
      (() => {
        throw new Error(`handler ${String(key)} was not expected to run`);
      }),
  });
}

describe('dispatch', () => {
  it('refuses an unknown method by name', async () => {
    const result = await dispatch(handlers({}), 'lessons.delete', {});
    expect(result).toEqual({
      ok: false,
      error: { name: 'UnknownMethod', message: 'There is no API method called "lessons.delete".' },
    });
  });

  it('refuses a method name that is not a string, or an inherited property', async () => {
    expect((await dispatch(handlers({}), 42, {})).ok).toBe(false);
    const proto = await dispatch(handlers({}), 'toString', {});
    expect(proto).toMatchObject({ ok: false, error: { name: 'UnknownMethod' } });
  });

  it('names the field and the problem when arguments are invalid', async () => {
    const result = await dispatch(handlers({}), 'lessons.get', { id: 'Bad Id!', language: 'fr' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe('InvalidArguments');
    expect(result.error.message).toMatch(/^lessons\.get: /);
    expect(result.error.message).toContain('id: a lesson id is lowercase letters, digits and dashes');
    expect(result.error.message).toMatch(/language: /);
  });

  it('refuses unknown extra arguments', async () => {
    const result = await dispatch(handlers({}), 'settings.get', { surprise: true });
    expect(result).toMatchObject({ ok: false, error: { name: 'InvalidArguments' } });
  });

  it('passes validated arguments with defaults filled in', async () => {
    let seen: unknown;
    const result = await dispatch(
      handlers({
        'settings.set': (args) => {
          seen = args;
          return { language: args.language ?? null, theme: args.theme ?? 'system' };
        },
      }),
      'settings.set',
      { language: 'ko' },
    );
    expect(seen).toEqual({ language: 'ko' });
    expect(result).toEqual({ ok: true, value: { language: 'ko', theme: 'system' } });
  });

  it('treats missing arguments as an empty object', async () => {
    const result = await dispatch(
      handlers({ 'settings.get': () => ({ language: null, theme: 'dark' }) }),
      'settings.get',
      undefined,
    );
    expect(result).toEqual({ ok: true, value: { language: null, theme: 'dark' } });
  });

  it('turns an ApiFailure into its stable name and message', async () => {
    const result = await dispatch(
      handlers({
        'lessons.get': () => {
          throw new ApiFailure('LessonNotFound', 'There is no lesson with the id "nope".');
        },
      }),
      'lessons.get',
      { id: 'nope', language: 'en' },
    );
    expect(result).toEqual({
      ok: false,
      error: { name: 'LessonNotFound', message: 'There is no lesson with the id "nope".' },
    });
  });

  it('turns any other thrown error (sync or async) into InternalError, never a throw', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const sync = await dispatch(
        handlers({
          'settings.get': () => {
            throw new Error('disk on fire');
          },
        }),
        'settings.get',
        {},
      );
      expect(sync).toEqual({
        ok: false,
        error: { name: 'InternalError', message: 'settings.get failed unexpectedly: disk on fire' },
      });
      const rejected = await dispatch(
        handlers({ 'events.list': () => Promise.reject(new TypeError('nope')) }),
        'events.list',
        {},
      );
      expect(rejected).toMatchObject({ ok: false, error: { name: 'InternalError' } });
    } finally {
      console.error = original;
    }
  });
});
