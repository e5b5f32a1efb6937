/**
 * Parameters shared by the HTTP templates (API Gateway REST and HTTP APIs, Function URLs, ALB) and
 * helpers that turn them into the header and body fields those events carry.
 */
import type { EventParameter } from './template-types.ts';

/** Methods the HTTP templates offer. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** method, path, query, headers, body, base64Body: the request a client sends. */
export const HTTP_PARAMETERS = [
  {
    name: 'method',
    kind: 'enum',
    options: HTTP_METHODS,
    default: 'GET',
    label: { en: 'Method', ko: '메서드' },
    description: { en: 'The HTTP method of the request.', ko: '요청의 HTTP 메서드.' },
  },
  {
    name: 'path',
    kind: 'string',
    default: '/hello',
    pattern: '/[^\\s?#]*',
    patternHint: "a path starting with '/' without spaces, '?' or '#' (put the query in 'query')",
    label: { en: 'Path', ko: '경로' },
    description: { en: 'The request path, e.g. /orders/42.', ko: '요청 경로. 예: /orders/42' },
  },
  {
    name: 'query',
    kind: 'string',
    default: 'name=coldstart',
    label: { en: 'Query string', ko: '쿼리 문자열' },
    description: {
      en: 'The raw query string without "?", URL-encoded as a browser sends it, e.g. name=Ada&tag=a&tag=b.',
      ko: '"?" 없이 브라우저가 보내는 그대로 URL 인코딩된 쿼리 문자열. 예: name=Ada&tag=a&tag=b',
    },
  },
  {
    name: 'headers',
    kind: 'json',
    shape: 'string-map',
    default: { Accept: 'application/json' },
    label: { en: 'Headers', ko: '헤더' },
    description: {
      en: 'Request headers as a JSON object; Host, User-Agent and the X-Forwarded-* headers are added as AWS adds them.',
      ko: 'JSON 객체로 쓴 요청 헤더. Host, User-Agent, X-Forwarded-* 헤더는 AWS처럼 자동으로 추가됩니다.',
    },
  },
  {
    name: 'body',
    kind: 'string',
    default: '',
    label: { en: 'Body', ko: '본문' },
    description: { en: 'The request body as text; empty for none.', ko: '텍스트로 쓴 요청 본문. 없으면 비워 둡니다.' },
  },
  {
    name: 'base64Body',
    kind: 'boolean',
    default: false,
    label: { en: 'Binary body (base64)', ko: '바이너리 본문 (base64)' },
    description: {
      en: 'Send the body base64-encoded with isBase64Encoded: true, as AWS does for binary content.',
      ko: 'AWS가 바이너리 콘텐츠에 하듯 본문을 base64로 인코딩하고 isBase64Encoded: true로 보냅니다.',
    },
  },
] as const satisfies readonly EventParameter[];

/** The body field and isBase64Encoded flag for a body text. */
export function encodeBody(body: string, base64: boolean): { body: string; isBase64Encoded: boolean } {
  return base64
    ? { body: Buffer.from(body, 'utf8').toString('base64'), isBase64Encoded: true }
    : { body, isBase64Encoded: false };
}

/** The client's address in every HTTP template (TEST-NET-3, RFC 5737). */
export const CLIENT_IP = '203.0.113.10';
/** The client's User-Agent unless the headers parameter gives one. */
export const CLIENT_USER_AGENT = 'curl/8.5.0';

/** The headers parameter as a plain string map (the parameter's shape is checked before build). */
export function headerMap(value: unknown): Record<string, string> {
  return { ...(value as Record<string, string>) };
}

/** Find a header case-insensitively. */
export function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** `user` headers first, then the defaults whose names (case-insensitively) the user did not give. */
export function withDefaultHeaders(
  user: Record<string, string>,
  defaults: Record<string, string>,
): Record<string, string> {
  const out = { ...user };
  for (const [k, v] of Object.entries(defaults)) if (findHeader(user, k) === undefined) out[k] = v;
  return out;
}

/** Lowercase names, joining repeated names with ',' as HTTP API payload v2 and Function URLs do. */
export function lowercaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const key = k.toLowerCase();
    out[key] = out[key] === undefined ? v : `${out[key]},${v}`;
  }
  return out;
}

/** The Content-Type a client would send with `body` (none without a body). */
export function bodyContentType(body: string): Record<string, string> {
  if (body === '') return {};
  try {
    JSON.parse(body);
    return { 'Content-Type': 'application/json' };
  } catch {
    return { 'Content-Type': 'text/plain; charset=utf-8' };
  }
}

/**
 * Path parameters of `path` under a route like `/orders/{id}` or `/{proxy+}`: an object of them, null
 * when the route has none, or undefined when the path does not match the route.
 */
export function matchRoute(route: string, path: string): Record<string, string> | null | undefined {
  const r = route.split('/').filter(Boolean);
  const p = path.split('/').filter(Boolean);
  const out: Record<string, string> = {};
  for (let i = 0; i < r.length; i++) {
    const seg = r[i] ?? '';
    const greedy = /^\{(.+)\+\}$/.exec(seg);
    if (greedy?.[1] !== undefined) {
      if (i !== r.length - 1 || p.length <= i) return undefined;
      out[greedy[1]] = p.slice(i).join('/');
      return out;
    }
    const part = p[i];
    if (part === undefined) return undefined;
    const named = /^\{(.+)\}$/.exec(seg);
    if (named?.[1] !== undefined) out[named[1]] = decodeURIComponent(part);
    else if (seg !== part) return undefined;
  }
  if (p.length !== r.length) return undefined;
  return Object.keys(out).length > 0 ? out : null;
}
