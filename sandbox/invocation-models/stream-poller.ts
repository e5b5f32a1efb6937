/**
 * Kinesis and DynamoDB Streams event source mappings: records are read in order per shard, in
 * batches of up to BatchSize (waiting up to MaximumBatchingWindowInSeconds). A failing batch blocks
 * its shard and is retried until it succeeds, MaximumRetryAttempts runs out (default -1: until the
 * records expire) or the records are older than MaximumRecordAgeInSeconds; then the batch's
 * description goes to the on-failure destination and the shard moves on. BisectBatchOnFunctionError
 * splits a failing batch in two; ReportBatchItemFailures (itemIdentifier = sequence number) restarts
 * from the first failed record.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 * https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html
 */
import { readBatchItemFailures } from './batch-response.ts';
import {
  DELIVERY_DELAY_MS,
  STREAM_BATCH_SIZE_DEFAULT,
  STREAM_RETENTION_MS,
  STREAM_RETRY_DELAY_MS,
} from './constants.ts';
import { parseTarget, type DeliverySink } from './delivery.ts';
import { lambdaArn, type LambdaService } from './lambda-service.ts';
import type { ShardRecord } from './stream-records.ts';

/** CreateEventSourceMapping settings for a stream. */
export interface StreamMappingConfig {
  functionName: string;
  /** Records per batch (default 100). */
  batchSize?: number;
  /** Seconds to wait for a full batch, 0-300 (default 0). */
  maximumBatchingWindowInSeconds?: number;
  /** Retries of a failing batch; -1 (default) retries until the records expire. */
  maximumRetryAttempts?: number;
  /** Oldest record still sent, s; -1 (default) = the stream's retention. */
  maximumRecordAgeInSeconds?: number;
  bisectBatchOnFunctionError?: boolean;
  reportBatchItemFailures?: boolean;
  /** `sqs:<queue>` or `sns:<topic>`: gets a description of the batch that was given up on. */
  onFailure?: string;
}

/** A shard: an ordered list of records and how far the mapping has read. */
export class Shard {
  readonly records: ShardRecord[] = [];
  /** Index of the first record not yet processed. */
  checkpoint = 0;
  busy = false;
  retries = 0;
  /** Batch size limit after bisecting. */
  limit: number | undefined;
  cause: string | null = null;

  readonly shardId: string;

  constructor(shardId: string) {
    this.shardId = shardId;
  }
}

export class StreamPoller {
  readonly shards = new Map<string, Shard>();

  private readonly lambda: LambdaService;
  readonly kind: 'kinesis' | 'dynamodb';
  readonly streamArn: string;
  readonly config: StreamMappingConfig;
  private readonly sink: DeliverySink;

  constructor(
    lambda: LambdaService,
    kind: 'kinesis' | 'dynamodb',
    streamArn: string,
    config: StreamMappingConfig,
    sink: DeliverySink,
  ) {
    this.lambda = lambda;
    this.kind = kind;
    this.streamArn = streamArn;
    this.config = config;
    this.sink = sink;
  }

  /** Append a record to `shardId` and wake the shard's poller. */
  append(shardId: string, record: ShardRecord, causeId: string | null): void {
    let shard = this.shards.get(shardId);
    if (!shard) this.shards.set(shardId, (shard = new Shard(shardId)));
    shard.records.push(record);
    if (!shard.busy && shard.cause === null) shard.cause = causeId;
    this.schedule(shard, DELIVERY_DELAY_MS.stream + (this.config.maximumBatchingWindowInSeconds ?? 0) * 1000);
  }

  private schedule(shard: Shard, delayMs: number): void {
    if (shard.busy) return;
    shard.busy = true;
    this.lambda.scheduler.after(delayMs, `${this.kind} ${shard.shardId}`, () => {
      shard.busy = false;
      this.process(shard);
    });
  }

