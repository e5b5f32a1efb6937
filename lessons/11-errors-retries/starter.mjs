// Charges customers for orders. Payments arrive two ways: one per event when another service
// invokes the function asynchronously, or in batches from the payments SQS queue.
// Run it: the AWS calls fail (a plain run has no AWS account). Check plays scenarios with one.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const sqs = new SQSClient({});
const { CHARGES_TABLE, RECEIPTS_QUEUE_URL } = process.env;

/** Charges one payment { orderId, total } and sends the customer a receipt. */
async function charge(payment) {
  if (typeof payment.orderId !== 'string' || !(payment.total > 0)) {
    throw new Error(`invalid payment ${JSON.stringify(payment)}`);
  }
  await db.send(
    new PutCommand({
      TableName: CHARGES_TABLE,
      Item: { chargeId: randomUUID(), orderId: payment.orderId, total: payment.total },
    }),
  );
  await sqs.send(new SendMessageCommand({ QueueUrl: RECEIPTS_QUEUE_URL, MessageBody: JSON.stringify(payment) }));
  console.log(`charged ${payment.orderId}: ${payment.total}`);
}

export const handler = async (event) => {
  if (event.Records) {
    // A batch of messages from the payments queue.
    for (const record of event.Records) {
      await charge(JSON.parse(record.body));
    }
    return {};
  }
  // One payment, invoked asynchronously.
  try {
    await charge(event);
  } catch (error) {
    console.log(`payment ${event.orderId} failed: ${error.message}`);
  }
};
