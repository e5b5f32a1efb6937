/**
 * API Gateway REST API 뒤에 있는 작은 상품 API예요(Lambda 프록시 통합, 페이로드 1.0).
 * 이벤트가 곧 HTTP 요청이에요: httpMethod, path, resource, pathParameters, queryStringParameters,
 * headers, body(문자열이고, isBase64Encoded가 true면 base64로 인코딩되어 있어요).
 * 반환값은 프록시 응답이어야 해요: { statusCode, headers, body }, 그리고 body는 반드시 문자열이에요.
 */
const items = [
  { id: '1', name: 'Coffee beans' },
  { id: '2', name: 'Mug' },
];

export const handler = async (event) => {
  console.log(`${event.httpMethod} ${event.path}`);

  // 실행해 보면 API Gateway가 502 "Internal server error"로 답해요. 왜일까요? (힌트: body의 타입은?)
  // TODO 1: GET /items: 200, 헤더 Content-Type: application/json, body는 JSON.stringify({ items }).
  // TODO 2: GET /items/{id}(event.resource === '/items/{id}', id는 event.pathParameters.id): 그 상품, 없으면 404.
  // TODO 3: JSON 본문 {"name": "..."}이 담긴 POST /items: 201과 새 상품(isBase64Encoded를 잊지 마세요).
  // TODO 4: 본문이 JSON이 아니거나 name이 없으면: 메시지와 함께 400.
  // TODO 5: 그 밖의 메서드: Allow 헤더와 함께 405.
  return {
    statusCode: 200,
    body: { items },
  };
};
