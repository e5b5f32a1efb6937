/**
 * Synchronous invocation: the caller waits for the response (lambda-invocation.html, invocation-sync.html);
 * API Gateway checks the proxy response shape (set-up-lambda-proxy-integrations.html) and turns a
 * malformed one into 502 with "Malformed Lambda proxy response" in its execution log
 * (knowledge-center/malformed-502-api-gateway); integration timeout 29 s for REST (apigateway limits.html).
 */
import { describe, expect, it } from 'vitest';
import { parseProxyResponse } from '../../sandbox/invocation-models/proxy-response.ts';
import { frontDoorResponse } from '../../sandbox/invocation-models/sync-front-door.ts';
import type { InvocationRecord } from '../../sandbox/invocation/record.ts';
import { fn, service, T0 } from './helpers.ts';

const OPTS = { nowMs: T0, gatewayRequestId: 'gw-1', method: 'GET', path: '/items' };

function ok(result: unknown, durationMs = 5): InvocationRecord {
  return {
    ok: true,
    requestId: 'r-1',
    coldStart: false,
    logs: [],
    result: JSON.stringify(result),
    costUsd: 0,
    report: { durationMs, billedDurationMs: durationMs, memorySizeMB: 128, maxMemoryUsedMB: 40, status: 'success' },
  };
}

describe('API Gateway REST proxy response (set-up-lambda-proxy-integrations.html)', () => {
  it('passes a well-formed response through', () => {
    const r = frontDoorResponse(
      'apigateway-rest',
      ok({ statusCode: 201, headers: { 'Content-Type': 'text/plain' }, body: 'made', isBase64Encoded: false }),
      OPTS,
    );
    expect(r.statusCode).toBe(201);
    expect(r.body).toBe('made');
    expect(r.headers['content-type']).toBe('text/plain');
    expect(r.serviceLog.at(-1)).toMatch(/Method completed with status: 201$/);
  });

  it.each([
    [{ statusCode: 200, body: { items: [] } }, 'body must be a string'],
    [{ statusCode: '200', body: '' }, 'statusCode must be an integer'],
    [{ body: 'x' }, 'statusCode is missing'],
    [{ statusCode: 200, headers: { n: 1 }, body: '' }, 'headers.n must be a string'],
    [{ statusCode: 200, body: '', isBase64Encoded: 'no' }, 'isBase64Encoded must be true or false'],
    [{ statusCode: 200, body: '', cookies: [] }, "unexpected field 'cookies'"],
    ['hello', 'must be an object'],
  ])('turns %j into 502 Internal server error with the reason in the execution log', (result, reason) => {
    const r = frontDoorResponse('apigateway-rest', ok(result), OPTS);
    expect(r.statusCode).toBe(502);
    expect(JSON.parse(r.body)).toEqual({ message: 'Internal server error' });
    expect(r.serviceLog.join('\n')).toContain(
      'Execution failed due to configuration error: Malformed Lambda proxy response',
    );
    expect(r.serviceLog.join('\n')).toContain(reason);
    expect(r.serviceLog.at(-1)).toMatch(/Method completed with status: 502$/);
  });

  it('answers 504 "Endpoint request timed out" after the 29 s integration timeout (apigateway limits.html)', () => {
    const r = frontDoorResponse('apigateway-rest', ok({ statusCode: 200, body: 'late' }, 29_500), OPTS);
    expect(r.statusCode).toBe(504);
    expect(JSON.parse(r.body)).toEqual({ message: 'Endpoint request timed out' });
  });
});

describe('HTTP API payload 2.0 (http-api-develop-integrations-lambda.html)', () => {
  it('turns a plain object into a 200 JSON body', () => {
    const p = parseProxyResponse('apigateway-http', JSON.stringify({ items: [1, 2] }));
    expect(p).toEqual({
      ok: true,
      response: {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"items":[1,2]}',
        isBase64Encoded: false,
      },
    });
  });
  it('a function error is a 500 Internal Server Error', () => {
    const failed: InvocationRecord = {
      ...ok(null),
      ok: false,
      error: { errorType: 'Error', errorMessage: 'boom', trace: [] },
    } as InvocationRecord;
    const r = frontDoorResponse('apigateway-http', failed, OPTS);
    expect(r.statusCode).toBe(500);
    expect(JSON.parse(r.body)).toEqual({ message: 'Internal Server Error' });
  });
});

describe('a real handler behind API Gateway REST (invocation-sync.html)', () => {
  it('a thrown error gives 502 and the error in the execution log', async () => {
    const lambda = await service(
      fn('api', `export const handler = async () => { throw new TypeError('no items table'); };\n`),
    );
    const out = lambda.run('api', '{}', { parentId: null, source: 'apigateway-rest', model: 'sync' });
    expect(out.kind).toBe('ran');
    if (out.kind !== 'ran') return;
    const r = frontDoorResponse('apigateway-rest', out.record, OPTS);
    expect(r.statusCode).toBe(502);
    expect(r.serviceLog.join('\n')).toContain(
      'Lambda execution failed with status 200 due to customer function error: no items table',
    );
  });
});
