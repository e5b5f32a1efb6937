/**
 * HTTP events (API Gateway REST and HTTP APIs, Function URLs, ALB, CloudFront) have AWS's id, time
 * and header formats; every ARN has the real format; events are deterministic.
 */
import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  CloudFrontRequestEvent,
  S3Event,
  SQSEvent,
} from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { buildEvent, listEventTemplates } from '../../sandbox/events/templates.ts';
import { allStrings, ARN, built, DEFAULT_NOW, UUID_V4 } from './helpers.ts';

describe('ARNs, account and region', () => {
  it('every ARN in every default event has the real format, account 123456789012 and us-east-1', () => {
    let count = 0;
    for (const { name } of listEventTemplates()) {
      for (const s of allStrings(built(name))) {
        for (const m of s.match(/arn:aws:[^\s"&]+/g) ?? []) {
          expect(m, `${name}: ${m}`).toMatch(ARN);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(12);
  });
});

describe('HTTP events', () => {
  it('API Gateway REST: CLF requestTime, epoch ms, UUID request id, 10-character API id', () => {
    const e = built<APIGatewayProxyEvent>('apigateway-rest');
    expect(e.requestContext.requestTime).toBe('09/Apr/2026:12:34:56 +0000');
    expect(e.requestContext.requestTimeEpoch).toBe(DEFAULT_NOW);
    expect(e.requestContext.requestId).toMatch(UUID_V4);
    expect(e.requestContext.apiId).toMatch(/^[a-z0-9]{10}$/);
    expect(e.headers.Host).toBe(`${e.requestContext.apiId}.execute-api.us-east-1.amazonaws.com`);
    expect(e.headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(e.requestContext.path).toBe('/prod/hello');
  });

  it('API Gateway REST: decoded and multi-value query parameters, path parameters, base64 body', () => {
    const e = built<APIGatewayProxyEvent>('apigateway-rest', {
      method: 'POST',
      path: '/orders/42',
      resource: '/orders/{id}',
      query: 'tag=a&tag=b&q=red%20flower',
      body: 'hello',
      base64Body: 'true',
    });
    expect(e.queryStringParameters).toEqual({ tag: 'b', q: 'red flower' });
    expect(e.multiValueQueryStringParameters).toEqual({ tag: ['a', 'b'], q: ['red flower'] });
    expect(e.pathParameters).toEqual({ id: '42' });
    expect(e.resource).toBe('/orders/{id}');
    expect(e.isBase64Encoded).toBe(true);
    expect(Buffer.from(e.body ?? '', 'base64').toString()).toBe('hello');
    expect(e.headers['Content-Type']).toBe('text/plain; charset=utf-8');
  });

  it('HTTP API v2: lowercase headers, cookies array, comma-joined query values, 16-character request id', () => {
    const e = built<APIGatewayProxyEventV2>('apigateway-http', {
      headers: '{"Cookie": "s=1; theme=dark", "X-Custom": "x"}',
      query: 'a=1&a=2',
    });
    expect(e.version).toBe('2.0');
    expect(e.cookies).toEqual(['s=1', 'theme=dark']);
    expect(e.headers['x-custom']).toBe('x');
    expect(e.headers.cookie).toBeUndefined();
    expect(e.queryStringParameters).toEqual({ a: '1,2' });
    expect(e.rawQueryString).toBe('a=1&a=2');
    expect(e.requestContext.requestId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(e.requestContext.time).toBe('09/Apr/2026:12:34:56 +0000');
    expect(e.requestContext.timeEpoch).toBe(DEFAULT_NOW);
    expect(e.body).toBeUndefined();
  });

  it('Function URL: lambda-url domain with a 32-character URL id, anonymous caller, UUID request id', () => {
    const e = built<APIGatewayProxyEventV2>('function-url');
    expect(e.requestContext.domainName).toMatch(/^[a-z0-9]{32}\.lambda-url\.us-east-1\.on\.aws$/);
    expect(e.requestContext.accountId).toBe('anonymous');
    expect(e.requestContext.requestId).toMatch(UUID_V4);
    expect(e.routeKey).toBe('$default');
  });

  it('ALB: target group ARN, query values left URL-encoded, multi-value form on request', () => {
    const e = built<ALBEvent>('alb', { query: 'q=red%20flower' });
    expect(e.requestContext.elb.targetGroupArn).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/lambda-orders\/[0-9a-f]{16}$/,
    );
    expect(e.queryStringParameters).toEqual({ q: 'red%20flower' });
    expect(e.body).toBe('');
    const m = built<ALBEvent>('alb', { multiValueHeaders: 'true', query: 'a=1&a=2' });
    expect(m.multiValueQueryStringParameters).toEqual({ a: ['1', '2'] });
    expect(m.headers).toBeUndefined();
    expect(m.multiValueHeaders?.host).toHaveLength(1);
  });

  it('CloudFront: distribution id and domain, lowercase header keys holding {key, value}', () => {
    const e = built<CloudFrontRequestEvent>('cloudfront-viewer-request');
    const { config, request } = e.Records[0]!.cf;
    expect(config.distributionId).toMatch(/^E[A-Z0-9]{13}$/);
    expect(config.distributionDomainName).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
    expect(config.eventType).toBe('viewer-request');
    expect(config.requestId).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    expect(request.headers.host).toEqual([{ key: 'Host', value: config.distributionDomainName }]);
    expect(Object.keys(request.headers).every((k) => k === k.toLowerCase())).toBe(true);
  });
});

describe('determinism', () => {
  it('the same parameters give the same JSON for every template', () => {
    for (const { name } of listEventTemplates()) {
      const a = buildEvent(name, {});
      const b = buildEvent(name, {});
      expect(a).toEqual(b);
    }
  });

  it('another seed gives other ids; another clock gives other times', () => {
    const a = built<SQSEvent>('sqs').Records[0]!;
    const b = built<SQSEvent>('sqs', {}, { seed: 7 }).Records[0]!;
    expect(b.messageId).not.toBe(a.messageId);
    expect(b.messageId).toMatch(UUID_V4);
    const later = built<APIGatewayProxyEvent>('apigateway-rest', {}, { now: '2030-01-02T03:04:05.000Z' });
    expect(later.requestContext.requestTime).toBe('02/Jan/2030:03:04:05 +0000');
    expect(later.requestContext.requestTimeEpoch).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
    expect(built<S3Event>('s3-put', {}, { now: new Date(0) }).Records[0]!.eventTime).toBe('1970-01-01T00:00:00.000Z');
  });
});
