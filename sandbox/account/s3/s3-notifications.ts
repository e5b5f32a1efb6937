/**
 * S3 event notifications: which configured destinations an object change goes to (event type
 * wildcards like `s3:ObjectCreated:*`, key filters by prefix and suffix), and the event record S3
 * sends (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
 */
import { randomBytes } from 'node:crypto';
import { ACCOUNT_ID, REGION } from '../account-types.ts';
import { s3BucketArn } from '../arn.ts';
import { validation } from '../errors.ts';
import { isoMillis, s3EventKey } from '../../events/aws-formats.ts';
import type { OpContext } from '../service-types.ts';
import type { Bucket, NotificationTarget } from './s3-store.ts';

const KINDS: [string, NotificationTarget['kind'], string][] = [
  ['LambdaFunctionConfigurations', 'lambda', 'LambdaFunctionArn'],
  ['QueueConfigurations', 'sqs', 'QueueArn'],
  ['TopicConfigurations', 'sns', 'TopicArn'],
];

/** Parse a NotificationConfiguration (PutBucketNotificationConfiguration's input). */
export function parseNotifications(config: Record<string, unknown>): NotificationTarget[] {
  const out: NotificationTarget[] = [];
  for (const [field, kind, arnField] of KINDS) {
    const list = config[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw validation(`${field} must be a list`, 'MalformedXML');
    for (const raw of list as Record<string, unknown>[]) {
      const arn = raw?.[arnField];
      const events = raw?.Events;
      if (typeof arn !== 'string' || !Array.isArray(events) || !events.length) throw validation(`Each of ${field} needs ${arnField} and Events`, 'InvalidArgument');
      const rules = ((raw.Filter as { Key?: { FilterRules?: { Name?: string; Value?: string }[] } } | undefined)?.Key?.FilterRules ?? []);
      const target: NotificationTarget = { id: typeof raw.Id === 'string' ? raw.Id : `coldstart-${out.length + 1}`, kind, arn, events: events.map(String) };
      for (const r of rules) {
        const name = String(r.Name ?? '').toLowerCase();
        if (name === 'prefix') target.prefix = String(r.Value ?? '');
        else if (name === 'suffix') target.suffix = String(r.Value ?? '');
        else throw validation('filter rule name must be either prefix or suffix', 'InvalidArgument');
      }
      out.push(target);
    }
  }
  return out;
}

/** Whether a configured event type (`s3:ObjectCreated:*`) covers `eventName` (`s3:ObjectCreated:Put`). */
function eventMatches(configured: string, eventName: string): boolean {
  if (configured === eventName) return true;
  return configured.endsWith(':*') && eventName.startsWith(configured.slice(0, -1));
}

/** The destinations of a change to `key` named `eventName`. */
export function matchingTargets(bucket: Bucket, eventName: string, key: string): NotificationTarget[] {
  return bucket.notifications.filter(
    (t) => t.events.some((e) => eventMatches(e, eventName)) && (!t.prefix || key.startsWith(t.prefix)) && (!t.suffix || key.endsWith(t.suffix)),
  );
}

/** One S3 event record, as S3 sends it. */
export function s3EventRecord(ctx: OpContext, bucket: string, eventName: string, object: { key: string; size: number; eTag: string; sequencer: string }, configurationId: string): Record<string, unknown> {
  const principal = `AWS:AROA${ACCOUNT_ID}COLDSTART:${ctx.caller.functionName}`;
  const isDelete = eventName.startsWith('ObjectRemoved');
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: REGION,
    eventTime: isoMillis(ctx.now),
    eventName,
    userIdentity: { principalId: principal },
    requestParameters: { sourceIPAddress: '10.0.0.1' },
    responseElements: { 'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(), 'x-amz-id-2': randomBytes(57).toString('base64') },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId,
      bucket: { name: bucket, ownerIdentity: { principalId: `A${ACCOUNT_ID}COLDSTART` }, arn: s3BucketArn(bucket) },
      object: isDelete ? { key: s3EventKey(object.key), sequencer: object.sequencer } : { key: s3EventKey(object.key), size: object.size, eTag: object.eTag, sequencer: object.sequencer },
    },
  };
}

/**
 * Send a change to the bucket's destinations: SQS and SNS inside the account, Lambda through the
 * feed (`lambdaTargets`). The feed event is emitted for every change, with or without targets.
 */
export function notifyChange(ctx: OpContext, bucket: Bucket, eventName: 'ObjectCreated:Put' | 'ObjectCreated:Copy' | 'ObjectRemoved:Delete', object: { key: string; size: number; eTag: string }, sequence: number): void {
  const sequencer = sequence.toString(16).toUpperCase().padStart(18, '0');
  const full = { ...object, eTag: object.eTag.replace(/"/g, ''), sequencer };
  const lambdaTargets = [];
  for (const t of matchingTargets(bucket, `s3:${eventName}`, object.key)) {
    const payload = { Records: [s3EventRecord(ctx, bucket.name, eventName, full, t.id)] };
    if (t.kind === 'lambda') lambdaTargets.push({ functionArn: t.arn, functionName: t.arn.split(':')[6] ?? t.arn, payload });
    else if (t.kind === 'sqs') ctx.fanout.toQueue(t.arn, JSON.stringify(payload), ctx);
    else ctx.fanout.toTopic(t.arn, JSON.stringify(payload), 'Amazon S3 Notification', ctx);
  }
  ctx.emit({
    kind: `s3:${eventName}`,
    at: ctx.now,
    resource: s3BucketArn(bucket.name),
    chain: ctx.chain,
    detail: { bucket: bucket.name, key: object.key, size: object.size, eTag: full.eTag, record: s3EventRecord(ctx, bucket.name, eventName, full, 'coldstart-feed'), lambdaTargets },
  });
}
