/** DynamoDB Streams REMOVE: an item was deleted, by a call or by Time to Live (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html). */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { DYNAMODB_PARAMETERS, imageParameter, streamEvent } from '../dynamodb-record.ts';
import { defineEventTemplate } from '../template-types.ts';

export const dynamodbRemove = defineEventTemplate({
  name: 'dynamodb-remove',
  title: { en: 'DynamoDB Streams: item removed', ko: 'DynamoDB Streams: 항목 삭제' },
  invocation: 'polled',
  awsType: 'DynamoDBStreamEvent',
  source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html',
  parameters: [
    ...DYNAMODB_PARAMETERS,
    imageParameter('oldImage', {
      status: 'SHIPPED',
      total: 25.5,
      items: ['book', 'pen'],
      gift: false,
      trackingId: 'TRK-778',
    }),
    {
      name: 'ttl',
      kind: 'boolean',
      default: false,
      label: { en: 'Deleted by TTL', ko: 'TTL로 삭제됨' },
      description: {
        en: 'Time to Live expired the item: the record carries userIdentity {type: "Service", principalId: "dynamodb.amazonaws.com"}.',
        ko: 'TTL이 항목을 만료시킴: 레코드에 userIdentity {type: "Service", principalId: "dynamodb.amazonaws.com"}가 붙습니다.',
      },
    },
  ],
  build(p, gen): DynamoDBStreamEvent {
    return streamEvent({ eventName: 'REMOVE', ...p }, gen);
  },
});
