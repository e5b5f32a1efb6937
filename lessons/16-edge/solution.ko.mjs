/**
 * 정답: Lambda@Edge 뷰어 요청 함수. 요청을(바꿨을 수도 있어요) 반환하면 CloudFront가 계속 진행하고,
 * 응답 객체를 반환하면 엣지에서 곧바로 뷰어에게 답해요. CloudFront의 모양은 이래요:
 * `status`는 문자열이고, 헤더는 소문자 이름을 키로 해서 각각 { key, value }의 목록이에요.
 * @param {{ Records: { cf: { request: { uri: string, headers: Record<string, { key: string, value: string }[]> } } }[] }} event
 */
const BLOCKED_COUNTRIES = ['AQ']; // 403으로 답할 ISO 국가 코드(AQ: 남극, 실습용이에요)
const SECURITY_HEADER = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };

/** 엣지에서 만드는 응답. 언제나 보안 헤더가 붙어요. */
function respond(status, statusDescription, headers = {}, body = undefined) {
  const response = {
    status: String(status),
    statusDescription,
    headers: { ...headers, 'strict-transport-security': [SECURITY_HEADER] },
  };
  if (body !== undefined) response.body = body;
  return response;
}

export const handler = async (event) => {
  const request = event.Records[0].cf.request;

  // 헤더 이름은 소문자로 들어오고, 값은 각각 { key, value }의 목록이에요.
  const country = request.headers['cloudfront-viewer-country']?.[0]?.value;
  if (country && BLOCKED_COUNTRIES.includes(country)) {
    return respond(403, 'Forbidden', { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }] }, 'Not available in your country');
  }

  const moved = /^\/posts\/([^/]+)\/?$/.exec(request.uri);
  if (moved) {
    return respond(301, 'Moved Permanently', { location: [{ key: 'Location', value: `/blog/${moved[1]}/` }] });
  }

  if (request.uri.endsWith('/')) {
    request.uri += 'index.html'; // 오리진(S3 버킷)에는 자체 "디렉터리 인덱스"가 없어요
  }
  return request;
};
