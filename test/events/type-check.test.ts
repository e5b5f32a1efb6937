/**
 * Every template's event type-checks against its @types/aws-lambda type: each event is written as
 * a literal into a temporary .ts file (`const e: L.S3Event = {...}`, so excess properties are
 * errors too) and the files are compiled with the TypeScript compiler API in strict mode.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent, EVENT_TEMPLATES } from '../../sandbox/events/templates.ts';

const AWS_LAMBDA_TYPES = resolve(import.meta.dirname, '../../node_modules/@types/aws-lambda/index.d.ts');

/** Non-default parameters that take other code paths; checked against the same types. */
const VARIANTS: Record<string, Record<string, string>> = {
  'apigateway-rest': {
    method: 'POST',
    path: '/orders/42',
    resource: '/orders/{id}',
    body: '{"qty":2}',
    query: 'a=1&a=2',
    authorizer: '{"claims":{"sub":"u-1"}}',
  },
  'apigateway-http': {
    method: 'PUT',
    path: '/files/a/b.txt',
    route: 'ANY /files/{proxy+}',
    headers: '{"Cookie":"s=1; theme=dark"}',
    body: 'hi',
    base64Body: 'true',
  },
  'function-url': { method: 'POST', body: '{"x":1}', query: '' },
  alb: { multiValueHeaders: 'true', query: 'q=a%20b&q=c', method: 'POST', body: 'x=1' },
  's3-put': { bucket: 'photos', key: 'a b/ü.jpg', size: '2048', eTag: 'd41d8cd98f00b204e9800998ecf8427e-2' },
  's3-delete': { versioned: 'true' },
  sqs: {
    queue: 'orders.fifo',
    messages: '["plain text", {"n": 1}, 3]',
    receiveCount: '3',
    messageAttributes: '{"source":"checkout"}',
  },
  sns: { subject: '', messageAttributes: '{"eventType":"created"}' },
  'eventbridge-custom': { resources: '["arn:aws:s3:::photos"]', detail: '{"nested":{"a":[1,2]}}' },
  'dynamodb-insert': {
    keys: '{"pk":"user#1","sk":7}',
    newImage: '{"tags":["a"],"meta":{"x":null}}',
    streamViewType: 'KEYS_ONLY',
  },
  'dynamodb-modify': { streamViewType: 'NEW_IMAGE' },
  'dynamodb-remove': { ttl: 'true', streamViewType: 'OLD_IMAGE' },
  kinesis: { records: '["a", "b", {"c": 3}]', shard: '6' },
  'cloudwatch-logs': { logStream: 'my-stream', messages: '["one"]' },
  'cognito-pre-signup': { triggerSource: 'PreSignUp_ExternalProvider', clientMetadata: '{"plan":"free"}' },
  'cloudfront-viewer-request': {
    uri: '/img/a.png',
    querystring: 'w=200',
    headers: '{"Accept":"image/webp","Cookie":"a=1"}',
  },
};

interface Case {
  id: string;
  type: string;
  json: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const t of EVENT_TEMPLATES) {
    const type = t.awsTypeCheck ?? (t.awsType === null ? 'Record<string, string>' : `L.${t.awsType}`);
    const runs: [string, Record<string, string>][] = [['default', {}]];
    const variant = VARIANTS[t.name];
    if (variant) runs.push(['variant', variant]);
    for (const [label, params] of runs) {
      const r = buildEvent(t.name, params);
      if (!r.ok) throw new Error(`${t.name} ${label}: ${r.message}`);
      out.push({ id: `${t.name}-${label}`, type, json: r.json });
      if (t.name === 'cloudwatch-logs') {
        // The payload inside awslogs.data must match CloudWatchLogsDecodedData too.
        const data = (r.event as { awslogs: { data: string } }).awslogs.data;
        out.push({
          id: `${t.name}-${label}-decoded`,
          type: 'L.CloudWatchLogsDecodedData',
          json: gunzipSync(Buffer.from(data, 'base64')).toString('utf8'),
        });
      }
    }
  }
  return out;
}

let dir = '';
let diagnostics = new Map<string, string[]>();

function compile(files: Map<string, string>): Map<string, string[]> {
  const program = ts.createProgram([...files.keys()], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    skipLibCheck: true,
    paths: { 'aws-lambda': [AWS_LAMBDA_TYPES] },
  });
  const out = new Map<string, string[]>([...files.keys()].map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? '(global)';
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const where = d.file && d.start !== undefined ? `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    const list = out.get(file) ?? [];
    list.push(`${where} ${text}`);
    out.set(file, list);
  }
  return out;
}

const source = (type: string, json: string): string =>
  `import type * as L from 'aws-lambda';\nexport const event: ${type} = ${json};\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coldstart-event-types-'));
  const files = new Map<string, string>();
  for (const c of cases()) files.set(join(dir, `${c.id}.ts`).replace(/\\/g, '/'), source(c.type, c.json));
  // Controls: a wrong event must fail, or the check proves nothing.
  files.set(
    join(dir, 'control-wrong-type.ts').replace(/\\/g, '/'),
    source('L.S3Event', '{ "Records": [{ "eventName": 42 }] }'),
  );
  files.set(
    join(dir, 'control-extra-field.ts').replace(/\\/g, '/'),
    source(
      'L.ScheduledEvent',
      JSON.stringify({
        ...JSON.parse(
          buildEvent('eventbridge-scheduled').ok
            ? (buildEvent('eventbridge-scheduled') as { json: string }).json
            : '{}',
        ),
        bogus: 1,
      }),
    ),
  );
  for (const [f, text] of files) writeFileSync(f, text);
  diagnostics = compile(files);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const fileOf = (id: string): string => join(dir, `${id}.ts`).replace(/\\/g, '/');

describe('events type-check against @types/aws-lambda (TypeScript compiler API, strict)', () => {
  it('has no global diagnostics (the aws-lambda types resolve)', () => {
    expect(diagnostics.get('(global)') ?? []).toEqual([]);
  });

  for (const c of cases()) {
    it(`${c.id} is a valid ${c.type}`, () => {
      expect(diagnostics.get(fileOf(c.id))).toEqual([]);
    });
  }

  it('rejects a wrongly typed event and an excess property (the check is real)', () => {
    expect(diagnostics.get(fileOf('control-wrong-type'))?.length ?? 0).toBeGreaterThan(0);
    expect(diagnostics.get(fileOf('control-extra-field'))?.join('\n')).toContain('bogus');
  });
});
