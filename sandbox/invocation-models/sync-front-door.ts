/**
 * What a synchronous caller receives when a service invokes a function and waits (lambda-invocation.html):
 * API Gateway REST and HTTP APIs, Function URLs and ALB turn the invocation into an HTTP response;
 * Cognito and CloudFront into their own errors. Each one explains a failure in its own log, as AWS
 * does (API Gateway's execution log for a 502 "Malformed Lambda proxy response").
 */
import type { InvocationRecord } from '../invocation/record.ts';
import { HTTP_API_INTEGRATION_TIMEOUT_MS, REST_INTEGRATION_TIMEOUT_MS } from './constants.ts';
import { parseProxyResponse, type HttpFrontDoor } from './proxy-response.ts';
import type { EventSourceName } from './trace-types.ts';

/** The caller's view of a synchronous invocation. */
export interface SyncOutcome {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** The service's log lines (API Gateway execution log, ALB/CloudFront notes). */
  serviceLog: string[];
}

/** Options of frontDoorResponse. */
export interface FrontDoorOptions {
  /** Integration timeout in ms (default 29,000 for REST, 30,000 for HTTP APIs; none for the others). */
  integrationTimeoutMs?: number;
  /** Virtual time of the request, for log time stamps. */
  nowMs: number;
  /** API Gateway's own request id (not Lambda's). */
  gatewayRequestId: string;
  method?: string;
  path?: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's execution-log time: `Thu Apr 09 12:34:56 UTC 2026`. */
export function gatewayLogTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

const json = (statusCode: number, message: string, serviceLog: string[]): SyncOutcome => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message }),
  serviceLog,
});

/** The default integration timeout of a front door, in ms (undefined: bounded by the function's timeout only). */
export function defaultIntegrationTimeoutMs(door: EventSourceName): number | undefined {
  if (door === 'apigateway-rest') return REST_INTEGRATION_TIMEOUT_MS;
  if (door === 'apigateway-http') return HTTP_API_INTEGRATION_TIMEOUT_MS;
  return undefined;
}

/**
 * API Gateway (REST or HTTP API): proxy response check, 502/500 on errors, 504/503 on integration timeout.
 * REST: 502 {"message": "Internal server error"} for a function error or a malformed response
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html). HTTP API: 500
 * {"message":"Internal Server Error"} (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html).
 * HTTP API timeout: 503 "Service Unavailable" is what users report; AWS's knowledge-center page on 504s
 * names HTTP APIs too without a body, so this one stays unconfirmed.
 */
function apiGateway(
  door: 'apigateway-rest' | 'apigateway-http',
  record: InvocationRecord,
  o: FrontDoorOptions,
): SyncOutcome {
  const rest = door === 'apigateway-rest';
  const t = gatewayLogTime(o.nowMs);
  const log = [
    `${t} : Starting execution for request: ${o.gatewayRequestId}`,
    `${t} : HTTP Method: ${o.method ?? 'GET'}, Resource Path: ${o.path ?? '/'}`,
  ];
  const end = (status: number): string =>
    `${gatewayLogTime(o.nowMs + record.report.durationMs)} : Method completed with status: ${status}`;
  const timeout = o.integrationTimeoutMs ?? defaultIntegrationTimeoutMs(door)!;
  if (record.report.durationMs > timeout) {
    // The function keeps running (and is billed) after API Gateway gives up on it.
    log.push(`${gatewayLogTime(o.nowMs + timeout)} : Execution failed due to a timeout error`);
    if (rest) return json(504, 'Endpoint request timed out', [...log, end(504)]);
    return json(503, 'Service Unavailable', [...log, end(503)]);
  }
  log.push(`${t} : Endpoint request body after transformations: <the ${rest ? '1.0' : '2.0'} proxy event>`);
  if (!record.ok) {
    log.push(
      `${gatewayLogTime(o.nowMs + record.report.durationMs)} : Lambda execution failed with status 200 due to customer function error: ${record.error.errorMessage}. Lambda request id: ${record.requestId}`,
    );
    return rest
      ? json(502, 'Internal server error', [...log, end(502)])
      : json(500, 'Internal Server Error', [...log, end(500)]);
  }
  log.push(`${t} : Endpoint response body before transformations: ${record.result}`);
  const parsed = parseProxyResponse(door, record.result);
  if (!parsed.ok) {
    log.push(
      `${t} : Execution failed due to configuration error: Malformed Lambda proxy response`,
      `${t} : Coldstart: ${parsed.reason}`,
    );
    return rest
      ? json(502, 'Internal server error', [...log, end(502)])
      : json(500, 'Internal Server Error', [...log, end(500)]);
  }
  const { statusCode, headers, body } = parsed.response;
  return { statusCode, headers, body, serviceLog: [...log, end(statusCode)] };
}

