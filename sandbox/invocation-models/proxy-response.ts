/**
 * The response shapes that HTTP front doors accept from a Lambda proxy integration, checked as the
 * services check them:
 * - API Gateway REST (payload 1.0): an object with statusCode (integer), headers and
 *   multiValueHeaders (objects), body (string), isBase64Encoded (boolean), nothing else;
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 * - HTTP API (payload 2.0) and Function URLs: the same fields plus cookies; a response without
 *   statusCode that is valid JSON becomes a 200 with content-type application/json and the response
 *   as the body; https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * - ALB: statusCode required, statusDescription allowed; https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */

/** An HTTP response as the client receives it. */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/** The front doors that speak HTTP. */
export type HttpFrontDoor = 'apigateway-rest' | 'apigateway-http' | 'function-url' | 'alb';

export type ProxyParse = { ok: true; response: HttpResponse } | { ok: false; reason: string };

const ALLOWED_KEYS: Record<HttpFrontDoor, readonly string[]> = {
  'apigateway-rest': ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'],
  'apigateway-http': ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded', 'cookies'],
  'function-url': ['statusCode', 'headers', 'body', 'isBase64Encoded', 'cookies'],
  alb: ['statusCode', 'statusDescription', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'],
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Headers must be an object of string values (a list of strings per name in multiValueHeaders). */
function headersProblem(name: string, v: unknown, multi: boolean): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v))
    return `${name} must be an object of header names to ${multi ? 'lists of strings' : 'strings'}, got ${describe(v)}`;
  for (const [k, value] of Object.entries(v)) {
    const ok = multi ? Array.isArray(value) && value.every((x) => typeof x === 'string') : typeof value === 'string';
    if (!ok) return `${name}.${k} must be ${multi ? 'a list of strings' : 'a string'}, got ${describe(value)}`;
  }
  return undefined;
}

function stringHeaders(v: unknown): Record<string, string> {
  if (!isPlainObject(v)) return {};
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), String(x)]));
}

/**
 * Check a function's result (JSON text) against what `door` accepts; the reason names the field that
 * broke the contract, in the words a learner needs to fix it.
 */
export function parseProxyResponse(door: HttpFrontDoor, resultJson: string): ProxyParse {
  let value: unknown;
  try {
    value = JSON.parse(resultJson);
  } catch {
    return { ok: false, reason: 'the function returned something that is not JSON' };
  }
  const relaxed = door === 'apigateway-http' || door === 'function-url';
  if (relaxed && !(isPlainObject(value) && 'statusCode' in value)) {
    // Payload 2.0: "If your Lambda function returns valid JSON and doesn't return a statusCode,
    // API Gateway assumes ... statusCode 200, content-type application/json, body: the response".
    const body = typeof value === 'string' ? value : JSON.stringify(value);
    return {
      ok: true,
      response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body, isBase64Encoded: false },
    };
  }
  if (!isPlainObject(value))
    return {
      ok: false,
      reason: `the response must be an object with statusCode, headers and body, got ${describe(value)}`,
    };
  const unknown = Object.keys(value).filter((k) => !ALLOWED_KEYS[door].includes(k));
  if (unknown.length > 0)
    return {
      ok: false,
      reason: `unexpected field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} (allowed: ${ALLOWED_KEYS[door].join(', ')})`,
    };
  const { statusCode, body, isBase64Encoded } = value;
  if (statusCode === undefined) return { ok: false, reason: 'statusCode is missing' };
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    return {
      ok: false,
      reason: `statusCode must be an integer HTTP status (100-599), got ${JSON.stringify(statusCode)}`,
    };
  }
  if (body !== undefined && body !== null && typeof body !== 'string') {
    return { ok: false, reason: `body must be a string (use JSON.stringify), got ${describe(body)}` };
  }
  if (isBase64Encoded !== undefined && typeof isBase64Encoded !== 'boolean') {
    return { ok: false, reason: `isBase64Encoded must be true or false, got ${JSON.stringify(isBase64Encoded)}` };
  }
  const problem =
    headersProblem('headers', value.headers, false) ??
    headersProblem('multiValueHeaders', value.multiValueHeaders, true);
  if (problem) return { ok: false, reason: problem };
  return {
    ok: true,
    response: {
      statusCode,
      headers: stringHeaders(value.headers),
      body: typeof body === 'string' ? body : '',
      isBase64Encoded: isBase64Encoded === true,
    },
  };
}
