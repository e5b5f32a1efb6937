/**
 * A custom event put on an EventBridge bus (PutEvents) and matched by a rule, in the envelope
 * https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html describes.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { ACCOUNT, REGION, isoSeconds } from '../aws-formats.ts';
import { EventParameterError, defineEventTemplate } from '../template-types.ts';

export const eventbridgeCustom = defineEventTemplate({
  name: 'eventbridge-custom',
  title: { en: 'EventBridge custom event', ko: 'EventBridge 사용자 지정 이벤트' },
  invocation: 'async',
  awsType: 'EventBridgeEvent<string, unknown>',
  source: 'https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html',
  parameters: [
    {
      name: 'source',
      kind: 'string',
      default: 'com.coldstart.orders',
      pattern: '[^\\s]{1,256}',
      patternHint: 'a source (1-256 characters without spaces, e.g. com.example.orders)',
      label: { en: 'Source', ko: '소스' },
      description: {
        en: "Who sent the event, e.g. com.example.orders (the 'aws.' prefix is reserved).",
        ko: "이벤트를 보낸 곳. 예: com.example.orders ('aws.' 접두사는 예약됨).",
      },
    },
    {
      name: 'detailType',
      kind: 'string',
      default: 'Order Placed',
      pattern: '.{1,128}',
      patternHint: 'a detail type (1-128 characters)',
      label: { en: 'Detail type', ko: '세부 유형' },
      description: { en: 'What happened, e.g. Order Placed.', ko: '일어난 일. 예: Order Placed' },
    },
    {
      name: 'detail',
      kind: 'json',
      shape: 'object',
      default: { orderId: 'o-1001', customerId: 'c-42', total: 25.5 },
      label: { en: 'Detail', ko: '세부 정보' },
      description: { en: 'The event data as a JSON object.', ko: 'JSON 객체로 쓴 이벤트 데이터.' },
    },
    {
      name: 'resources',
      kind: 'json',
      shape: 'string-array',
      minItems: 0,
      default: [],
      label: { en: 'Resources', ko: '리소스' },
      description: {
        en: 'ARNs the event concerns, as a JSON array of strings (often empty).',
        ko: '이벤트와 관련된 ARN들의 JSON 문자열 배열 (흔히 비어 있음).',
      },
    },
  ],
  build(p, gen): EventBridgeEvent<string, unknown> {
    if (p.source.startsWith('aws.')) {
      throw new EventParameterError(
        `parameter 'source' (${p.source}): sources starting with 'aws.' are reserved for AWS services; PutEvents rejects them`,
      );
    }
    return {
      version: '0',
      id: gen.uuid(),
      'detail-type': p.detailType,
      source: p.source,
      account: ACCOUNT,
      time: isoSeconds(gen.now),
      region: REGION,
      resources: p.resources as string[],
      detail: p.detail,
    };
  },
});
