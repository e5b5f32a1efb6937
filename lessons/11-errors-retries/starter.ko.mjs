// 고객의 주문 금액을 결제해요. 결제 요청은 두 가지 길로 와요: 다른 서비스가 함수를 비동기로
// 호출할 때는 이벤트 하나에 하나씩, payments SQS 큐에서는 배치로요.
// 그냥 실행하면 AWS 호출이 실패해요(AWS 계정이 없으니까요). Check는 계정이 있는 시나리오로 실행해요.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const sqs = new SQSClient({});
const { CHARGES_TABLE, RECEIPTS_QUEUE_URL } = process.env;

/** 결제 하나 { orderId, total }를 처리하고 고객에게 영수증을 보내요. */
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
    // payments 큐에서 온 메시지 배치.
    for (const record of event.Records) {
      await charge(JSON.parse(record.body));
    }
    return {};
  }
  // 비동기로 호출된 결제 하나.
  try {
    await charge(event);
  } catch (error) {
    console.log(`payment ${event.orderId} failed: ${error.message}`);
  }
};
