/**
 * Solution: a Lambda@Edge viewer-request function. It returns the request (possibly changed) to let
 * CloudFront carry on, or a response object to answer the viewer at the edge. CloudFront's shape:
 * `status` is a string, and headers are keyed by lowercase name, each a list of { key, value }.
 * @param {{ Records: { cf: { request: { uri: string, headers: Record<string, { key: string, value: string }[]> } } }[] }} event
 */
const BLOCKED_COUNTRIES = ['AQ']; // ISO codes answered with 403 (AQ: Antarctica, for the exercise)
const SECURITY_HEADER = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };

/** A response generated at the edge, always with the security header. */
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

  // Header names arrive in lowercase; each value is a list of { key, value }.
  const country = request.headers['cloudfront-viewer-country']?.[0]?.value;
  if (country && BLOCKED_COUNTRIES.includes(country)) {
    return respond(403, 'Forbidden', { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }] }, 'Not available in your country');
  }

  const moved = /^\/posts\/([^/]+)\/?$/.exec(request.uri);
  if (moved) {
    return respond(301, 'Moved Permanently', { location: [{ key: 'Location', value: `/blog/${moved[1]}/` }] });
  }

  if (request.uri.endsWith('/')) {
    request.uri += 'index.html'; // the origin (an S3 bucket) has no "directory index" of its own
  }
  return request;
};
