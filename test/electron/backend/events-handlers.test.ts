/**
 * The event picker's methods through dispatch: a template's parameters in both languages, an event
 * built from form values, and a bad value coming back as a result that names the parameter.
 */
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { call, failure, useBackends } from './support/backend.ts';

const tempDir = useTempDirs();
const backendAt = useBackends();
const backend = () => backendAt(tempDir());

describe('events.definition', () => {
  it("lists s3-put's parameters with kinds, defaults and labels in the requested language", async () => {
    const b = backend();
    const en = await call(b, 'events.definition', { name: 's3-put', language: 'en' });
    const ko = await call(b, 'events.definition', { name: 's3-put', language: 'ko' });
    expect(en.name).toBe('s3-put');
    expect(en.title).toBe('S3 object created (PUT)');
    expect(ko.title).toBe('S3 객체 생성 (PUT)');
    expect(en.awsType).toBe('S3Event');
    const size = en.parameters.find((p) => p.name === 'size')!;
    expect(size).toMatchObject({ kind: 'number', label: 'Size (bytes)', defaultText: '1024', integer: true, min: 0 });
    expect(size.description).toContain('5 TiB');
    expect(ko.parameters.find((p) => p.name === 'size')!.label).toBe('크기 (바이트)');
    expect(en.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['bucket', 'key', 'size', 'eTag']));
    for (const p of en.parameters) expect(p.options).toEqual([]);
  });

  it('gives enum parameters their options and JSON parameters their default as JSON text', async () => {
    const b = backend();
    const all = await call(b, 'events.list', {});
    let sawEnum = false;
    let sawJson = false;
    for (const { name } of all) {
      const d = await call(b, 'events.definition', { name, language: 'en' });
      for (const p of d.parameters) {
        if (p.kind === 'enum') {
          sawEnum = true;
          expect(p.options.length).toBeGreaterThan(1);
          expect(p.options).toContain(p.defaultText);
        }
        if (p.kind === 'json') {
          sawJson = true;
          expect(() => JSON.parse(p.defaultText) as unknown).not.toThrow();
        }
      }
      // The defaults as the form would send them build the template's own default event.
      const params = Object.fromEntries(d.parameters.map((p) => [p.name, p.defaultText]));
      const built = await call(b, 'events.build', { name, params, language: 'en' });
      const template = await call(b, 'events.get', { name });
      expect(built).toEqual({ ok: true, json: template.json });
    }
    expect(sawEnum).toBe(true);
    expect(sawJson).toBe(true);
  });

  it('refuses an unknown template', async () => {
    const b = backend();
    expect((await failure(b, 'events.definition', { name: 'nope', language: 'en' })).name).toBe('EventTemplateNotFound');
    expect((await failure(b, 'events.definition', { name: 's3-put', language: 'fr' })).name).toBe('InvalidArguments');
  });
});

describe('events.build', () => {
  it('builds the event from the form values, URL-encoding the S3 key as S3 does', async () => {
    const b = backend();
    const built = await call(b, 'events.build', {
      name: 's3-put',
      params: { key: 'photos/cat 1.jpg', size: '2048' },
      language: 'en',
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.json).toContain('"key": "photos/cat+1.jpg"');
    expect(built.json).toContain('"size": 2048');
  });

  it("returns buildEvent's message and the parameter it names for a bad value", async () => {
    const b = backend();
    const built = await call(b, 'events.build', { name: 's3-put', params: { size: 'big' }, language: 'ko' });
    expect(built).toMatchObject({ ok: false, parameter: 'size' });
    if (built.ok) return;
    expect(built.message).toContain("parameter 'size' of s3-put");
    expect(built.message).toContain('"big"');
  });

  it('names no parameter for an unknown one, and refuses an unknown template', async () => {
    const b = backend();
    const built = await call(b, 'events.build', { name: 's3-put', params: { sise: '1' }, language: 'en' });
    expect(built).toMatchObject({ ok: false, parameter: null });
    if (!built.ok) expect(built.message).toContain("did you mean 'size'");
    expect((await failure(b, 'events.build', { name: 'nope', params: {}, language: 'en' })).name).toBe(
      'EventTemplateNotFound',
    );
  });
});
