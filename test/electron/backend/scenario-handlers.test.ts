/**
 * The account page's methods through dispatch with the real scenario runner in its worker thread:
 * the bundled examples are listed in both languages, their text is served for the editor, the
 * thumbnail and recursion examples run as AWS behaves, and an edited scenario that is wrong comes
 * back as InvalidScenario naming the path of each problem.
 */
import { describe, expect, it } from 'vitest';
import type { InvocationNode, RefusedNode } from '../../../sandbox/invocation-models/trace-types.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { call, failure, REAL_LESSONS, useBackends } from './support/backend.ts';

const tempDir = useTempDirs();
const backendAt = useBackends();
const backend = () => backendAt(tempDir(), REAL_LESSONS);

const EXAMPLES = ['thumbnail', 'api-502', 'sqs-partial-batch', 'async-dlq', 'recursion', 'least-privilege'];

describe('scenario.list and scenario.get', () => {
  it('lists the six examples with a title and description in the requested language', async () => {
    const b = backend();
    const en = await call(b, 'scenario.list', { language: 'en' });
    const ko = await call(b, 'scenario.list', { language: 'ko' });
    expect(en.map((e) => e.name)).toEqual(EXAMPLES);
    expect(ko.map((e) => e.name)).toEqual(EXAMPLES);
    expect(en[0]).toMatchObject({ title: 'Thumbnails' });
    expect(en[0]!.description).toContain('second bucket');
    expect(ko[0]).toMatchObject({ title: '썸네일' });
    expect(ko[0]!.description).toContain('버킷');
    for (const e of [...en, ...ko]) expect(e.description.length).toBeGreaterThan(20);
  });

  it('serves an example as YAML text and refuses a name that is not one', async () => {
    const b = backend();
    const source = await call(b, 'scenario.get', { name: 'thumbnail' });
    expect(source.text).toMatch(/^name: thumbnail$/m);
    expect((await failure(b, 'scenario.get', { name: 'nope' })).name).toBe('ScenarioNotFound');
    expect((await failure(b, 'scenario.get', { name: '../etc' })).name).toBe('InvalidArguments');
  });
});

describe('scenario.run', () => {
  it('runs the thumbnail example: an S3 upload invokes the function asynchronously, which writes to the second bucket', async () => {
    const result = await call(backend(), 'scenario.run', { name: 'thumbnail' });
    const invocations = result.trace.filter((n): n is InvocationNode => n.kind === 'invocation');
    expect(invocations).toHaveLength(1);
    expect(invocations[0]).toMatchObject({ functionName: 'thumbnail', model: 'async', source: 's3' });
    expect(invocations[0]!.record.coldStart).toBe(true);
    const thumbs = result.snapshot.buckets.find((b) => b.name === 'photos-thumbnails');
    expect(thumbs?.objects.map((o) => o.key)).toEqual(['thumbnails/cat.jpg']);
    expect(result.expectations.every((e) => e.ok)).toBe(true);
  });

  it('runs the recursion example: the loop is stopped with RecursiveInvocationException', async () => {
    const result = await call(backend(), 'scenario.run', { name: 'recursion' });
    const refused = result.trace.filter((n): n is RefusedNode => n.kind === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ reason: 'recursion', errorType: 'RecursiveInvocationException' });
    expect(result.summary.invocations).toBe(16);
  });

  it('runs edited text, and reports an invalid scenario with the path of each problem', async () => {
    const b = backend();
    const { text } = await call(b, 'scenario.get', { name: 'thumbnail' });
    const edited = text
      .replace('uploads/cat.jpg', 'uploads/bird.jpg')
      .replace('thumbnails/cat.jpg', 'thumbnails/bird.jpg');
    const result = await call(b, 'scenario.run', { text: edited });
    const thumbs = result.snapshot.buckets.find((x) => x.name === 'photos-thumbnails');
    expect(thumbs?.objects.map((o) => o.key)).toEqual(['thumbnails/bird.jpg']);

    const wrong = await failure(b, 'scenario.run', {
      text: text.replace('memorySizeMB: 256', 'memorySizeMB: 64').replace('bucket: photos-uploads\n', 'bucket: nope\n'),
    });
    expect(wrong.name).toBe('InvalidScenario');
    expect(wrong.message).toContain('functions.thumbnail.config.memorySizeMB');

    const crossRef = await failure(b, 'scenario.run', {
      text: text.replace('bucket: photos-uploads\n', 'bucket: nope\n'),
    });
    expect(crossRef.message).toContain("triggers.0.bucket: no bucket named 'nope'");

    const yaml = await failure(b, 'scenario.run', { text: 'name: [unclosed' });
    expect(yaml.name).toBe('InvalidScenario');
    expect(yaml.message).toMatch(/not valid YAML.*line 1/);
  });

  it('takes exactly one of name and text', async () => {
    const b = backend();
    expect((await failure(b, 'scenario.run', {})).message).toContain('either the name');
    expect((await failure(b, 'scenario.run', { name: 'thumbnail', text: 'x' })).name).toBe('InvalidArguments');
  });
});
