/**
 * A Lambda@Edge viewer-request function for a blog behind CloudFront. It runs before CloudFront
 * looks in its cache, and returns either the request (to carry on) or a response (to answer now).
 * Right now it lets everything through unchanged.
 * @param {{ Records: { cf: { request: { uri: string, headers: Record<string, { key: string, value: string }[]> } } }[] }} event
 */
const BLOCKED_COUNTRIES = ['AQ']; // ISO codes answered with 403 (AQ: Antarctica, for the exercise)
const SECURITY_HEADER = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };

export const handler = async (event) => {
  const request = event.Records[0].cf.request;

  // TODO (task 1): a path ending in "/" gets "index.html": /blog/ -> /blog/index.html
  // TODO (task 2): /posts/<slug> moved to /blog/<slug>/: answer with a 301 redirect
  // TODO (task 3): answer 403 when the cloudfront-viewer-country header is in BLOCKED_COUNTRIES
  // TODO (task 4): every response this function generates carries SECURITY_HEADER

  return request;
};