  private process(shard: Shard): void {
    const { scheduler, trace } = this.lambda;
    const now = scheduler.now();
    const maxAgeMs =
      (this.config.maximumRecordAgeInSeconds ?? -1) < 0
        ? STREAM_RETENTION_MS
        : this.config.maximumRecordAgeInSeconds! * 1000;
    const size = Math.min(this.config.batchSize ?? STREAM_BATCH_SIZE_DEFAULT, shard.limit ?? Infinity);
    const batch = shard.records.slice(shard.checkpoint, shard.checkpoint + size);
    if (batch.length === 0) return;
    if (now - batch[0]!.arrivalMs > maxAgeMs)
      return this.giveUp(shard, batch, shard.cause, 'the records are older than MaximumRecordAgeInSeconds');
    const eventJson = JSON.stringify({ Records: batch.map((r) => r.record) });
    const outcome = this.lambda.run(this.config.functionName, eventJson, {
      parentId: shard.cause,
      source: this.kind,
      model: 'polled',
      attempt: shard.retries + 1,
    });
    const parentId = outcome.node.id;
    const ids = batch.map((r) => r.sequenceNumber);
    let firstFailed: number | undefined;
    let why: string;
    if (outcome.kind === 'ran' && outcome.record.ok) {
      if (this.config.reportBatchItemFailures) {
        const verdict = readBatchItemFailures(outcome.record.result, ids);
        if (verdict.kind === 'all-failed') [firstFailed, why] = [0, `the whole batch failed: ${verdict.reason}`];
        else if (verdict.failed.length > 0)
          [firstFailed, why] = [
            Math.min(...verdict.failed.map((id) => ids.indexOf(id))),
            'ReportBatchItemFailures: the shard restarts from the first failed record',
          ];
        else why = 'the function succeeded';
      } else why = 'the function succeeded';
    } else {
      firstFailed = 0;
      why =
        outcome.kind === 'refused'
          ? outcome.node.errorType
          : outcome.record.ok
            ? 'the function failed'
            : `the function failed (${outcome.record.error.errorType})`;
    }
    if (firstFailed === undefined) {
      shard.checkpoint += batch.length;
      shard.retries = 0;
      shard.limit = undefined;
      trace.add({
        kind: 'batch-result',
        parentId,
        atMs: now,
        source: this.kind,
        deleted: ids,
        returned: [],
        text: `${batch.length} record${batch.length === 1 ? '' : 's'} processed on ${shard.shardId}; the shard moves on`,
      });
    } else {
      shard.checkpoint += firstFailed;
      shard.retries++;
      const blocked = ids.slice(firstFailed);
      trace.add({
        kind: 'batch-result',
        parentId,
        atMs: now,
        source: this.kind,
        deleted: ids.slice(0, firstFailed),
        returned: blocked,
        text: `${why}; ${shard.shardId} is blocked until records ${blocked[0]}... succeed or expire (retry ${shard.retries})`,
      });
      const maxRetries = this.config.maximumRetryAttempts ?? -1;
      if (maxRetries >= 0 && shard.retries > maxRetries)
        return this.giveUp(shard, batch.slice(firstFailed), parentId, `MaximumRetryAttempts (${maxRetries}) reached`);
      if (this.config.bisectBatchOnFunctionError && blocked.length > 1) shard.limit = Math.ceil(blocked.length / 2);
    }
    shard.cause = parentId;
    if (shard.checkpoint < shard.records.length)
      this.schedule(shard, firstFailed === undefined ? DELIVERY_DELAY_MS.stream : STREAM_RETRY_DELAY_MS);
  }

  private giveUp(shard: Shard, batch: ShardRecord[], parentId: string | null, why: string): void {
    const { scheduler, trace } = this.lambda;
    const now = scheduler.now();
    const first = batch[0]!;
    const last = batch[batch.length - 1]!;
    shard.checkpoint += batch.length;
    shard.retries = 0;
    shard.limit = undefined;
    const batchInfo = {
      shardId: shard.shardId,
      startSequenceNumber: first.sequenceNumber,
      endSequenceNumber: last.sequenceNumber,
      approximateArrivalOfFirstRecord: new Date(first.arrivalMs).toISOString(),
      approximateArrivalOfLastRecord: new Date(last.arrivalMs).toISOString(),
      batchSize: batch.length,
      streamArn: this.streamArn,
    };
    const payload = {
      requestContext: {
        requestId: this.lambda.newId(),
        functionArn: lambdaArn(this.config.functionName),
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 1,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: new Date(now).toISOString(),
      [this.kind === 'kinesis' ? 'KinesisBatchInfo' : 'DDBStreamBatchInfo']: batchInfo,
    };
    const target = this.config.onFailure;
    if (target) {
      const id = trace.add({
        kind: 'destination',
        parentId,
        atMs: now,
        functionName: this.config.functionName,
        target,
        condition: 'RetriesExhausted',
        payload,
      });
      const ref = parseTarget(target);
      if (ref)
        this.sink.deliver({ target: ref, body: JSON.stringify(payload), attributes: {}, parentId: id, lineage: {} });
    } else {
      trace.add({
        kind: 'note',
        parentId,
        atMs: now,
        text: `${why}: ${batch.length} record${batch.length === 1 ? '' : 's'} skipped on ${shard.shardId} (no on-failure destination keeps them)`,
      });
    }
    shard.cause = parentId;
    if (shard.checkpoint < shard.records.length) this.schedule(shard, DELIVERY_DELAY_MS.stream);
  }
}
