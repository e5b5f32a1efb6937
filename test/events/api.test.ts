/**
 * The template API: listing, definitions for forms and the CLI, and buildEvent's parsing of
 * parameter values given as text, with messages that name the parameter and the expected kind.
 */
import type { APIGatewayProxyEvent, S3Event, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  buildEvent,
  getEventTemplate,
  getEventTemplateDefinition,
  listEventTemplates,
} from '../../sandbox/events/templates.ts';
import { built } from './helpers.ts';

/** Invocation model by source, as FACTS.md ("invocation model by source", lambda-invocation.html) lists it. */
const EXPECTED_INVOCATION: Record<string, 'sync' | 'async' | 'polled'> = {
  'hello-world': 'sync',
  'apigateway-rest': 'sync',
  'apigateway-http': 'sync',
  'function-url': 'sync',
  alb: 'sync',
  's3-put': 'async',
  's3-delete': 'async',
  sqs: 'polled',
  sns: 'async',
  'eventbridge-scheduled': 'async',
  'eventbridge-custom': 'async',
  'dynamodb-insert': 'polled',
  'dynamodb-modify': 'polled',
  'dynamodb-remove': 'polled',
  kinesis: 'polled',
  'cloudwatch-logs': 'async',
  'cognito-pre-signup': 'sync',
  'cloudfront-viewer-request': 'sync',
};

function failure(name: string, params: Record<string, string>, options?: Parameters<typeof buildEvent>[2]): string {
  const r = buildEvent(name, params, options);
  if (r.ok) throw new Error(`${name} accepted ${JSON.stringify(params)}`);
  return r.message;
}

