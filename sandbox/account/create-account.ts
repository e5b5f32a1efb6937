/**
 * createAccount(): the simulated AWS account. Every call is authorised against the caller's IAM
 * policy, then run by the service's operation table on the virtual clock; changes go to the feed.
 * See README.md and account-types.ts.
 */
import { ACCOUNT_ID, REGION, type Account, type AccountEvent, type AccountListener, type AccountOptions, type Caller, type CallOptions, type CallOutcome, type ServiceName } from './account-types.ts';
import { arnName } from './arn.ts';
import { AwsServiceError, asRecord } from './errors.ts';
import { dynamoOperations } from './dynamodb/dynamodb-service.ts';
import { DynamoStore } from './dynamodb/table-store.ts';
import { buildEvent, deliver, EventsStore, eventsOperations } from './events/events-service.ts';
import { nextFiring } from './events/schedule.ts';
import { authorize } from './iam/access-denied.ts';
import { latencyFor } from './latency.ts';
import { s3Operations } from './s3/s3-service.ts';
import { S3Store } from './s3/s3-store.ts';
import type { Fanout, NewEvent, OpContext, OperationTable } from './service-types.ts';
import { takeSnapshot, type Stores } from './snapshot.ts';
import { publish, SnsStore, snsOperations } from './sns/sns-service.ts';
import { SqsStore } from './sqs/queue-store.ts';
import { SqsEngine, sqsOperations } from './sqs/sqs-service.ts';

/** A caller allowed everything: for seeding resources from scenarios and tests. */
export const ADMIN_CALLER: Caller = {
  functionName: 'coldstart-admin',
  roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/coldstart-admin`,
  policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

/** SDK client / service names accepted for each service. */
const SERVICE_NAMES: Record<string, ServiceName> = { s3: 's3', dynamodb: 'dynamodb', sqs: 'sqs', sns: 'sns', events: 'events', eventbridge: 'events' };

/** Options beyond AccountOptions. */
export interface CreateAccountOptions extends AccountOptions {
  /** Epoch ms added to virtual time for wall-clock times (event timestamps, cron). Default 0: the clock is epoch ms. */
  epochOffsetMs?: number;
}

export function createAccount(options: CreateAccountOptions): Account {
  const { clock } = options;
  const epoch = options.epochOffsetMs ?? 0;
  const stores: Stores = { s3: new S3Store(), dynamodb: new DynamoStore(), sqs: new SqsStore(), sns: new SnsStore(), events: new EventsStore() };
  const sqs = new SqsEngine(stores.sqs);
  const listeners = new Set<AccountListener>();
  let seq = 0;
  const toWall = (v: number) => v + epoch;
  const toVirtual = (w: number) => w - epoch;

  const emit = (e: NewEvent): void => {
    const event = { ...e, seq: ++seq } as AccountEvent;
    if (event.chain === undefined) delete event.chain;
    for (const l of [...listeners]) {
      try {
        l(event);
      } catch {
        // A failing listener must not break the call that caused the change.
      }
    }
  };

  const fanout: Fanout = {
    toQueue(arn, body, ctx, opts) {
      const q = [...stores.sqs.queues.values()].find((x) => x.arn === arn);
      if (!q) return;
      try {
        sqs.send(ctx, q, { MessageBody: body, MessageGroupId: opts?.groupId ?? (q.fifo ? 'coldstart' : undefined), MessageDeduplicationId: q.fifo ? (opts?.dedupId ?? `${ctx.now}-${seq}-${Math.random()}`) : undefined, MessageAttributes: opts?.attributes });
      } catch {
        // Deliveries that SQS refuses are dropped (AWS retries, then gives up).
      }
    },
    toTopic(arn, message, subject, ctx) {
      const t = stores.sns.topics.get(arnName(arn));
      if (t && t.arn === arn) publish(ctx, t, message, subject, {}, new Date(toWall(ctx.now)).toISOString());
    },
  };

  const tables: Record<ServiceName, OperationTable> = {
    s3: s3Operations(stores.s3),
    dynamodb: dynamoOperations(stores.dynamodb),
    sqs: sqsOperations(sqs),
    sns: snsOperations(stores.sns, (ms) => new Date(toWall(ms)).toISOString()),
    events: eventsOperations(stores.events, { toWall, toVirtual }),
  };

  const latencyMs = (service: ServiceName, operation: string) => latencyFor(options.latency, service, operation);

  const callSync = (serviceIn: ServiceName, operation: string, input: unknown, caller: Caller, callOptions?: CallOptions): CallOutcome => {
    const service = SERVICE_NAMES[String(serviceIn).toLowerCase()] ?? serviceIn;
    const latency = SERVICE_NAMES[service] ? latencyMs(service, operation) : 0;
    try {
      const op = tables[service]?.[operation];
      if (!op || !Object.prototype.hasOwnProperty.call(tables[service], operation)) {
        throw new AwsServiceError('UnsupportedOperation', `Coldstart does not simulate ${service === 'events' ? 'EventBridge' : service.toUpperCase()} ${operation} yet; see what the simulated account supports: sandbox/docs/supported.en.md`, 501);
      }
      const record = asRecord(input);
      authorize(service, caller, op.permissions(record));
      const ctx: OpContext = { now: callOptions?.at ?? clock(), caller, emit, fanout, ...(caller.chain ? { chain: caller.chain } : {}) };
      return { ok: true, output: op.run(record, ctx), latencyMs: latency };
    } catch (error) {
      if (error instanceof AwsServiceError) return { ok: false, error: error.toShape(), latencyMs: latency };
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: new AwsServiceError('InternalFailure', `The simulated ${service} failed: ${message}`, 500).toShape(), latencyMs: latency };
    }
  };

  return {
    accountId: ACCOUNT_ID,
    region: REGION,
    callSync,
    latencyMs,
    now: clock,
    call(service, operation, input, caller, callOptions) {
      const r = callSync(service, operation, input, caller, callOptions);
      if (r.ok) return Promise.resolve(r.output);
      return Promise.reject(Object.assign(new AwsServiceError(r.error.name, r.error.message, r.error.$metadata.httpStatusCode), r.error));
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    nextScheduledAt() {
      let best: number | undefined;
      for (const r of stores.events.rules.values()) if (r.state === 'ENABLED' && r.nextFireAt !== undefined && (best === undefined || r.nextFireAt < best)) best = r.nextFireAt;
      return best;
    },
    advanceTo(ms) {
      // Fire due schedules in time order (a rule due several times fires each time).
      for (let guard = 0; guard < 100_000; guard++) {
        let due: (typeof stores.events.rules extends Map<string, infer R> ? R : never) | undefined;
        for (const r of stores.events.rules.values()) if (r.state === 'ENABLED' && r.schedule && r.nextFireAt !== undefined && r.nextFireAt <= ms && (!due || r.nextFireAt < due.nextFireAt!)) due = r;
        if (!due) return;
        const at = due.nextFireAt!;
        const ctx: OpContext = { now: at, caller: ADMIN_CALLER, emit, fanout };
        deliver(ctx, due, buildEvent(toWall(at), 'aws.events', 'Scheduled Event', {}, [due.arn]), true);
        const next = nextFiring(due.schedule!, toWall(at), due.createdWall);
        due.nextFireAt = next === undefined ? undefined : toVirtual(next);
      }
    },
    snapshot: () => takeSnapshot(stores, clock()),
  };
}
