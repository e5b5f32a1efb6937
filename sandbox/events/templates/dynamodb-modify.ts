/** DynamoDB Streams MODIFY: an item was updated (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html). */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { DYNAMODB_PARAMETERS, imageParameter, streamEvent } from '../dynamodb-record.ts';
import { defineEventTemplate } from '../template-types.ts';

export const dynamodbModify = defineEventTemplate({
  name: 'dynamodb-modify',
  title: { en: 'DynamoDB Streams: item modified', ko: 'DynamoDB Streams: 항목 수정' },
  invocation: 'polled',
  awsType: 'DynamoDBStreamEvent',
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html',
  parameters: [
    ...DYNAMODB_PARAMETERS,
    imageParameter('oldImage', { status: 'PLACED', total: 25.5, items: ['book', 'pen'], gift: false }),
    imageParameter('newImage', {
      status: 'SHIPPED',
      total: 25.5,
      items: ['book', 'pen'],
      gift: false,
      trackingId: 'TRK-778',
    }),
  ],
  build(p, gen): DynamoDBStreamEvent {
    return streamEvent({ eventName: 'MODIFY', ...p }, gen);
  },
});
