/**
 * CloudFront 뒤에 있는 블로그의 Lambda@Edge 뷰어 요청 함수예요. CloudFront가 캐시를 찾아보기 전에
 * 실행돼요. 요청을 반환하면 CloudFront가 그대로 진행하고, 응답을 반환하면 그 자리에서 바로 답해요.
 * 지금은 모든 요청을 바꾸지 않고 그대로 통과시켜요.
 * @param {{ Records: { cf: { request: { uri: string, headers: Record<string, { key: string, value: string }[]> } } }[] }} event
 */
const BLOCKED_COUNTRIES = ['AQ']; // 403으로 답할 ISO 국가 코드(AQ: 남극, 실습용이에요)
const SECURITY_HEADER = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };

export const handler = async (event) => {
  const request = event.Records[0].cf.request;

  // TODO (과제 1): "/"로 끝나는 경로에는 "index.html"을 붙여요: /blog/ -> /blog/index.html
  // TODO (과제 2): /posts/<slug>는 /blog/<slug>/로 옮겨졌어요: 301 리디렉션으로 답하세요
  // TODO (과제 3): cloudfront-viewer-country 헤더가 BLOCKED_COUNTRIES에 있으면 403으로 답하세요
  // TODO (과제 4): 이 함수가 만드는 모든 응답에 SECURITY_HEADER를 붙이세요

  return request;
};
