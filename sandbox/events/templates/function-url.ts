/**
 * Lambda Function URL request (payload format 2.0, auth type NONE), shaped like the sample in
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads
 */
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { REGION, clfTime, parseQuery, traceHeader } from '../aws-formats.ts';
import { LOWER_ALNUM } from '../event-gen.ts';
import { HTTP_PARAMETERS } from '../http-parameters.ts';
import { v2Request } from '../http-v2.ts';
import { defineEventTemplate } from '../template-types.ts';

export const functionUrl = defineEventTemplate({
  name: 'function-url',
  title: { en: 'Lambda Function URL request', ko: 'Lambda 함수 URL 요청' },
  invocation: 'sync',
  awsType: 'LambdaFunctionURLEvent',
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html',
  parameters: [...HTTP_PARAMETERS],
  build(p, gen): LambdaFunctionURLEvent {
    // A URL id is 32 lowercase letters and digits: https://<url-id>.lambda-url.<region>.on.aws
    const urlId = gen.chars(32, LOWER_ALNUM);
    const domainName = `${urlId}.lambda-url.${REGION}.on.aws`;
    const req = v2Request(p, domainName, traceHeader(gen), parseQuery(p.query));
    return {
      version: '2.0',
      routeKey: '$default',
      rawPath: p.path,
      rawQueryString: p.query,
      ...req.cookies,
      headers: req.headers,
      ...req.queryStringParameters,
      requestContext: {
        // With auth type NONE the caller is unknown: AWS writes "anonymous".
        accountId: 'anonymous',
        apiId: urlId,
        domainName,
        domainPrefix: urlId,
        http: req.http,
        requestId: gen.uuid(),
        routeKey: '$default',
        stage: '$default',
        time: clfTime(gen.now),
        timeEpoch: gen.now,
      },
      ...req.body,
    };
  },
});