/**
 * The response a synchronous caller gets for `record`. Cognito and CloudFront return the function's
 * result (or their error) as a 200/5xx with a JSON body; a direct Invoke returns 200 with
 * X-Amz-Function-Error on a function error (API_Invoke.html).
 */
export function frontDoorResponse(door: EventSourceName, record: InvocationRecord, o: FrontDoorOptions): SyncOutcome {
  if (door === 'apigateway-rest' || door === 'apigateway-http') return apiGateway(door, record, o);
  if (door === 'function-url' || door === 'alb') {
    const httpDoor: HttpFrontDoor = door;
    if (!record.ok) {
      const why = `the function failed: ${record.error.errorType}: ${record.error.errorMessage}`;
      return door === 'alb'
        ? {
            statusCode: 502,
            headers: { 'content-type': 'text/html' },
            body: '<html><body><center><h1>502 Bad Gateway</h1></center></body></html>',
            serviceLog: [`ELB: Lambda target returned an error (${why})`],
          }
        : {
            statusCode: 502,
            headers: { 'content-type': 'text/plain' },
            body: 'Internal Server Error',
            serviceLog: [`Function URL: ${why}`],
          };
    }
    const parsed = parseProxyResponse(httpDoor, record.result);
    if (!parsed.ok) {
      return door === 'alb'
        ? {
            statusCode: 502,
            headers: { 'content-type': 'text/html' },
            body: '<html><body><center><h1>502 Bad Gateway</h1></center></body></html>',
            serviceLog: [`ELB: the Lambda target's response is malformed (${parsed.reason})`],
          }
        : {
            statusCode: 502,
            headers: { 'content-type': 'text/plain' },
            body: 'Internal Server Error',
            serviceLog: [`Function URL: the response is malformed (${parsed.reason})`],
          };
    }
    const { statusCode, headers, body } = parsed.response;
    return { statusCode, headers, body, serviceLog: [] };
  }
  if (door === 'cognito') {
    if (record.ok)
      return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: record.result, serviceLog: [] };
    // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
    const message = `PreSignUp failed with error ${record.error.errorMessage}.`;
    return {
      statusCode: 400,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ __type: 'UserLambdaValidationException', message }),
      serviceLog: [`UserLambdaValidationException: ${message}`],
    };
  }
  if (door === 'cloudfront') {
    if (record.ok)
      return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: record.result, serviceLog: [] };
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-503-service-unavailable.html
    return {
      statusCode: 503,
      headers: { 'content-type': 'text/html' },
      body: "503 ERROR: The Lambda function associated with the CloudFront distribution is invalid or doesn't have the required permissions.",
      serviceLog: [`LambdaExecutionError: ${record.error.errorType}: ${record.error.errorMessage}`],
    };
  }
  // A direct synchronous Invoke: 200 either way; a function error sets X-Amz-Function-Error (API_Invoke.html).
  if (record.ok) return { statusCode: 200, headers: {}, body: record.result, serviceLog: [] };
  return {
    statusCode: 200,
    headers: { 'x-amz-function-error': 'Unhandled' },
    body: JSON.stringify({
      errorType: record.error.errorType,
      errorMessage: record.error.errorMessage,
      trace: record.error.trace,
    }),
    serviceLog: [],
  };
}
