/**
 * Checks of lesson 04's exercise (see exercise.yaml for the tasks): an items API behind an API
 * Gateway REST API. Every response is first checked the way API Gateway checks a Lambda proxy
 * response (sandbox/invocation-models/proxy-response.ts, restated here because checks may import
 * types only): anything else would reach the client as 502 "Internal server error".
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

interface Request {
  method: string;
  path: string;
  /** Base64 of `body` is sent (isBase64Encoded: true) when set. */
  base64?: boolean;
  body?: string | null;
}

/**
 * A REST API proxy event for `request`, from the simulator's apigateway-rest template (the same the
 * event picker builds); /items/<id> matches the resource /items/{id}.
 */
function restEvent(h: CheckHarness, { method, path, body = null, base64 = false }: Request): Record<string, unknown> {
  const id = /^\/items\/([^/]+)$/.exec(path)?.[1];
  return h.event('apigateway-rest', {
    method,
    path,
    resource: id === undefined ? path : '/items/{id}',
    query: '',
    body: body ?? '',
    base64Body: body !== null && base64,
    ...(body === null ? {} : { headers: { 'Content-Type': 'application/json' } }),
  });
}

interface HttpAnswer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  data: Record<string, unknown>;
}

const ALLOWED = ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'];

/** Why API Gateway (REST) would reject this result as a malformed proxy response, if it would. */
function malformed(value: Record<string, unknown>): string | undefined {
  const extra = Object.keys(value).filter((k) => !ALLOWED.includes(k));
  if (extra.length > 0) return `unexpected field(s) ${extra.join(', ')} (allowed: ${ALLOWED.join(', ')})`;
  const { statusCode, body, headers } = value;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599)
    return `statusCode must be an integer HTTP status, got ${JSON.stringify(statusCode)}`;
  if (body !== undefined && body !== null && typeof body !== 'string')
    return `body must be a string (use JSON.stringify), got ${Array.isArray(body) ? 'an array' : typeof body === 'object' ? 'an object' : `a ${typeof body}`}`;
  if (headers !== undefined && headers !== null) {
    if (typeof headers !== 'object' || Array.isArray(headers)) return 'headers must be an object';
    const bad = Object.entries(headers).find(([, v]) => typeof v !== 'string');
    if (bad) return `headers.${bad[0]} must be a string`;
  }
  return undefined;
}

