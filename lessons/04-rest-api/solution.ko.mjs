/**
 * 정답: API Gateway REST API 뒤에 있는 작은 상품 API(Lambda 프록시 통합, 페이로드 1.0).
 * 경로: GET /items, GET /items/{id}, POST /items. 나머지는 모두 405예요. 모든 응답은
 * 올바른 프록시 응답이에요: { statusCode: 숫자, headers: {...}, body: 문자열 }.
 */

// 모듈 스코프: 이 실행 환경이 살아 있는 동안만 남아요(실제 API라면 상품을 DynamoDB에 둬요).
const items = [
  { id: '1', name: 'Coffee beans' },
  { id: '2', name: 'Mug' },
];
let nextId = 3;

/** 응답을 만드는 곳은 여기 한 곳뿐이라, 모든 경로가 API Gateway가 받아들이는 모양으로 답해요. */
const json = (statusCode, data, headers = {}) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(data),
});

/** 요청 본문을 텍스트로: API Gateway는 바이너리 본문을 base64로 인코딩하고, 그렇다고 알려 줘요. */
function bodyText(event) {
  if (event.body == null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function createItem(event) {
  let input;
  try {
    input = JSON.parse(bodyText(event));
  } catch {
    return json(400, { message: 'The body must be JSON, e.g. {"name": "Teapot"}' });
  }
  const name = typeof input?.name === 'string' ? input.name.trim() : '';
  if (!name) return json(400, { message: 'name is required and must be a non-empty string' });
  const item = { id: String(nextId++), name };
  items.push(item);
  return json(201, item, { Location: `/items/${item.id}` });
}

export const handler = async (event) => {
  const { httpMethod, resource } = event;
  console.log(`${httpMethod} ${event.path}`);

  if (resource === '/items') {
    if (httpMethod === 'GET') return json(200, { items });
    if (httpMethod === 'POST') return createItem(event);
    return json(405, { message: `${httpMethod} is not allowed on /items` }, { Allow: 'GET, POST' });
  }

  if (resource === '/items/{id}') {
    if (httpMethod !== 'GET') {
      return json(405, { message: `${httpMethod} is not allowed on /items/{id}` }, { Allow: 'GET' });
    }
    const id = event.pathParameters?.id;
    const item = items.find((i) => i.id === id);
    return item ? json(200, item) : json(404, { message: `Item ${id} not found` });
  }

  return json(404, { message: `No route for ${event.path}` });
};