describe('listing and definitions', () => {
  it('lists at least 15 templates with unique names and the invocation model AWS uses', () => {
    const list = listEventTemplates();
    expect(list.length).toBeGreaterThanOrEqual(15);
    expect(new Set(list.map((t) => t.name)).size).toBe(list.length);
    expect(Object.fromEntries(list.map((t) => [t.name, t.invocation]))).toEqual(EXPECTED_INVOCATION);
  });

  it('gives titles in English by default and in Korean on request', () => {
    expect(listEventTemplates().find((t) => t.name === 's3-put')?.title).toBe('S3 object created (PUT)');
    expect(listEventTemplates('ko').find((t) => t.name === 's3-put')?.title).toBe('S3 객체 생성 (PUT)');
    expect(getEventTemplate('sqs', 'ko')?.title).toBe('SQS 메시지 배치');
  });

  it('getEventTemplate gives the default event as pretty-printed JSON, and undefined for unknown names', () => {
    const t = getEventTemplate('s3-put')!;
    expect(t).toMatchObject({ name: 's3-put', invocation: 'async' });
    expect(t.json).toBe((buildEvent('s3-put') as { json: string }).json);
    expect(t.json.split('\n')[1]).toBe('  "Records": [');
    expect(getEventTemplate('nope')).toBeUndefined();
  });

  it('definitions are plain data with bilingual labels and descriptions and defaults as text', () => {
    for (const { name } of listEventTemplates()) {
      const d = getEventTemplateDefinition(name)!;
      expect(JSON.parse(JSON.stringify(d))).toEqual(d);
      expect(d.title.en && d.title.ko).toBeTruthy();
      expect(d.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(d.parameters.length).toBeGreaterThan(0);
      for (const p of d.parameters) {
        expect(p.label.en && p.label.ko && p.description.en && p.description.ko, `${name}.${p.name}`).toBeTruthy();
        if (p.kind === 'enum') expect(p.options).toContain(p.default);
      }
      // Sending every default back as text builds the same event as sending nothing.
      const asText = Object.fromEntries(d.parameters.map((p) => [p.name, p.defaultText]));
      expect(buildEvent(name, asText), name).toEqual(buildEvent(name));
    }
    const s3 = getEventTemplateDefinition('s3-put')!;
    expect(s3.awsType).toBe('S3Event');
    expect(s3.parameters.map((p) => [p.name, p.kind, p.defaultText])).toEqual([
      ['bucket', 'string', 'coldstart-uploads'],
      ['key', 'string', 'uploads/photo.jpg'],
      ['size', 'number', '1024'],
      ['eTag', 'string', ''],
    ]);
    expect(getEventTemplateDefinition('sqs')!.parameters.find((p) => p.name === 'messages')?.defaultText).toBe(
      '[{"orderId":"o-1001","total":25.5},{"orderId":"o-1002","total":12}]',
    );
    expect(getEventTemplateDefinition('nope')).toBeUndefined();
  });
});

describe('parameters change the event', () => {
  it('s3-put: bucket, URL-encoded key and size', () => {
    const r = built<S3Event>('s3-put', { bucket: 'photos', key: 'a b.jpg', size: '2048' }).Records[0]!;
    expect(r.s3.bucket).toMatchObject({ name: 'photos', arn: 'arn:aws:s3:::photos' });
    expect(r.s3.object).toMatchObject({ key: 'a+b.jpg', size: 2048 });
    expect(built<S3Event>('s3-put', { eTag: '0123456789abcdef0123456789abcdef' }).Records[0]!.s3.object.eTag).toBe(
      '0123456789abcdef0123456789abcdef',
    );
  });

  it('sqs: one record per message, the queue in the ARN', () => {
    const e = built<SQSEvent>('sqs', { queue: 'jobs', messages: '["a", "b", "c"]' });
    expect(e.Records).toHaveLength(3);
    expect(e.Records[2]!.eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:jobs');
  });

  it('apigateway-rest: method, path, stage, headers and a JSON body with its content type', () => {
    const e = built<APIGatewayProxyEvent>('apigateway-rest', {
      method: 'POST',
      path: '/orders',
      stage: 'dev',
      headers: '{"Authorization": "Bearer t", "user-agent": "my-app/1.0"}',
      body: '{"qty": 2}',
    });
    expect(e).toMatchObject({ httpMethod: 'POST', path: '/orders', body: '{"qty": 2}', isBase64Encoded: false });
    expect(e.requestContext.path).toBe('/dev/orders');
    expect(e.headers).toMatchObject({
      Authorization: 'Bearer t',
      'user-agent': 'my-app/1.0',
      'Content-Type': 'application/json',
    });
    expect(e.headers['User-Agent']).toBeUndefined();
    expect(e.requestContext.identity.userAgent).toBe('my-app/1.0');
  });

  it('hello-world: the three values', () => {
    expect(built('hello-world', { key2: 'changed' })).toEqual({ key1: 'value1', key2: 'changed', key3: 'value3' });
  });
});

describe('bad parameters give clear messages', () => {
  it('unknown parameter names list the valid ones and suggest a close one', () => {
    const m = failure('s3-put', { bukket: 'x' });
    expect(m).toBe(
      "unknown parameter 'bukket' for event template s3-put (did you mean 'bucket'?); its parameters are: bucket, key, size, eTag",
    );
    expect(failure('eventbridge-scheduled', { zzz: '1' })).toContain('its parameters are: rule');
  });

  it('unknown templates list the templates', () => {
    const m = failure('s3-putt', {});
    expect(m).toContain("unknown event template 's3-putt' (did you mean 's3-put'?)");
    expect(m).toContain('hello-world, apigateway-rest');
  });

  it('numbers, booleans and enums name the parameter and the expected kind', () => {
    expect(failure('s3-put', { size: 'big' })).toBe(
      `parameter 'size' of s3-put expects a whole number from 0 to 5497558138880, got "big"`,
    );
    expect(failure('s3-put', { size: '1.5' })).toContain('expects a whole number');
    expect(failure('s3-put', { size: '-1' })).toContain('from 0 to');
    expect(failure('sqs', { receiveCount: '' })).toBe(
      `parameter 'receiveCount' of sqs expects a whole number from 1 to 1000, got ""`,
    );
    expect(failure('s3-delete', { versioned: 'maybe' })).toBe(
      `parameter 'versioned' of s3-delete expects a boolean (true or false), got "maybe"`,
    );
    expect(built<S3Event>('s3-delete', { versioned: 'YES' }).Records[0]!.eventName).toBe(
      'ObjectRemoved:DeleteMarkerCreated',
    );
    expect(failure('apigateway-rest', { method: 'get' })).toBe(
      `parameter 'method' of apigateway-rest expects one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, got "get" (did you mean 'GET'?)`,
    );
  });

  it('JSON parameters report syntax errors with line and column, and the wrong shape', () => {
    expect(failure('sqs', { messages: '["a", ]' })).toBe(
      `parameter 'messages' of sqs expects a JSON array, e.g. [{"id": 1}, "text"], but its text is not valid JSON: line 1, column 7: a trailing comma is not allowed before ']'`,
    );
    expect(failure('sqs', { messages: '{"a": 1}' })).toContain(`parameter 'messages' of sqs expects a JSON array`);
    expect(failure('sqs', { messages: '[]' })).toContain('got an empty array; give at least one item');
    expect(failure('apigateway-rest', { headers: '{"X-N": 1}' })).toBe(
      `parameter 'headers' of apigateway-rest expects a JSON object of strings, e.g. {"name": "value"}; the value of "X-N" is 1, not a string`,
    );
    expect(failure('cloudwatch-logs', { messages: '["ok", 2]' })).toContain('item 2 is 2, not a string');
    expect(failure('eventbridge-custom', { detail: '[1]' })).toContain(
      `parameter 'detail' of eventbridge-custom expects a JSON object`,
    );
  });

  it('strings that AWS would refuse say what is allowed', () => {
    expect(failure('s3-put', { bucket: 'My_Bucket' })).toContain(
      `parameter 'bucket' of s3-put expects a bucket name (3-63 lowercase letters`,
    );
    expect(failure('apigateway-http', { path: 'hello' })).toContain("expects a path starting with '/'");
    expect(failure('s3-put', { eTag: 'xyz' })).toContain('expects an ETag');
    expect(failure('cognito-pre-signup', { email: 'nope' })).toContain('expects an email address');
  });

  it('values that disagree with each other are refused by the template', () => {
    expect(failure('apigateway-rest', { path: '/users/1', resource: '/orders/{id}' })).toBe(
      "apigateway-rest: parameter 'path' (/users/1) does not match parameter 'resource' (/orders/{id})",
    );
    expect(failure('apigateway-http', { route: 'POST /hello' })).toContain(
      "parameter 'route' (POST /hello) does not match the request GET /hello",
    );
    expect(failure('eventbridge-custom', { source: 'aws.s3' })).toContain("sources starting with 'aws.' are reserved");
    expect(failure('dynamodb-insert', { keys: '{"id": true}' })).toContain(
      "key attribute 'id' must be a string or a number",
    );
    expect(failure('dynamodb-insert', { newImage: '{"orderId": "other"}' })).toContain(
      `parameter 'newImage' has orderId = "other" but parameter 'keys' says "o-1001"`,
    );
  });

  it('a bad clock option is reported, not thrown', () => {
    expect(failure('sns', {}, { now: 'yesterday' })).toContain("option 'now' expects a time");
  });
});
