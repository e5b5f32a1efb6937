/**
 * Solution: a small items API behind an API Gateway REST API (Lambda proxy integration, payload 1.0).
 * Routes: GET /items, GET /items/{id}, POST /items; anything else is 405. Every answer is a
 * well-formed proxy response: { statusCode: number, headers: {...}, body: string }.
 */

// Module scope: lives as long as this execution environment (a real API keeps items in DynamoDB).
const items = [
  { id: '1', name: 'Coffee beans' },
  { id: '2', name: 'Mug' },
];
let nextId = 3;

/** The one place responses are built, so every route returns the shape API Gateway accepts. */
const json = (statusCode, data, headers = {}) => ({
  statusCode,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(data),
});

/** The request body as text: API Gateway base64-encodes binary bodies and says so. */
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
