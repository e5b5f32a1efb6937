/**
 * A small items API behind an API Gateway REST API (Lambda proxy integration, payload 1.0).
 * The event is the HTTP request: httpMethod, path, resource, pathParameters, queryStringParameters,
 * headers and body (a string, base64-encoded when isBase64Encoded is true).
 * The return value must be a proxy response: { statusCode, headers, body }, with body a STRING.
 */
const items = [
  { id: '1', name: 'Coffee beans' },
  { id: '2', name: 'Mug' },
];

export const handler = async (event) => {
  console.log(`${event.httpMethod} ${event.path}`);

  // Run it: API Gateway answers 502 "Internal server error". Why? (Hint: what type is body?)
  // TODO 1: GET /items: 200, header Content-Type: application/json, body JSON.stringify({ items }).
  // TODO 2: GET /items/{id} (event.resource === '/items/{id}', id in event.pathParameters.id): the item, or 404.
  // TODO 3: POST /items with a JSON body {"name": "..."}: 201 and the new item (mind isBase64Encoded).
  // TODO 4: a body that is not JSON, or has no name: 400 with a message.
  // TODO 5: any other method: 405 with an Allow header.
  return {
    statusCode: 200,
    body: { items },
  };
};
