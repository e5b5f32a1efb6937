/**
 * Where Lambda sends things it does not hand to a function: invocation records for destinations,
 * events for dead-letter queues, failure records of stream mappings. The scenario runner connects a
 * sink to the simulated account (queues, topics, buses, buckets); tests can collect them.
 */
import type { Lineage } from './lambda-service.ts';

/** A target written as `<service>:<name>`: `sqs:orders-dlq`, `sns:alerts`, `lambda:audit`, `eventbridge:default`, `s3:failures`. */
export interface TargetRef {
  service: 'sqs' | 'sns' | 'lambda' | 'eventbridge' | 's3';
  name: string;
}

const SERVICES = ['sqs', 'sns', 'lambda', 'eventbridge', 's3'] as const;

/** Parse `sqs:orders-dlq`; also accepts an ARN (`arn:aws:sqs:us-east-1:123456789012:orders-dlq`). */
export function parseTarget(text: string): TargetRef | undefined {
  const arn = /^arn:aws:(sqs|sns|lambda|events|s3):[^:]*:[^:]*:(?:function:|event-bus\/)?(.+)$/.exec(text);
  if (arn) return { service: arn[1] === 'events' ? 'eventbridge' : (arn[1] as TargetRef['service']), name: arn[2]! };
  const i = text.indexOf(':');
  if (i <= 0) return undefined;
  const service = text.slice(0, i);
  const name = text.slice(i + 1);
  return (SERVICES as readonly string[]).includes(service) && name
    ? { service: service as TargetRef['service'], name }
    : undefined;
}

/** One thing to deliver. */
export interface Delivery {
  target: TargetRef;
  /** The message body / object content / event detail, as text. */
  body: string;
  /** Message attributes (DLQ: RequestID, ErrorCode, ErrorMessage). */
  attributes: Record<string, string>;
  /** The trace node of the delivery (destination or dead-letter node). */
  parentId: string;
  /** Loop-detection lineage the delivered event carries on. */
  lineage: Lineage;
}

/** Receives deliveries. */
export interface DeliverySink {
  deliver(delivery: Delivery): void;
}

/** A sink that only collects (tests, and scenarios before the account exists). */
export class CollectingSink implements DeliverySink {
  readonly delivered: Delivery[] = [];
  deliver(delivery: Delivery): void {
    this.delivered.push(delivery);
  }
  /** Bodies delivered to `service:name`. */
  to(target: string): Delivery[] {
    const ref = parseTarget(target);
    return this.delivered.filter((d) => ref && d.target.service === ref.service && d.target.name === ref.name);
  }
}
