/**
 * Plays scenario steps on the virtual clock. Each step happens at the current virtual time; then the
 * clock runs on for STEP_SETTLE_MS so what the step set off right away (notifications, polls, the
 * invocations they cause) shows up before the next step. `advance` lets more time pass: async
 * retries, visibility timeouts and EventBridge schedules happen then.
 */
import { ADMIN_CALLER } from '../account/create-account.ts';
import { buildEvent } from '../events/templates.ts';
import { kinesisRecord, sequenceNumber } from '../invocation-models/stream-records.ts';
import { frontDoorResponse } from '../invocation-models/sync-front-door.ts';
import type { EventSourceName } from '../invocation-models/trace-types.ts';
import { checkExpectation } from './expectations.ts';
import type { ScenarioRuntime } from './run-scenario.ts';
import { toAttributeValue } from './setup-account.ts';
import { parseDuration, type Step } from './step-schema.ts';

/** Virtual time after each step for its immediate effects to play out (2 s). */
export const STEP_SETTLE_MS = 2_000;

const API_SOURCE: Record<string, EventSourceName> = {
  rest: 'apigateway-rest',
  http: 'apigateway-http',
  'function-url': 'function-url',
  alb: 'alb',
};
const TEMPLATE: Record<string, string> = {
  rest: 'apigateway-rest',
  http: 'apigateway-http',
  'function-url': 'function-url',
  alb: 'alb',
};

/** A step as the trace and the step snapshots name it: its text, or its action for the object form. */
export const stepLabel = (step: Step): string => (typeof step.text === 'string' ? step.text : step.action);

