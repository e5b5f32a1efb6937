// 고객의 주문 금액을 결제해요. 결제 요청은 두 가지 길로 와요: 다른 서비스가 함수를 비동기로
// 호출할 때는 이벤트 하나에 하나씩, payments SQS 큐에서는 배치로요. 어느 쪽이든 같은 이벤트가
// 두 번 이상 올 수 있으니, 주문마다 결제는 최대 한 번만 해요.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const sqs = new SQSClient({});
const { CHARGES_TABLE, RECEIPTS_QUEUE_URL } = process.env;

/** 결제 하나 { orderId, total }를 처리하고 고객에게 영수증을 보내요. 주문마다 한 번만요. */
async function charge(payment) {
  if (typeof payment.orderId !== 'string' || !(payment.total > 0)) {
    throw new Error(`invalid payment ${JSON.stringify(payment)}`);
  }
  try {
    // 주문 ID가 멱등성 키예요: 이 put은 처음 한 번만 성공해요.
    await db.send(
      new PutCommand({
        TableName: CHARGES_TABLE,
        Item: { chargeId: payment.orderId, orderId: payment.orderId, total: payment.total },
        ConditionExpression: 'attribute_not_exists(chargeId)',
      }),
    );
  } catch (error) {
    if (error.name === 'ConditionalCheckFailedException') {
      // 이미 처리한 이벤트가 다시 왔어요: 할 일은 끝났고, 오류도 아니에요(재시도도, 두 번째 영수증도 없어요).
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
    // payments 큐에서 온 배치: 실패한 메시지만 알려 주면, 그 메시지만 다시 와요.
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
  // 비동기로 호출된 결제 하나: 실패는 실패로 두세요. 그래야 Lambda가 재시도하고, 그래도 안 되면
  // 실패 시 대상(on-failure destination)으로 보내요.
  await charge(event);
};
