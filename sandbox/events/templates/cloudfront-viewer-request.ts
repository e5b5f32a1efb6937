/**
 * CloudFront viewer request to a Lambda@Edge function, shaped like the sample in
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
 * Header names are lowercase keys, each holding [{ key, value }] with the name as sent.
 */
import type { CloudFrontHeaders, CloudFrontRequestEvent } from 'aws-lambda';
import { HTTP_METHODS, headerMap, withDefaultHeaders, CLIENT_USER_AGENT } from '../http-parameters.ts';
import { LOWER_ALNUM, UPPER_ALNUM } from '../event-gen.ts';
import { defineEventTemplate } from '../template-types.ts';

export const cloudfrontViewerRequest = defineEventTemplate({
  name: 'cloudfront-viewer-request',
  title: { en: 'CloudFront viewer request (Lambda@Edge)', ko: 'CloudFront 뷰어 요청 (Lambda@Edge)' },
  invocation: 'sync',
  awsType: 'CloudFrontRequestEvent',
  source: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html',
  parameters: [
    {
      name: 'method',
      kind: 'enum',
      options: HTTP_METHODS,
      default: 'GET',
      label: { en: 'Method', ko: '메서드' },
      description: { en: 'The HTTP method of the viewer request.', ko: '뷰어 요청의 HTTP 메서드.' },
    },
    {
      name: 'uri',
      kind: 'string',
      default: '/index.html',
      pattern: '/[^\\s?#]*',
      patternHint: "a URI path starting with '/' (put the query in 'querystring')",
      label: { en: 'URI', ko: 'URI' },
      description: { en: 'The requested path.', ko: '요청한 경로.' },
    },
    {
      name: 'querystring',
      kind: 'string',
      default: '',
      label: { en: 'Query string', ko: '쿼리 문자열' },
      description: { en: 'The query string without "?", e.g. lang=ko.', ko: '"?" 없는 쿼리 문자열. 예: lang=ko' },
    },
    {
      name: 'headers',
      kind: 'json',
      shape: 'string-map',
      default: { Accept: 'text/html' },
      label: { en: 'Headers', ko: '헤더' },
      description: {
        en: 'Viewer headers as a JSON object; Host and User-Agent are added.',
        ko: 'JSON 객체로 쓴 뷰어 헤더. Host와 User-Agent가 추가됩니다.',
      },
    },
    {
      name: 'clientIp',
      kind: 'string',
      default: '203.0.113.178',
      pattern: '(\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:]{2,39}',
      patternHint: 'an IPv4 or IPv6 address',
      label: { en: 'Viewer IP', ko: '뷰어 IP' },
      description: { en: "The viewer's IP address.", ko: '뷰어의 IP 주소.' },
    },
  ],
  build(p, gen): CloudFrontRequestEvent {
    const distributionDomainName = `d${gen.chars(13, LOWER_ALNUM)}.cloudfront.net`;
    const all = withDefaultHeaders(headerMap(p.headers), {
      Host: distributionDomainName,
      'User-Agent': CLIENT_USER_AGENT,
    });
    const headers: CloudFrontHeaders = {};
    for (const [key, value] of Object.entries(all)) (headers[key.toLowerCase()] ??= []).push({ key, value });
    return {
      Records: [
        {
          cf: {
            config: {
              distributionDomainName,
              // Distribution ids: 'E' and 13 uppercase letters or digits.
              distributionId: `E${gen.chars(13, UPPER_ALNUM)}`,
              eventType: 'viewer-request',
              // Request ids are 56 URL-safe base64 characters, e.g. "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==".
              requestId: gen.base64(40).replace(/\+/g, '-').replace(/\//g, '_'),
            },
            request: { clientIp: p.clientIp, headers, method: p.method, querystring: p.querystring, uri: p.uri },
          },
        },
      ],
    };
  },
});
