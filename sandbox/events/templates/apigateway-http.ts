/**
 * API Gateway HTTP API, Lambda proxy integration payload format 2.0, shaped like the sample in
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ACCOUNT, REGION, clfTime, parseQuery, traceHeader } from '../aws-formats.ts';
import { LOWER_ALNUM } from '../event-gen.ts';
import { HTTP_PARAMETERS, matchRoute } from '../http-parameters.ts';
import { EventParameterError, defineEventTemplate } from '../template-types.ts';
import { v2Request } from '../http-v2.ts';

export const apigatewayHttp = defineEventTemplate({
  name: 'apigateway-http',
  title: { en: 'API Gateway HTTP API (payload v2.0)', ko: 'API Gateway HTTP API (페이로드 v2.0)' },
  invocation: 'sync',
  awsType: 'APIGatewayProxyEventV2',
  source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html',
  parameters: [
    ...HTTP_PARAMETERS,
    {
      name: 'route',
      kind: 'string',
      default: '',
      pattern: '(\\$default|(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /[^\\s?#]*)?',
      patternHint: "a route key like 'GET /orders/{id}', 'ANY /{proxy+}' or '$default'",
      label: { en: 'Route', ko: '라우트' },
      description: {
        en: "The route key that matched, e.g. 'GET /orders/{id}' (its {names} become pathParameters) or '$default'. Empty: method and path.",
        ko: "일치한 라우트 키. 예: 'GET /orders/{id}' ({이름}은 pathParameters가 됨) 또는 '$default'. 비우면 메서드와 경로.",
      },
    },
  ],
  build(p, gen): APIGatewayProxyEventV2 {
    const routeKey = p.route === '' ? `${p.method} ${p.path}` : p.route;
    let pathParameters: Record<string, string> | null = null;
    if (routeKey !== '$default') {
      const [routeMethod = '', routePath = ''] = routeKey.split(' ');
      const matched = matchRoute(routePath, p.path);
      if (matched === undefined || (routeMethod !== 'ANY' && routeMethod !== p.method)) {
        throw new EventParameterError(
          `parameter 'route' (${routeKey}) does not match the request ${p.method} ${p.path}`,
        );
      }
      pathParameters = matched;
    }
    const apiId = gen.chars(10, LOWER_ALNUM);
    const domainName = `${apiId}.execute-api.${REGION}.amazonaws.com`;
    const req = v2Request(p, domainName, traceHeader(gen), parseQuery(p.query));
    return {
      version: '2.0',
      routeKey,
      rawPath: p.path,
      rawQueryString: p.query,
      ...req.cookies,
      headers: req.headers,
      ...req.queryStringParameters,
      requestContext: {
        accountId: ACCOUNT,
        apiId,
        domainName,
        domainPrefix: apiId,
        http: req.http,
        // HTTP API request ids are 16 base64 characters, e.g. "JKJaXmPLvHcESHA=".
        requestId: gen.base64(11),
        routeKey,
        stage: '$default',
        time: clfTime(gen.now),
        timeEpoch: gen.now,
      },
      ...(pathParameters ? { pathParameters } : {}),
      ...req.body,
    };
  },
});
