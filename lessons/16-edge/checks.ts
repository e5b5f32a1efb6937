/**
 * Checks of lesson 16's exercise (see exercise.yaml for the tasks). Each invoke sends a CloudFront
 * viewer-request event shaped like the cloudfront-viewer-request template, and reads what comes
 * back the way CloudFront does: an object with `status` is a response for the viewer (status a
 * string, headers keyed by lowercase name, each a list of { key, value }); anything else is the
 * request to carry on with.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

/** A viewer-request event for `uri`, with an optional viewer country. */
function viewerRequest(uri: string, country?: string): unknown {
  const headers: Record<string, { key: string; value: string }[]> = {
    accept: [{ key: 'Accept', value: 'text/html' }],
    host: [{ key: 'Host', value: 'dekzi54k19tshl.cloudfront.net' }],
    'user-agent': [{ key: 'User-Agent', value: 'curl/8.5.0' }],
  };
  if (country) headers['cloudfront-viewer-country'] = [{ key: 'CloudFront-Viewer-Country', value: country }];
  return {
    Records: [
      {
        cf: {
          config: {
            distributionDomainName: 'dekzi54k19tshl.cloudfront.net',
            distributionId: 'EB376U7E7O2ZQ6',
            eventType: 'viewer-request',
            requestId: 'pTnmMyW2ozDhVggb3-jH9ePfpkPK_hrV2B3EmXpC8PTuLdaYiaPzyA==',
          },
          request: { clientIp: '203.0.113.178', headers, method: 'GET', querystring: '', uri },
        },
      },
    ],
  };
}

const label = (uri: string, country?: string) => (country ? `${uri} from ${country}` : uri);
const labelKo = (uri: string, country?: string) => (country ? `${country}에서 온 ${uri}` : uri);

/** Invokes with a viewer request and returns what came back. */
async function send(h: CheckHarness, uri: string, country?: string): Promise<Record<string, unknown>> {
  return h.object(await h.invoke({ event: viewerRequest(uri, country) }));
}

/** Fails unless the function let the request go on, with `uri`. */
function expectRequest(h: CheckHarness, got: Record<string, unknown>, sent: string, uri: string, country?: string) {
  h.check(
    got.status === undefined && got.uri === uri,
    {
      en: `for ${label(sent, country)}, the request returned with uri "${uri}"`,
      ko: `${labelKo(sent, country)} 요청에 대해 uri가 "${uri}"인 요청 객체를 반환하는 것`,
    },
    got.status !== undefined
      ? { en: `a response with status ${JSON.stringify(got.status)}`, ko: `status ${JSON.stringify(got.status)}인 응답이 왔어요` }
      : { en: `uri was ${JSON.stringify(got.uri)}`, ko: `uri 값: ${JSON.stringify(got.uri)}` },
  );
}

/** Reads one header of a generated response in CloudFront's shape, failing on the wrong shape. */
function header(h: CheckHarness, response: Record<string, unknown>, name: string): { key?: unknown; value?: unknown } | undefined {
  const headers = response.headers as Record<string, unknown> | undefined;
  const entry = headers?.[name];
  if (entry === undefined) return undefined;
  h.check(
    Array.isArray(entry) && entry.length > 0 && typeof entry[0] === 'object',
    {
      en: `headers["${name}"] to be a list of { key, value }`,
      ko: `headers["${name}"]가 { key, value } 목록인 것`,
    },
    { en: `it was ${JSON.stringify(entry)}`, ko: `실제 값: ${JSON.stringify(entry)}` },
  );
  return (entry as { key?: unknown; value?: unknown }[])[0];
}

/** Fails unless a generated response has `status` (a string). */
function expectStatus(h: CheckHarness, got: Record<string, unknown>, status: string, sent: string, country?: string) {
  h.check(
    got.status === status,
    {
      en: `for ${label(sent, country)}, a response with status "${status}" (a string)`,
      ko: `${labelKo(sent, country)} 요청에 대해 status가 "${status}"(문자열)인 응답`,
    },
    got.status === undefined
      ? { en: `the request came back (uri ${JSON.stringify(got.uri)})`, ko: `요청 객체가 그대로 반환됐어요 (uri ${JSON.stringify(got.uri)})` }
      : { en: `status was ${JSON.stringify(got.status)}`, ko: `status 값: ${JSON.stringify(got.status)}` },
  );
}

export const checks: ExerciseChecks = {
  'rewrite-index': async (h) => {
    expectRequest(h, await send(h, '/blog/'), '/blog/', '/blog/index.html');
    expectRequest(h, await send(h, '/blog/2026/'), '/blog/2026/', '/blog/2026/index.html');
    expectRequest(h, await send(h, '/'), '/', '/index.html');
    expectRequest(h, await send(h, '/about.html'), '/about.html', '/about.html');
  },

  'redirect-old-paths': async (h) => {
    for (const slug of ['hello', 'cold-starts']) {
      const sent = `/posts/${slug}`;
      const got = await send(h, sent);
      expectStatus(h, got, '301', sent);
      const location = header(h, got, 'location');
      h.check(
        location?.value === `/blog/${slug}/`,
        {
          en: `headers.location = [{ key: "Location", value: "/blog/${slug}/" }]`,
          ko: `headers.location = [{ key: "Location", value: "/blog/${slug}/" }]`,
        },
        {
          en: `headers were ${JSON.stringify(got.headers)}`,
          ko: `실제 headers: ${JSON.stringify(got.headers)}`,
        },
      );
    }
    expectRequest(h, await send(h, '/blog/hello/'), '/blog/hello/', '/blog/hello/index.html');
  },

  'block-country': async (h) => {
    expectStatus(h, await send(h, '/blog/', 'AQ'), '403', '/blog/', 'AQ');
    expectStatus(h, await send(h, '/posts/hello', 'AQ'), '403', '/posts/hello', 'AQ');
    expectRequest(h, await send(h, '/blog/', 'KR'), '/blog/', '/blog/index.html', 'KR');
    expectRequest(h, await send(h, '/about.html', 'US'), '/about.html', '/about.html', 'US');
    expectRequest(h, await send(h, '/about.html'), '/about.html', '/about.html');
  },

  'security-header': async (h) => {
    const cases: [string, string | undefined, string][] = [
      ['/posts/hello', undefined, '301'],
      ['/blog/', 'AQ', '403'],
    ];
    for (const [uri, country, status] of cases) {
      const got = await send(h, uri, country);
      expectStatus(h, got, status, uri, country);
      const hsts = header(h, got, 'strict-transport-security');
      h.check(
        hsts?.key === 'Strict-Transport-Security' && typeof hsts.value === 'string' && hsts.value.startsWith('max-age='),
        {
          en: `the ${status} response to carry headers["strict-transport-security"] = [{ key: "Strict-Transport-Security", value: "max-age=..." }]`,
          ko: `${status} 응답에 headers["strict-transport-security"] = [{ key: "Strict-Transport-Security", value: "max-age=..." }]가 있는 것`,
        },
        { en: `headers were ${JSON.stringify(got.headers)}`, ko: `실제 headers: ${JSON.stringify(got.headers)}` },
      );
    }
  },
};
