/**
 * API Gateway REST API, Lambda proxy integration (payload v1.0), shaped like the sample in
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ACCOUNT, REGION, clfTime, lastValueMap, multiMap, parseQuery, traceHeader } from '../aws-formats.ts';
import { LOWER_ALNUM } from '../event-gen.ts';
import {
  CLIENT_IP,
  CLIENT_USER_AGENT,
  HTTP_PARAMETERS,
  bodyContentType,
  encodeBody,
  headerMap,
  matchRoute,
  withDefaultHeaders,
} from '../http-parameters.ts';
import { EventParameterError, defineEventTemplate } from '../template-types.ts';

export const apigatewayRest = defineEventTemplate({
  name: 'apigateway-rest',
  title: {
    en: 'API Gateway REST API (proxy integration, payload v1.0)',
    ko: 'API Gateway REST API (프록시 통합, 페이로드 v1.0)',
  },
  invocation: 'sync',
  awsType: 'APIGatewayProxyEvent',
  source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html',
  parameters: [
    ...HTTP_PARAMETERS,
    {
      name: 'resource',
      kind: 'string',
      default: '',
      pattern: '(/[^\\s?#]*)?',
      patternHint: "a resource path starting with '/', e.g. /orders/{id} or /{proxy+}",
      label: { en: 'Resource', ko: '리소스' },
      description: {
        en: 'The API resource the path matched, e.g. /orders/{id}; its {names} become pathParameters. Empty: the path itself.',
        ko: '경로가 일치한 API 리소스. 예: /orders/{id}. {이름}은 pathParameters가 됩니다. 비우면 경로 그대로.',
      },
    },
    {
      name: 'stage',
      kind: 'string',
      default: 'prod',
      pattern: '[A-Za-z0-9_]{1,128}',
      patternHint: 'a stage name (letters, digits, underscores)',
      label: { en: 'Stage', ko: '스테이지' },
      description: { en: 'The deployment stage, e.g. prod or dev.', ko: '배포 스테이지. 예: prod, dev' },
    },
    {
      name: 'authorizer',
      kind: 'json',
      shape: 'any',
      default: null,
      label: { en: 'Authorizer context', ko: '권한 부여자 컨텍스트' },
      description: {
        en: 'requestContext.authorizer: e.g. {"claims": {"sub": "..."}} for a Cognito authorizer; null without one.',
        ko: 'requestContext.authorizer. 예: Cognito 권한 부여자는 {"claims": {"sub": "..."}}. 없으면 null.',
      },
    },
  ],
  build(p, gen): APIGatewayProxyEvent {
    const resource = p.resource === '' ? p.path : p.resource;
    const pathParameters = matchRoute(resource, p.path);
    if (pathParameters === undefined) {
      throw new EventParameterError(`parameter 'path' (${p.path}) does not match parameter 'resource' (${resource})`);
    }
    const apiId = gen.chars(10, LOWER_ALNUM);
    const domainName = `${apiId}.execute-api.${REGION}.amazonaws.com`;
    const requestId = gen.uuid();
    const extendedRequestId = gen.base64(11);
    const headers = withDefaultHeaders(headerMap(p.headers), {
      ...bodyContentType(p.body),
      Host: domainName,
      'User-Agent': CLIENT_USER_AGENT,
      'X-Amzn-Trace-Id': traceHeader(gen),
      'X-Forwarded-For': CLIENT_IP,
      'X-Forwarded-Port': '443',
      'X-Forwarded-Proto': 'https',
    });
    const query = parseQuery(p.query);
    const userAgent = Object.entries(headers).find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? null;
    const body = p.body === '' ? { body: null, isBase64Encoded: false } : encodeBody(p.body, p.base64Body);
    return {
      resource,
      path: p.path,
      httpMethod: p.method,
      headers,
      multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      queryStringParameters: query.length > 0 ? lastValueMap(query) : null,
      multiValueQueryStringParameters: query.length > 0 ? multiMap(query) : null,
      pathParameters,
      stageVariables: null,
      requestContext: {
        resourceId: gen.chars(6, LOWER_ALNUM),
        resourcePath: resource,
        httpMethod: p.method,
        extendedRequestId,
        requestTime: clfTime(gen.now),
        path: `/${p.stage}${p.path}`,
        accountId: ACCOUNT,
        protocol: 'HTTP/1.1',
        stage: p.stage,
        domainPrefix: apiId,
        requestTimeEpoch: gen.now,
        requestId,
        identity: {
          cognitoIdentityPoolId: null,
          accountId: null,
          cognitoIdentityId: null,
          caller: null,
          apiKey: null,
          apiKeyId: null,
          clientCert: null,
          sourceIp: CLIENT_IP,
          principalOrgId: null,
          accessKey: null,
          cognitoAuthenticationType: null,
          cognitoAuthenticationProvider: null,
          userArn: null,
          userAgent,
          user: null,
        },
        authorizer: p.authorizer as APIGatewayProxyEvent['requestContext']['authorizer'],
        domainName,
        apiId,
      },
      ...body,
    };
  },
});
