/**
 * The request part shared by payload format 2.0 events (API Gateway HTTP APIs and Lambda Function
 * URLs): lowercase headers with repeated names joined by ',', cookies moved to their own array,
 * decoded query parameters with repeated names joined by ',', and the body only when there is one.
 */
import type { QueryPair } from './aws-formats.ts';
import {
  CLIENT_IP,
  CLIENT_USER_AGENT,
  bodyContentType,
  encodeBody,
  headerMap,
  lowercaseHeaders,
  withDefaultHeaders,
} from './http-parameters.ts';

/** The HTTP parameters a v2 request is built from. */
export interface V2Params {
  method: string;
  path: string;
  headers: unknown;
  body: string;
  base64Body: boolean;
}

/** Fields to spread into a v2 event. */
export function v2Request(p: V2Params, domainName: string, trace: string, query: readonly QueryPair[]) {
  const all = lowercaseHeaders(
    withDefaultHeaders(headerMap(p.headers), {
      ...bodyContentType(p.body),
      Host: domainName,
      'User-Agent': CLIENT_USER_AGENT,
      'X-Amzn-Trace-Id': trace,
      'X-Forwarded-For': CLIENT_IP,
      'X-Forwarded-Port': '443',
      'X-Forwarded-Proto': 'https',
    }),
  );
  const { cookie, ...headers } = all;
  const params: Record<string, string> = {};
  for (const { name, value } of query) params[name] = params[name] === undefined ? value : `${params[name]},${value}`;
  return {
    headers,
    cookies: cookie === undefined ? {} : { cookies: cookie.split(/;\s*/).filter(Boolean) },
    queryStringParameters: query.length > 0 ? { queryStringParameters: params } : {},
    body: p.body === '' ? { isBase64Encoded: false } : encodeBody(p.body, p.base64Body),
    http: {
      method: p.method,
      path: p.path,
      protocol: 'HTTP/1.1',
      sourceIp: CLIENT_IP,
      userAgent: headers['user-agent'] ?? '',
    },
  };
}
