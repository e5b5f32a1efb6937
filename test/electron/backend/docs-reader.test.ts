import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch.ts';
import { createBackend, type Backend } from '../../../electron/backend/create-backend.ts';
import { createDocsReader } from '../../../electron/backend/docs-reader.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const FIXTURE_LESSONS = fileURLToPath(new URL('../../fixtures/lessons', import.meta.url));
const tempDir = useTempDirs();

/** A sandbox/ folder with the given files (paths relative to it). */
function sandboxWith(files: Record<string, string>): string {
  const dir = join(tempDir(), 'sandbox');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('docs.get', () => {
  it('serves sandbox/docs/<name>.<language>.md in the requested language', async () => {
    const docs = createDocsReader(
      sandboxWith({ 'docs/time-model.en.md': '# Time model', 'docs/time-model.ko.md': '# 시간 모델' }),
    );
    expect(await docs.get({ name: 'time-model', language: 'ko' })).toEqual({
      name: 'time-model',
      status: 'ok',
      language: 'ko',
      markdown: '# 시간 모델',
      source: 'sandbox/docs/time-model.ko.md',
    });
  });

  it('falls back to the other language, then (for "supported") to sandbox/SUPPORTED.md', async () => {
    const docs = createDocsReader(sandboxWith({ 'docs/supported.en.md': '# Supported', 'SUPPORTED.md': '# Old' }));
    expect(await docs.get({ name: 'supported', language: 'ko' })).toMatchObject({
      status: 'other-language',
      language: 'en',
      markdown: '# Supported',
    });
    const older = createDocsReader(sandboxWith({ 'SUPPORTED.md': '# Old list' }));
    expect(await older.get({ name: 'supported', language: 'ko' })).toEqual({
      name: 'supported',
      status: 'fallback',
      language: 'en',
      markdown: '# Old list',
      source: 'sandbox/SUPPORTED.md',
    });
  });

  it('says a document is missing instead of failing', async () => {
    const docs = createDocsReader(sandboxWith({ 'SUPPORTED.md': '# Old list' }));
    expect(await docs.get({ name: 'time-model', language: 'en' })).toEqual({
      name: 'time-model',
      status: 'missing',
      language: 'en',
      markdown: '',
      source: null,
    });
  });

  describe('through the backend', () => {
    const open: Backend[] = [];
    afterEach(async () => {
      for (const backend of open.splice(0)) await backend.close();
    });

    it('reads the sandbox folder it is given and refuses unknown documents', async () => {
      const backend = createBackend({
        dataDir: tempDir(),
        lessonsDir: FIXTURE_LESSONS,
        sandboxDir: sandboxWith({ 'docs/supported.en.md': '# What works' }),
        mode: 'browser',
        version: '0.0.0',
      });
      open.push(backend);
      await expect(
        dispatch(backend.handlers, 'docs.get', { name: 'supported', language: 'en' }),
      ).resolves.toMatchObject({
        ok: true,
        value: { status: 'ok', markdown: '# What works' },
      });
      await expect(
        dispatch(backend.handlers, 'docs.get', { name: '../../etc/passwd', language: 'en' }),
      ).resolves.toMatchObject({
        ok: false,
        error: { name: 'InvalidArguments' },
      });
    });

    it("finds the repository's own sandbox/ beside lessons/ by default", async () => {
      const repoLessons = fileURLToPath(new URL('../../../lessons', import.meta.url));
      const backend = createBackend({ dataDir: tempDir(), lessonsDir: repoLessons, mode: 'browser', version: '0.0.0' });
      open.push(backend);
      const result = await dispatch(backend.handlers, 'docs.get', { name: 'supported', language: 'en' });
      expect(result).toMatchObject({ ok: true, value: { name: 'supported' } });
      expect(result.ok && (result.value as { status: string }).status).not.toBe('missing');
    });
  });
});
