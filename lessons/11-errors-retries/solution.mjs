// Charges customers for orders. Payments arrive two ways: one per event when another service
// invokes the function asynchronously, or in batches from the payments SQS queue. Either way an
// event may come more than once, so each order is charged at most once.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const sqs = new SQSClient({});
const { CHARGES_TABLE, RECEIPTS_QUEUE_URL } = process.env;

/** Charges one payment { orderId, total } and sends the customer a receipt, once per order. */
async function charge(payment) {
  if (typeof payment.orderId !== 'string' || !(payment.total > 0)) {
    throw new Error(`invalid payment ${JSON.stringify(payment)}`);
  }
  try {
    // The order id is the idempotency key: the put succeeds only the first time.
    await db.send(
      new PutCommand({
        TableName: CHARGES_TABLE,
        Item: { chargeId: payment.orderId, orderId: payment.orderId, total: payment.total },
        ConditionExpression: 'attribute_not_exists(chargeId)',
      }),
    );
  } catch (error) {
    if (error.name === 'ConditionalCheckFailedException') {
      // A repeat of an event already handled: done, and not an error (no retry, no second receipt).
      console.log(`already charged ${payment.orderId}`);
      return;
    }
    throw error;
  }
  await sqs.send(new SendMessageCommand({ QueueUrl: RECEIPTS_QUEUE_URL, MessageBody: JSON.stringify(payment) }));
  console.log(`charged ${payment.orderId}: ${payment.total}`);
}

export const handler = async (event) => {
  if (event.Records) {
    // A batch from the payments queue: report the messages that failed, so only they come back.
    const batchItemFailures = [];
    for (const record of event.Records) {
      try {
        await charge(JSON.parse(record.body));
      } catch (error) {
        console.log(`message ${record.messageId} failed: ${error.message}`);
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  }
  // One payment, invoked asynchronously: let a failure fail, so Lambda retries it and then sends
  // it to the on-failure destination.
  await charge(event);
};
