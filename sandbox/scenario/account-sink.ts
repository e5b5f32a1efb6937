/**
 * Deliveries from Lambda into the scenario's account: destination records and dead-letter messages
 * to SQS queues, SNS topics, EventBridge and S3; records for a Lambda destination are invoked
 * asynchronously. Lambda's own service principal sends them, so the function's role is not checked.
 */
import { ADMIN_CALLER } from '../account/create-account.ts';
import type { Delivery, DeliverySink } from '../invocation-models/delivery.ts';
import type { ScenarioRuntime } from './run-scenario.ts';

export class AccountSink implements DeliverySink {
  private readonly rt: ScenarioRuntime;

  constructor(rt: ScenarioRuntime) {
    this.rt = rt;
  }

  deliver(d: Delivery): void {
    const { account, lambda } = this.rt;
    const caller = {
      ...ADMIN_CALLER,
      functionName: 'lambda.amazonaws.com',
      chain: { id: d.parentId, depth: Math.max(0, ...Object.values(d.lineage)) },
    };
    const attrs = Object.fromEntries(
      Object.entries(d.attributes).map(([k, v]) => [
        k,
        { DataType: k === 'ErrorCode' ? 'Number' : 'String', StringValue: v },
      ]),
    );
    let out;
    switch (d.target.service) {
      case 'sqs':
        out = account.callSync(
          'sqs',
          'SendMessage',
          {
            QueueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/${d.target.name}`,
            MessageBody: d.body,
            MessageAttributes: attrs,
          },
          caller,
        );
        break;
      case 'sns':
        out = account.callSync(
          'sns',
          'Publish',
          {
            TopicArn: `arn:aws:sns:us-east-1:123456789012:${d.target.name}`,
            Message: d.body,
            MessageAttributes: attrs,
          },
          caller,
        );
        break;
      case 'eventbridge':
        out = account.callSync(
          'events',
          'PutEvents',
          {
            Entries: [
              {
                Source: 'lambda',
                DetailType: 'Lambda Function Invocation Result',
                Detail: d.body,
                EventBusName: d.target.name,
              },
            ],
          },
          caller,
        );
        break;
      case 's3':
        out = account.callSync(
          's3',
          'PutObject',
          { Bucket: d.target.name, Key: `aws/lambda/async/${lambda.scheduler.now()}-${d.parentId}.json`, Body: d.body },
          caller,
        );
        break;
      case 'lambda': {
        const r = this.rt.asyncInvoker.invoke(d.target.name, d.body, {
          parentId: d.parentId,
          source: 'lambda',
          lineage: d.lineage,
        });
        if (r.statusCode !== 202 && 'message' in r)
          lambda.trace.add({
            kind: 'note',
            parentId: d.parentId,
            atMs: lambda.scheduler.now(),
            text: `${r.errorType}: ${r.message}`,
          });
        return;
      }
    }
    if (out && !out.ok)
      lambda.trace.add({
        kind: 'note',
        parentId: d.parentId,
        atMs: lambda.scheduler.now(),
        text: `delivery to ${d.target.service}:${d.target.name} failed: ${out.error.name}: ${out.error.message}`,
      });
  }
}
