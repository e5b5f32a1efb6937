/**
 * Application Load Balancer request to a Lambda target, shaped like the sample in
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 * ALB passes query values still URL-encoded and lowercases header names.
 */
import type { ALBEvent } from 'aws-lambda';
import { REGION, arn, lastValueMap, multiMap, parseQuery, traceHeader } from '../aws-formats.ts';
import {
  HTTP_PARAMETERS,
  CLIENT_IP,
  CLIENT_USER_AGENT,
  bodyContentType,
  encodeBody,
  headerMap,
  lowercaseHeaders,
  withDefaultHeaders,
} from '../http-parameters.ts';
import { defineEventTemplate } from '../template-types.ts';

export const alb = defineEventTemplate({
  name: 'alb',
  title: { en: 'Application Load Balancer request', ko: 'Application Load Balancer 요청' },
  invocation: 'sync',
  awsType: 'ALBEvent',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html',
  parameters: [
    ...HTTP_PARAMETERS,
    {
      name: 'targetGroup',
      kind: 'string',
      default: 'lambda-orders',
      pattern: '[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?',
      patternHint: 'a target group name (1-32 letters, digits, hyphens; not starting or ending with a hyphen)',
      label: { en: 'Target group', ko: '대상 그룹' },
      description: {
        en: 'The name of the target group the function is registered in.',
        ko: '함수가 등록된 대상 그룹의 이름.',
      },
    },
    {
      name: 'multiValueHeaders',
      kind: 'boolean',
      default: false,
      label: { en: 'Multi-value headers', ko: '다중 값 헤더' },
      description: {
        en: 'When the target group enables multi-value headers, ALB sends multiValueHeaders and multiValueQueryStringParameters instead.',
        ko: '대상 그룹에서 다중 값 헤더를 켜면 ALB는 대신 multiValueHeaders와 multiValueQueryStringParameters를 보냅니다.',
      },
    },
  ],
  build(p, gen): ALBEvent {
    const targetGroupArn = arn('elasticloadbalancing', `targetgroup/${p.targetGroup}/${gen.hex(16)}`);
    const host = `lambda-alb-${gen.digits(9)}.${REGION}.elb.amazonaws.com`;
    const headers = lowercaseHeaders(
      withDefaultHeaders(headerMap(p.headers), {
        ...bodyContentType(p.body),
        Host: host,
        'User-Agent': CLIENT_USER_AGENT,
        'X-Amzn-Trace-Id': traceHeader(gen),
        'X-Forwarded-For': CLIENT_IP,
        'X-Forwarded-Port': '443',
        'X-Forwarded-Proto': 'https',
      }),
    );
    // ALB does not decode the query string: names and values arrive as the client sent them.
    const raw = parseQuery(p.query).map((q) => ({ name: q.rawName, value: q.rawValue }));
    const body = encodeBody(p.body, p.base64Body && p.body !== '');
    const request = p.multiValueHeaders
      ? {
          multiValueQueryStringParameters: multiMap(raw),
          multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
        }
      : { queryStringParameters: lastValueMap(raw), headers };
    return { requestContext: { elb: { targetGroupArn } }, httpMethod: p.method, path: p.path, ...request, ...body };
  },
});