/** Sends `request`; fails unless the answer is a well-formed proxy response with a JSON body. */
async function call(h: CheckHarness, request: Request): Promise<HttpAnswer> {
  const what = `${request.method} ${request.path}${request.body != null ? ` ${request.body}` : ''}`;
  const record = await h.invoke({ event: restEvent(h, request) });
  if (!record.ok) {
    h.fail(
      {
        en: `${what}: a response (a thrown error reaches the client as 502 "Internal server error")`,
        ko: `${what}: 응답 (오류를 던지면 클라이언트는 502 "Internal server error"를 받아요)`,
      },
      h.describe(record),
    );
  }
  const value = h.object(record);
  const problem = malformed(value);
  h.check(
    problem === undefined,
    {
      en: `${what}: a well-formed proxy response { statusCode, headers, body }`,
      ko: `${what}: 올바른 프록시 응답 { statusCode, headers, body }`,
    },
    {
      en: `Malformed Lambda proxy response: ${problem}; API Gateway answers 502 "Internal server error"`,
      ko: `Malformed Lambda proxy response: ${problem}. API Gateway는 502 "Internal server error"로 답해요`,
    },
  );
  const headers = Object.fromEntries(
    Object.entries((value.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
  );
  h.check(
    (headers['content-type'] ?? '').startsWith('application/json'),
    { en: `${what}: the header Content-Type: application/json`, ko: `${what}: Content-Type: application/json 헤더` },
    {
      en: `Content-Type was ${JSON.stringify(headers['content-type'] ?? null)}`,
      ko: `Content-Type이 ${JSON.stringify(headers['content-type'] ?? null)}였어요`,
    },
  );
  let data: unknown;
  try {
    data = JSON.parse(String(value.body));
  } catch {
    h.fail(
      { en: `${what}: a JSON body`, ko: `${what}: JSON body` },
      { en: `body was ${JSON.stringify(value.body)}`, ko: `body가 ${JSON.stringify(value.body)}였어요` },
    );
  }
  h.check(
    data !== null && typeof data === 'object' && !Array.isArray(data),
    { en: `${what}: a JSON object as the body`, ko: `${what}: body가 JSON 객체인 것` },
    { en: `body was ${String(value.body)}`, ko: `body가 ${String(value.body)}였어요` },
  );
  return { status: value.statusCode as number, headers, data: data as Record<string, unknown> };
}

/** Fails unless the status is `want`. */
function expectStatus(h: CheckHarness, request: Request, answer: HttpAnswer, want: number): void {
  const what = `${request.method} ${request.path}${request.body != null ? ` ${request.body}` : ''}`;
  h.check(
    answer.status === want,
    { en: `${what}: status ${want}`, ko: `${what}: 상태 코드 ${want}` },
    {
      en: `status ${answer.status}, body ${JSON.stringify(answer.data)}`,
      ko: `상태 코드 ${answer.status}, body ${JSON.stringify(answer.data)}`,
    },
  );
}

/** Sends and checks the status in one go. */
async function expect(h: CheckHarness, request: Request, want: number): Promise<HttpAnswer> {
  const answer = await call(h, request);
  expectStatus(h, request, answer, want);
  return answer;
}

const isItem = (x: unknown): x is { id: string; name: string } =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as { id?: unknown }).id === 'string' &&
  typeof (x as { name?: unknown }).name === 'string';

export const checks: ExerciseChecks = {
  'list-items': async (h) => {
    const { data } = await expect(h, { method: 'GET', path: '/items' }, 200);
    const list = data.items;
    h.check(
      Array.isArray(list) && list.length >= 2 && list.every(isItem) && list.some((i) => i.id === '1'),
      {
        en: 'GET /items: {"items": [...]} with the seeded items, each { id, name }',
        ko: 'GET /items: 처음 들어 있는 항목들이 { id, name } 모양으로 담긴 {"items": [...]}',
      },
      { en: `the body was ${JSON.stringify(data)}`, ko: `body가 ${JSON.stringify(data)}였어요` },
    );
  },

  'get-one-item': async (h) => {
    const found = await expect(h, { method: 'GET', path: '/items/2' }, 200);
    h.check(
      found.data.id === '2' && typeof found.data.name === 'string',
      {
        en: 'GET /items/2: the item itself, {"id": "2", "name": ...}',
        ko: 'GET /items/2: 그 항목 자체 {"id": "2", "name": ...}',
      },
      { en: `the body was ${JSON.stringify(found.data)}`, ko: `body가 ${JSON.stringify(found.data)}였어요` },
    );
    const missing = await expect(h, { method: 'GET', path: '/items/42' }, 404);
    h.check(
      typeof missing.data.message === 'string',
      { en: 'GET /items/42: a body with a message', ko: 'GET /items/42: message가 담긴 body' },
      { en: `the body was ${JSON.stringify(missing.data)}`, ko: `body가 ${JSON.stringify(missing.data)}였어요` },
    );
  },

  'create-item': async (h) => {
    const created = await expect(h, { method: 'POST', path: '/items', body: '{"name":"Teapot"}' }, 201);
    h.check(
      isItem(created.data) && created.data.name === 'Teapot',
      {
        en: 'POST /items {"name":"Teapot"}: the new item, {"id": "<new id>", "name": "Teapot"}',
        ko: 'POST /items {"name":"Teapot"}: 새 항목 {"id": "<새 ID>", "name": "Teapot"}',
      },
      { en: `the body was ${JSON.stringify(created.data)}`, ko: `body가 ${JSON.stringify(created.data)}였어요` },
    );
    // Same warm environment: the new item can be read back.
    const id = String(created.data.id);
    const back = await expect(h, { method: 'GET', path: `/items/${id}` }, 200);
    h.check(
      back.data.name === 'Teapot',
      { en: `GET /items/${id}: the item just created`, ko: `GET /items/${id}: 방금 만든 항목` },
      { en: `the body was ${JSON.stringify(back.data)}`, ko: `body가 ${JSON.stringify(back.data)}였어요` },
    );
    // A client that sends the body as binary: API Gateway passes it base64-encoded.
    const request = { method: 'POST', path: '/items', body: '{"name":"Kettle"}', base64: true };
    const kettle = await call(h, request);
    h.check(
      kettle.status === 201 && kettle.data.name === 'Kettle',
      {
        en: 'POST /items with isBase64Encoded: true (body eyJuYW1lIjoiS2V0dGxlIn0=): 201 and the item "Kettle" (decode the body first)',
        ko: 'isBase64Encoded: true인 POST /items (body eyJuYW1lIjoiS2V0dGxlIn0=): 201과 "Kettle" 항목 (body를 먼저 디코딩하세요)',
      },
      {
        en: `status ${kettle.status}, body ${JSON.stringify(kettle.data)}`,
        ko: `상태 코드 ${kettle.status}, body ${JSON.stringify(kettle.data)}`,
      },
    );
  },

  'reject-bad-body': async (h) => {
    for (const body of ['not json', '{}', '{"name":""}', '{"name":42}', null]) {
      const answer = await expect(h, { method: 'POST', path: '/items', body }, 400);
      h.check(
        typeof answer.data.message === 'string',
        {
          en: `POST /items ${body}: a body with a message saying what is wrong`,
          ko: `POST /items ${body}: 무엇이 잘못됐는지 알려 주는 message`,
        },
        { en: `the body was ${JSON.stringify(answer.data)}`, ko: `body가 ${JSON.stringify(answer.data)}였어요` },
      );
    }
  },

  'method-not-allowed': async (h) => {
    const cases: { request: Request; allow: string[] }[] = [
      { request: { method: 'DELETE', path: '/items' }, allow: ['GET', 'POST'] },
      { request: { method: 'PUT', path: '/items/1', body: '{"name":"Cup"}' }, allow: ['GET'] },
    ];
    for (const { request, allow } of cases) {
      const answer = await expect(h, request, 405);
      const header = answer.headers.allow ?? '';
      const listed = header.split(',').map((m) => m.trim().toUpperCase());
      h.check(
        allow.every((m) => listed.includes(m)),
        {
          en: `${request.method} ${request.path}: an Allow header listing ${allow.join(', ')}`,
          ko: `${request.method} ${request.path}: ${allow.join(', ')}를 적은 Allow 헤더`,
        },
        {
          en: `Allow was ${JSON.stringify(answer.headers.allow ?? null)}`,
          ko: `Allow가 ${JSON.stringify(answer.headers.allow ?? null)}였어요`,
        },
      );
    }
  },
};
