import { describe, expect, it } from 'vitest';
import { parseEventJson } from '../../sandbox/events/parse-event-json.ts';
import { getEventTemplate, listEventTemplates } from '../../sandbox/events/templates.ts';

describe('parseEventJson', () => {
  it('parses valid JSON', () => {
    expect(parseEventJson('{"key1": "value1", "n": [1, 2.5e3, true, null]}')).toEqual({ ok: true, value: { key1: 'value1', n: [1, 2500, true, null] } });
  });

  it('reports a missing comma with its line and column', () => {
    const r = parseEventJson('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}');
    expect(r).toEqual({ ok: false, line: 4, column: 3, message: `expected ',' or '}' after a property value, found '"'` });
  });

  it('explains trailing commas, single quotes and unquoted names', () => {
    expect(parseEventJson('{"a": 1,}')).toMatchObject({ ok: false, line: 1, column: 9, message: "a trailing comma is not allowed before '}'" });
    expect(parseEventJson("{'a': 1}")).toMatchObject({ ok: false, column: 2, message: expect.stringContaining('single quotes') as unknown });
    expect(parseEventJson('{a: 1}')).toMatchObject({ ok: false, column: 2, message: "expected a property name in double quotes, found 'a'" });
    expect(parseEventJson('[1, 2,]')).toMatchObject({ ok: false, message: "a trailing comma is not allowed before ']'" });
  });

  it('reports unterminated strings, bad values, empty text and extra text', () => {
    expect(parseEventJson('{"a": "oops}')).toMatchObject({ ok: false, line: 1, column: 7 });
    expect(parseEventJson('{"a": undefined}')).toMatchObject({ ok: false, column: 7, message: expect.stringContaining('expected a value') as unknown });
    expect(parseEventJson('   ')).toMatchObject({ ok: false, message: expect.stringContaining('empty') as unknown });
    expect(parseEventJson('{} {}')).toMatchObject({ ok: false, column: 4, message: expect.stringContaining('after the end') as unknown });
    expect(parseEventJson('{"n": 01}')).toMatchObject({ ok: false, message: expect.stringContaining('invalid number') as unknown });
  });
});

describe('event templates', () => {
  it('lists at least hello-world, apigateway-rest and s3-put with their invocation type', () => {
    const list = listEventTemplates();
    expect(list).toEqual(
      expect.arrayContaining([
        { name: 'hello-world', title: expect.any(String) as unknown, invocation: 'sync' },
        { name: 'apigateway-rest', title: expect.any(String) as unknown, invocation: 'sync' },
        { name: 's3-put', title: expect.any(String) as unknown, invocation: 'async' },
      ]),
    );
  });

  it("gives the console's default test event as pretty-printed JSON", () => {
    expect(getEventTemplate('hello-world')?.json).toBe('{\n  "key1": "value1",\n  "key2": "value2",\n  "key3": "value3"\n}');
  });

  it('has realistic API Gateway and S3 events', () => {
    const api = JSON.parse(getEventTemplate('apigateway-rest')!.json) as { httpMethod: string; requestContext: { requestTimeEpoch: number; accountId: string } };
    expect(api.httpMethod).toBe('GET');
    expect(api.requestContext.accountId).toBe('123456789012');
    const s3 = JSON.parse(getEventTemplate('s3-put')!.json) as { Records: { eventName: string; s3: { bucket: { arn: string } } }[] };
    expect(s3.Records[0]?.eventName).toBe('ObjectCreated:Put');
    expect(s3.Records[0]?.s3.bucket.arn).toMatch(/^arn:aws:s3:::/);
    expect(getEventTemplate('nope')).toBeUndefined();
  });

  it('every template parses with parseEventJson', () => {
    for (const { name } of listEventTemplates()) expect(parseEventJson(getEventTemplate(name)!.json).ok).toBe(true);
  });
});
