/**
 * Run a scenario over a virtual clock: create its account, deploy its functions, connect its triggers,
 * then play its steps. Every invocation lands in the trace with what caused it; the result ends with
 * the account's snapshot. Handlers may fail (that is often the lesson): runScenario still resolves.
 */
import type { Account, AccountEvent, Caller } from '../account/account-types.ts';
import { createAccount } from '../account/create-account.ts';
import { DEFAULT_EVENT_SEED } from '../events/event-gen.ts';
import { AsyncInvoker } from '../invocation-models/async-invoker.ts';
import { LambdaService, type Lineage } from '../invocation-models/lambda-service.ts';
import { VirtualScheduler } from '../invocation-models/scheduler.ts';
import { SqsPoller } from '../invocation-models/sqs-poller.ts';
import { StreamPoller } from '../invocation-models/stream-poller.ts';
import { EnvironmentPool } from '../runtime/environment-pool.ts';
import { AccountQueue } from './account-queue.ts';
import { AccountSink } from './account-sink.ts';
import type { LoadedScenario } from './load-scenario.ts';
import { connectServiceTriggers, createResources, putSeedData } from './setup-account.ts';
import { StepPlayer, stepLabel } from './step-player.ts';
import type { ScenarioResult, ScenarioStepSnapshot } from './scenario-types.ts';
import { summarize } from './summarize.ts';

/** Default virtual start: 2026-04-09T12:00:00Z. */
export const DEFAULT_START_MS = Date.UTC(2026, 3, 9, 12, 0, 0);

/** Options of runScenario. */
export interface RunScenarioOptions {
  /** The pool to run handlers in (default: a new one, disposed at the end). */
  pool?: EnvironmentPool;
}

/** Everything a running scenario holds; the step player and the feed use it. */
export interface ScenarioRuntime {
  scenario: LoadedScenario;
  account: Account;
  lambda: LambdaService;
  asyncInvoker: AsyncInvoker;
  sqsPollers: Map<string, SqsPoller[]>;
  streamPollers: Map<string, StreamPoller[]>;
  /** The lineage of a chain id (the invocation node that wrote something). */
  lineageOf(chainId: string | undefined): Lineage;
  /** The trace node new service events hang from when no invocation caused them (the current step). */
  stepNodeId: string | null;
}

const FEED_TEXT: Record<AccountEvent['kind'], string> = {
  's3:ObjectCreated:Put': 'S3 ObjectCreated:Put',
  's3:ObjectCreated:Copy': 'S3 ObjectCreated:Copy',
  's3:ObjectRemoved:Delete': 'S3 ObjectRemoved:Delete',
  'dynamodb:stream': 'DynamoDB stream record',
  'sqs:message': 'SQS message',
  'sns:publish': 'SNS publish',
  'events:put': 'EventBridge event',
};

function describeFeed(e: AccountEvent): string {
  const what = FEED_TEXT[e.kind];
  switch (e.kind) {
    case 's3:ObjectCreated:Put':
    case 's3:ObjectCreated:Copy':
    case 's3:ObjectRemoved:Delete':
      return `${what} s3://${e.detail.bucket}/${e.detail.key}${e.detail.lambdaTargets.length ? ` -> ${e.detail.lambdaTargets.map((t) => t.functionName).join(', ')}` : ''}`;
    case 'dynamodb:stream':
      return `${what} on ${e.detail.tableName} (${String((e.detail.record as { eventName?: string }).eventName ?? '')})`;
    case 'sqs:message':
      return `${what} ${e.detail.messageId} in ${e.detail.queueName}`;
    case 'sns:publish':
      return `${what} to ${e.detail.topicName}${e.detail.lambdaTargets.length ? ` -> ${e.detail.lambdaTargets.map((t) => t.functionName).join(', ')}` : ''}`;
    case 'events:put':
      return `${what} matched rule ${e.detail.ruleName}${e.detail.scheduled ? ' (schedule)' : ''}`;
  }
}

/** Turn the account's change feed into invocations: async for S3/SNS/EventBridge, polls for SQS and streams. */
function onFeed(rt: ScenarioRuntime, e: AccountEvent): void {
  const { lambda } = rt;
  const causedBy = e.chain?.id && lambda.trace.get(e.chain.id) ? e.chain.id : rt.stepNodeId;
  const id = lambda.trace.add({
    kind: 'service-event',
    parentId: causedBy,
    atMs: e.at,
    service: e.kind.split(':')[0]!,
    text: describeFeed(e),
  });
  const lineage = rt.lineageOf(e.chain?.id);
  if (e.kind === 'sqs:message') {
    for (const p of rt.sqsPollers.get(e.detail.queueName) ?? [])
      p.kick(id, Math.max(0, e.detail.visibleAt - lambda.scheduler.now()) + 20);
    return;
  }
  if (e.kind === 'dynamodb:stream') {
    const record = e.detail.record as { dynamodb?: { SequenceNumber?: string } } & Record<string, unknown>;
    for (const p of rt.streamPollers.get(e.detail.tableName) ?? []) {
      p.append(
        'shardId-00000001000000000000-00000001',
        { sequenceNumber: record.dynamodb?.SequenceNumber ?? String(e.seq), record, arrivalMs: e.at },
        id,
      );
    }
    return;
  }
  const source = e.kind.startsWith('s3:') ? 's3' : e.kind === 'sns:publish' ? 'sns' : 'eventbridge';
  for (const t of e.detail.lambdaTargets) {
    if (!lambda.get(t.functionName)) {
      lambda.trace.add({
        kind: 'note',
        parentId: id,
        atMs: e.at,
        text: `no function named ${t.functionName} is deployed`,
      });
      continue;
    }
    const accepted = rt.asyncInvoker.invoke(t.functionName, JSON.stringify(t.payload), {
      parentId: id,
      source,
      lineage,
    });
    if (accepted.statusCode !== 202 && 'message' in accepted)
      lambda.trace.add({ kind: 'note', parentId: id, atMs: e.at, text: `${accepted.errorType}: ${accepted.message}` });
  }
}

