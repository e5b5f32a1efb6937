/** DynamoDB Streams INSERT: a new item was written (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html). */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { DYNAMODB_PARAMETERS, imageParameter, streamEvent } from '../dynamodb-record.ts';
import { defineEventTemplate } from '../template-types.ts';

export const dynamodbInsert = defineEventTemplate({
  name: 'dynamodb-insert',
  title: { en: 'DynamoDB Streams: item inserted', ko: 'DynamoDB Streams: 항목 삽입' },
  invocation: 'polled',
  awsType: 'DynamoDBStreamEvent',
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html',
  parameters: [
    ...DYNAMODB_PARAMETERS,
    imageParameter('newImage', { status: 'PLACED', total: 25.5, items: ['book', 'pen'], gift: false }),
  ],
  build(p, gen): DynamoDBStreamEvent {
    return streamEvent({ eventName: 'INSERT', ...p }, gen);
  },
});