const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export class StepPlayer {
  private readonly rt: ScenarioRuntime;
  private kinesisSeq = 0;
  /** Status of the last synchronous response (for `expect: { response }`). */
  lastStatus: number | undefined;

  constructor(rt: ScenarioRuntime) {
    this.rt = rt;
  }

  private get now(): number {
    return this.rt.lambda.scheduler.now();
  }

  /** Let virtual time run to `untilMs`, firing EventBridge schedules on the way. */
  private runTo(untilMs: number): void {
    const { account, lambda } = this.rt;
    for (;;) {
      const next = account.nextScheduledAt();
      if (next === undefined || next > untilMs) break;
      lambda.scheduler.runUntil(next);
      account.advanceTo(next);
    }
    lambda.scheduler.runUntil(untilMs);
    account.advanceTo(untilMs);
  }

  private call(
    service: 's3' | 'sqs' | 'sns' | 'dynamodb' | 'events',
    operation: string,
    input: Record<string, unknown>,
    stepId: string,
  ): void {
    const out = this.rt.account.callSync(service, operation, input, ADMIN_CALLER);
    if (!out.ok)
      this.rt.lambda.trace.add({
        kind: 'note',
        parentId: stepId,
        atMs: this.now,
        text: `${operation} failed: ${out.error.name}: ${out.error.message}`,
      });
  }

  play(step: Step, index: number): void {
    const { lambda } = this.rt;
    const stepId = lambda.trace.add({
      kind: 'step',
      parentId: null,
      atMs: this.now,
      index,
      text: stepLabel(step),
    });
    this.rt.stepNodeId = stepId;
    switch (step.action) {
      case 'put':
        this.call(
          's3',
          'PutObject',
          {
            Bucket: step.args.bucket,
            Key: step.args.key,
            Body: step.args.body ?? '',
            ...(step.args.contentType ? { ContentType: step.args.contentType } : {}),
          },
          stepId,
        );
        break;
      case 'delete':
        this.call('s3', 'DeleteObject', { Bucket: step.args.bucket, Key: step.args.key }, stepId);
        break;
      case 'send':
        this.call(
          'sqs',
          'SendMessage',
          {
            QueueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/${step.args.queue}`,
            MessageBody: text(step.args.body),
          },
          stepId,
        );
        break;
      case 'publish':
        this.call(
          'sns',
          'Publish',
          {
            TopicArn: `arn:aws:sns:us-east-1:123456789012:${step.args.topic}`,
            Message: text(step.args.message),
            ...(step.args.subject ? { Subject: step.args.subject } : {}),
          },
          stepId,
        );
        break;
      case 'putItem':
        this.call(
          'dynamodb',
          'PutItem',
          { TableName: step.args.table, Item: toAttributeValue(step.args.item).M },
          stepId,
        );
        break;
      case 'deleteItem':
        this.call(
          'dynamodb',
          'DeleteItem',
          { TableName: step.args.table, Key: toAttributeValue(step.args.key).M },
          stepId,
        );
        break;
      case 'putEvent':
        this.call(
          'events',
          'PutEvents',
          {
            Entries: [
              {
                Source: step.args.source,
                DetailType: step.args.detailType,
                Detail: JSON.stringify(step.args.detail ?? {}),
              },
            ],
          },
          stepId,
        );
        break;
      case 'putRecord':
        for (const p of this.rt.streamPollers.get(step.args.stream) ?? []) {
          p.append(
            'shardId-000000000000',
            kinesisRecord(
              step.args.stream,
              0,
              step.args.data,
              step.args.partitionKey ?? 'pk',
              sequenceNumber('kinesis', ++this.kinesisSeq),
              this.now,
            ),
            stepId,
          );
        }
        break;
      case 'request':
        this.request(step.args, stepId);
        break;
      case 'invoke':
        this.invoke(step.args, stepId);
        break;
      case 'advance':
        this.runTo(this.now + parseDuration(step.args)!);
        return;
      case 'expect': {
        const verdict = checkExpectation(step.args, lambda.trace.nodes, this.rt.account.snapshot(), this.lastStatus);
        lambda.trace.add({ kind: 'expect', parentId: stepId, atMs: this.now, ok: verdict.ok, text: verdict.text });
        return;
      }
      case 'note':
        return;
    }
    this.runTo(this.now + STEP_SETTLE_MS);
  }

  private request(args: Extract<Step, { action: 'request' }>['args'], stepId: string): void {
    const { lambda, scenario } = this.rt;
    const method = args.method ?? 'GET';
    const apis = (scenario.file.triggers ?? []).filter((t) => t.type === 'api');
    const api = apis.find(
      (t) =>
        !t.routes ||
        t.routes.some((r) => {
          const [m, p] = r.split(' ') as [string, string];
          return (
            (m === 'ANY' || m === method) &&
            (p === args.path || (p.endsWith('*') && args.path.startsWith(p.slice(0, -1))))
          );
        }),
    );
    if (!api) {
      lambda.trace.add({
        kind: 'response',
        parentId: stepId,
        atMs: this.now,
        source: 'apigateway-rest',
        statusCode: 403,
        headers: { 'content-type': 'application/json' },
        body: '{"message":"Missing Authentication Token"}',
        serviceLog: [`No route matches ${method} ${args.path}`],
      });
      this.lastStatus = 403;
      return;
    }
    const kind = api.api ?? 'rest';
    const params: Record<string, string> = { method, path: args.path, query: args.query ?? '', body: args.body ?? '' };
    if (args.headers) params.headers = JSON.stringify(args.headers);
    const built = buildEvent(TEMPLATE[kind]!, params, { now: this.now, seed: lambda.newId() });
    if (!built.ok) {
      lambda.trace.add({ kind: 'note', parentId: stepId, atMs: this.now, text: built.message });
      return;
    }
    const source = API_SOURCE[kind]!;
    const outcome = lambda.run(api.function, JSON.stringify(built.event), { parentId: stepId, source, model: 'sync' });
    if (outcome.kind === 'refused') {
      lambda.trace.add({
        kind: 'response',
        parentId: outcome.node.id,
        atMs: this.now,
        source,
        statusCode: 429,
        headers: { 'content-type': 'application/json' },
        body: '{"message":"Too Many Requests"}',
        serviceLog: outcome.node.log,
      });
      this.lastStatus = 429;
      return;
    }
    const r = frontDoorResponse(source, outcome.record, {
      nowMs: this.now,
      gatewayRequestId: lambda.newId(),
      method,
      path: args.path,
      ...(api.timeoutMs ? { integrationTimeoutMs: api.timeoutMs } : {}),
    });
    lambda.trace.add({ kind: 'response', parentId: outcome.node.id, atMs: outcome.endMs, source, ...r });
    this.lastStatus = r.statusCode;
  }

  private invoke(args: Extract<Step, { action: 'invoke' }>['args'], stepId: string): void {
    const { lambda, asyncInvoker } = this.rt;
    let eventJson = '{}';
    if (typeof args.event === 'string' && !args.event.trim().startsWith('{')) {
      const built = buildEvent(args.event, args.params ?? {}, { now: this.now, seed: lambda.newId() });
      if (!built.ok) {
        lambda.trace.add({ kind: 'note', parentId: stepId, atMs: this.now, text: built.message });
        return;
      }
      eventJson = JSON.stringify(built.event);
    } else if (args.event !== undefined)
      eventJson = typeof args.event === 'string' ? args.event : JSON.stringify(args.event);
    if (args.type === 'async') {
      const r = asyncInvoker.invoke(args.function, eventJson, { parentId: stepId, source: 'lambda' });
      if (r.statusCode !== 202 && 'message' in r)
        lambda.trace.add({ kind: 'note', parentId: stepId, atMs: this.now, text: `${r.errorType}: ${r.message}` });
      return;
    }
    const outcome = lambda.run(args.function, eventJson, { parentId: stepId, source: 'lambda', model: 'sync' });
    if (outcome.kind === 'ran') {
      const r = frontDoorResponse('lambda', outcome.record, { nowMs: this.now, gatewayRequestId: '' });
      lambda.trace.add({ kind: 'response', parentId: outcome.node.id, atMs: outcome.endMs, source: 'lambda', ...r });
      this.lastStatus = r.statusCode;
    }
  }
}