/** Run a loaded scenario to its last step. */
export async function runScenario(scenario: LoadedScenario, options: RunScenarioOptions = {}): Promise<ScenarioResult> {
  const s = scenario.file;
  const startMs = s.startTime ? Date.parse(s.startTime) : DEFAULT_START_MS;
  const scheduler = new VirtualScheduler(startMs);
  const account = createAccount({ clock: () => scheduler.now() });
  const pool = options.pool ?? new EnvironmentPool();
  const lineages = new Map<string, Lineage>();
  const callerOf = (name: string, chain?: { id: string; depth: number }): Caller => ({
    functionName: name,
    roleArn: scenario.roles[name]!.roleArn,
    policy: scenario.roles[name]!.policy as Caller['policy'],
    ...(chain ? { chain } : {}),
  });
  const lambda = new LambdaService({
    scheduler,
    pool,
    seed: s.randomSeed ?? DEFAULT_EVENT_SEED,
    hooks: {
      beforeInvoke: (active) => void lineages.set(active.nodeId, active.lineage),
      // The SDK inside the handler calls the account as the function's role; what it writes carries the chain.
      requestExtras: (active) => ({
        account: {
          account,
          caller: callerOf(active.fn.name, { id: active.nodeId, depth: active.lineage[active.fn.name] ?? 1 }),
          startAt: scheduler.now(),
        },
      }),
    },
  });
  for (const fn of scenario.functions) lambda.deploy(fn);
  const rt: ScenarioRuntime = {
    scenario,
    account,
    lambda,
    asyncInvoker: undefined as unknown as AsyncInvoker,
    sqsPollers: new Map(),
    streamPollers: new Map(),
    lineageOf: (id) => (id ? (lineages.get(id) ?? {}) : {}),
    stepNodeId: null,
  };
  const sink = new AccountSink(rt);
  rt.asyncInvoker = new AsyncInvoker(lambda, sink, {
    duplicateProbability: s.duplicateProbability ?? 0,
    seed: s.randomSeed,
  });
  try {
    await lambda.prepare();
    await createResources(account, s);
    await putSeedData(account, s);
    await connectServiceTriggers(account, s);
    for (const t of s.triggers ?? []) {
      if (t.type === 'sqs') {
        const queue = new AccountQueue({
          account,
          name: t.queue,
          caller: callerOf(t.function),
          lineageOf: rt.lineageOf,
        });
        const poller = new SqsPoller(lambda, queue, {
          functionName: t.function,
          batchSize: t.batchSize,
          maximumBatchingWindowInSeconds: t.batchingWindowSeconds,
          reportBatchItemFailures: t.reportBatchItemFailures,
        });
        rt.sqsPollers.set(t.queue, [...(rt.sqsPollers.get(t.queue) ?? []), poller]);
        // Messages already waiting (seed data) are picked up when the mapping starts.
        poller.kick(null);
      }
      if (t.type === 'dynamodb' || t.type === 'kinesis') {
        const source = t.type === 'dynamodb' ? t.table : t.stream;
        const arn =
          t.type === 'dynamodb'
            ? `arn:aws:dynamodb:us-east-1:123456789012:table/${t.table}/stream/2026-03-10T00:00:00.000`
            : `arn:aws:kinesis:us-east-1:123456789012:stream/${t.stream}`;
        const poller = new StreamPoller(
          lambda,
          t.type,
          arn,
          {
            functionName: t.function,
            batchSize: t.batchSize,
            maximumBatchingWindowInSeconds: t.batchingWindowSeconds,
            reportBatchItemFailures: t.reportBatchItemFailures,
            maximumRetryAttempts: t.maximumRetryAttempts,
            bisectBatchOnFunctionError: t.bisectBatchOnFunctionError,
            onFailure: t.onFailure,
          },
          sink,
        );
        rt.streamPollers.set(source, [...(rt.streamPollers.get(source) ?? []), poller]);
      }
    }
    const unsubscribe = account.onEvent((e) => onFeed(rt, e));
    const player = new StepPlayer(rt);
    const steps: ScenarioStepSnapshot[] = [
      { index: -1, label: '', atMs: scheduler.now(), snapshot: account.snapshot() },
    ];
    try {
      for (const [index, step] of s.steps.entries()) {
        player.play(step, index);
        steps.push({ index, label: stepLabel(step), atMs: scheduler.now(), snapshot: account.snapshot() });
      }
    } finally {
      unsubscribe();
    }
    const trace = lambda.trace.nodes;
    return {
      name: s.name,
      ...(s.description ? { description: s.description } : {}),
      startMs,
      endMs: scheduler.now(),
      trace,
      expectations: lambda.trace.ofKind('expect').map((e) => ({ ok: e.ok, text: e.text })),
      summary: summarize(trace),
      snapshot: steps.at(-1)!.snapshot,
      steps,
      pending: scheduler.pending,
    };
  } finally {
    if (!options.pool) pool.dispose();
  }
}
