/**
 * An SNS notification delivered to a subscribed function, shaped like the sample in
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
 */
import type { SNSEvent, SNSMessageAttributes } from 'aws-lambda';
import { REGION, arn, isoMillis } from '../aws-formats.ts';
import { defineEventTemplate } from '../template-types.ts';

export const sns = defineEventTemplate({
  name: 'sns',
  title: { en: 'SNS notification', ko: 'SNS 알림' },
  invocation: 'async',
  awsType: 'SNSEvent',
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html',
  parameters: [
    {
      name: 'topic',
      kind: 'string',
      default: 'order-events',
      pattern: '[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\\.fifo',
      patternHint: "a topic name (1-256 letters, digits, '-' and '_'; FIFO topics end in .fifo)",
      label: { en: 'Topic', ko: '토픽' },
      description: { en: 'The topic the message was published to.', ko: '메시지가 게시된 토픽.' },
    },
    {
      name: 'subject',
      kind: 'string',
      default: 'Order placed',
      pattern: '[^\\n\\r]{0,99}',
      patternHint: 'a subject (at most 99 characters on one line; empty for none)',
      label: { en: 'Subject', ko: '제목' },
      description: {
        en: 'The Subject given to Publish; empty for none.',
        ko: 'Publish에 준 Subject. 없으면 비워 둡니다.',
      },
    },
    {
      name: 'message',
      kind: 'string',
      default: '{"orderId":"o-1001","total":25.5}',
      label: { en: 'Message', ko: '메시지' },
      description: { en: 'The message text (often JSON).', ko: '메시지 텍스트 (흔히 JSON).' },
    },
    {
      name: 'messageAttributes',
      kind: 'json',
      shape: 'string-map',
      default: {},
      label: { en: 'Message attributes', ko: '메시지 속성' },
      description: {
        en: 'String message attributes, e.g. {"eventType": "created"}.',
        ko: '문자열 메시지 속성. 예: {"eventType": "created"}',
      },
    },
  ],
  build(p, gen): SNSEvent {
    const topicArn = arn('sns', p.topic);
    const subscriptionArn = `${topicArn}:${gen.uuid()}`;
    const attributes: SNSMessageAttributes = Object.fromEntries(
      Object.entries(p.messageAttributes as Record<string, string>).map(([k, v]) => [k, { Type: 'String', Value: v }]),
    );
    return {
      Records: [
        {
          EventVersion: '1.0',
          EventSubscriptionArn: subscriptionArn,
          EventSource: 'aws:sns',
          Sns: {
            SignatureVersion: '1',
            Timestamp: isoMillis(gen.now),
            // An RSA-2048 signature: 256 bytes, 344 base64 characters.
            Signature: gen.base64(256),
            SigningCertUrl: `https://sns.${REGION}.amazonaws.com/SimpleNotificationService-${gen.hex(32)}.pem`,
            MessageId: gen.uuid(),
            Message: p.message,
            MessageAttributes: attributes,
            Type: 'Notification',
            UnsubscribeUrl: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
            TopicArn: topicArn,
            // AWS sends "Subject": null without a subject; @types/aws-lambda types it string | undefined, so it is left out.
            ...(p.subject === '' ? {} : { Subject: p.subject }),
          },
        },
      ],
    };
  },
});
