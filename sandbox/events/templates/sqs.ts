/**
 * A batch of SQS messages from an event source mapping, shaped like the sample in
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html. md5OfBody is the real MD5 of each
 * body; FIFO queues (names ending in .fifo) add MessageGroupId, MessageDeduplicationId and
 * SequenceNumber.
 */
import { createHash } from 'node:crypto';
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { REGION, arn, iamUserId } from '../aws-formats.ts';
import { md5Hex, md5OfMessageAttributes, type StringAttribute } from '../sqs-md5.ts';
import { defineEventTemplate } from '../template-types.ts';

/** A message body: strings as they are, other JSON values serialized. */
export function messageBody(item: unknown): string {
  return typeof item === 'string' ? item : JSON.stringify(item);
}

export const sqs = defineEventTemplate({
  name: 'sqs',
  title: { en: 'SQS message batch', ko: 'SQS 메시지 배치' },
  invocation: 'polled',
  awsType: 'SQSEvent',
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html',
  parameters: [
    {
      name: 'queue',
      kind: 'string',
      default: 'orders-queue',
      pattern: '[A-Za-z0-9_-]{1,75}(\\.fifo)?|[A-Za-z0-9_-]{76,80}',
      patternHint: "a queue name (1-80 letters, digits, '-' and '_'; FIFO queues end in .fifo)",
      label: { en: 'Queue', ko: '큐' },
      description: {
        en: 'The queue name; a name ending in .fifo makes a FIFO queue.',
        ko: '큐 이름. .fifo로 끝나면 FIFO 큐입니다.',
      },
    },
    {
      name: 'messages',
      kind: 'json',
      shape: 'array',
      maxItems: 10_000,
      default: [
        { orderId: 'o-1001', total: 25.5 },
        { orderId: 'o-1002', total: 12 },
      ],
      label: { en: 'Messages', ko: '메시지' },
      description: {
        en: 'The message bodies, one per record: strings as they are, other JSON values serialized.',
        ko: '레코드마다 하나씩의 메시지 본문. 문자열은 그대로, 다른 JSON 값은 직렬화됩니다.',
      },
    },
    {
      name: 'receiveCount',
      kind: 'number',
      integer: true,
      min: 1,
      max: 1000,
      default: 1,
      label: { en: 'Receive count', ko: '수신 횟수' },
      description: {
        en: 'ApproximateReceiveCount: how many times the messages have been received (more than 1 after a failed batch).',
        ko: 'ApproximateReceiveCount: 메시지를 받은 횟수 (배치가 실패한 뒤에는 1보다 큼).',
      },
    },
    {
      name: 'messageAttributes',
      kind: 'json',
      shape: 'string-map',
      default: {},
      label: { en: 'Message attributes', ko: '메시지 속성' },
      description: {
        en: 'String message attributes on every message, e.g. {"source": "checkout"}.',
        ko: '모든 메시지에 붙는 문자열 메시지 속성. 예: {"source": "checkout"}',
      },
    },
    {
      name: 'messageGroupId',
      kind: 'string',
      default: 'orders',
      pattern: '[\\x21-\\x7e]{1,128}',
      patternHint: 'a message group id (1-128 printable ASCII characters)',
      label: { en: 'Message group (FIFO)', ko: '메시지 그룹 (FIFO)' },
      description: { en: 'MessageGroupId, used only for FIFO queues.', ko: 'MessageGroupId. FIFO 큐에서만 쓰입니다.' },
    },
  ],
  build(p, gen): SQSEvent {
    const items = p.messages as unknown[];
    const fifo = p.queue.endsWith('.fifo');
    const attrs: Record<string, StringAttribute> = Object.fromEntries(
      Object.entries(p.messageAttributes as Record<string, string>).map(([k, v]) => [
        k,
        { dataType: 'String', stringValue: v },
      ]),
    );
    const messageAttributes: SQSMessageAttributes = Object.fromEntries(
      Object.entries(attrs).map(([k, a]) => [
        k,
        { stringValue: a.stringValue, stringListValues: [], binaryListValues: [], dataType: a.dataType },
      ]),
    );
    const attributesMd5 =
      Object.keys(attrs).length > 0 ? { md5OfMessageAttributes: md5OfMessageAttributes(attrs) } : {};
    const senderId = iamUserId(gen);
    const eventSourceARN = arn('sqs', p.queue);
    let fifoSequence = BigInt(gen.digits(20));
    const records = items.map((item, i): SQSRecord => {
      const body = messageBody(item);
      // Messages were sent a few seconds apart, before the poller received the batch.
      const sent = gen.now - (items.length - i) * 1000 - gen.int(0, 500);
      const fifoAttributes = fifo
        ? {
            SequenceNumber: String((fifoSequence += 1n)),
            MessageGroupId: p.messageGroupId,
            // Content-based deduplication: the SHA-256 of the body.
            MessageDeduplicationId: createHash('sha256').update(body, 'utf8').digest('hex'),
          }
        : {};
      return {
        messageId: gen.uuid(),
        // Receipt handles are long opaque base64 strings starting with "AQEB".
        receiptHandle: `AQEB${gen.base64(132)}`,
        body,
        attributes: {
          ApproximateReceiveCount: String(p.receiveCount),
          SentTimestamp: String(sent),
          SenderId: senderId,
          ApproximateFirstReceiveTimestamp: String(sent + gen.int(1, 50)),
          ...fifoAttributes,
        },
        messageAttributes,
        md5OfBody: md5Hex(body),
        ...attributesMd5,
        eventSource: 'aws:sqs',
        eventSourceARN,
        awsRegion: REGION,
      };
    });
    return { Records: records };
  },
});
