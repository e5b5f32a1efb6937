/**
 * CloudWatch Logs subscription filter delivery: `awslogs.data` is the base64 of the gzip of the
 * JSON payload (messageType, owner, logGroup, logStream, subscriptionFilters, logEvents), as
 * https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchlogs.html and
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html describe.
 */
import { gzipSync } from 'node:zlib';
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from 'aws-lambda';
import { ACCOUNT } from '../aws-formats.ts';
import { defineEventTemplate } from '../template-types.ts';

export const cloudwatchLogs = defineEventTemplate({
  name: 'cloudwatch-logs',
  title: { en: 'CloudWatch Logs subscription', ko: 'CloudWatch Logs 구독' },
  invocation: 'async',
  awsType: 'CloudWatchLogsEvent',
  source: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html',
  parameters: [
    {
      name: 'logGroup',
      kind: 'string',
      default: '/aws/lambda/orders-function',
      pattern: '[A-Za-z0-9_./#-]{1,512}',
      patternHint: "a log group name (1-512 letters, digits, '_', '-', '/', '.' and '#')",
      label: { en: 'Log group', ko: '로그 그룹' },
      description: { en: 'The log group the subscription filter is on.', ko: '구독 필터가 걸린 로그 그룹.' },
    },
    {
      name: 'logStream',
      kind: 'string',
      default: '',
      pattern: '[^:*]{0,512}',
      patternHint:
        "a log stream name (at most 512 characters, no ':' or '*'; empty for a generated Lambda stream name)",
      label: { en: 'Log stream', ko: '로그 스트림' },
      description: {
        en: 'The log stream; empty: a Lambda-style name like 2026/04/09/[$LATEST]<32 hex>.',
        ko: '로그 스트림. 비우면 2026/04/09/[$LATEST]<32 hex> 같은 Lambda식 이름.',
      },
    },
    {
      name: 'filterName',
      kind: 'string',
      default: 'errors-to-processor',
      pattern: '[^:*]{1,512}',
      patternHint: "a subscription filter name (1-512 characters, no ':' or '*')",
      label: { en: 'Subscription filter', ko: '구독 필터' },
      description: { en: 'The name of the subscription filter that matched.', ko: '일치한 구독 필터의 이름.' },
    },
    {
      name: 'messages',
      kind: 'json',
      shape: 'string-array',
      maxItems: 10_000,
      default: ['ERROR Payment declined for order o-1001', 'ERROR Timeout calling the inventory service'],
      label: { en: 'Log messages', ko: '로그 메시지' },
      description: { en: 'The matching log lines, oldest first.', ko: '일치한 로그 줄. 오래된 것부터.' },
    },
  ],
  build(p, gen): CloudWatchLogsEvent {
    const messages = p.messages as string[];
    const logStream =
      p.logStream === ''
        ? `${new Date(gen.now).toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${gen.hex(32)}`
        : p.logStream;
    // Log event ids are 56-digit decimals that grow with time.
    let id = BigInt(`3${gen.digits(55)}`);
    const payload: CloudWatchLogsDecodedData = {
      messageType: 'DATA_MESSAGE',
      owner: ACCOUNT,
      logGroup: p.logGroup,
      logStream,
      subscriptionFilters: [p.filterName],
      logEvents: messages.map((message, i) => {
        id += BigInt(gen.int(1, 999_999)) * 10n ** 30n;
        return { id: id.toString(), timestamp: gen.now - (messages.length - i) * 1000 + gen.int(0, 999), message };
      }),
    };
    return { awslogs: { data: gzipSync(Buffer.from(JSON.stringify(payload), 'utf8')).toString('base64') } };
  },
});
