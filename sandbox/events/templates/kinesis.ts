/**
 * A batch of Kinesis Data Streams records, shaped like the sample in
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html. `data` is the base64 of each
 * record's bytes; sequence numbers grow within the shard.
 */
import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { ACCOUNT, REGION, arn, epochSeconds } from '../aws-formats.ts';
import { defineEventTemplate } from '../template-types.ts';
import { messageBody } from './sqs.ts';

export const kinesis = defineEventTemplate({
  name: 'kinesis',
  title: { en: 'Kinesis Data Streams records', ko: 'Kinesis Data Streams 레코드' },
  invocation: 'polled',
  awsType: 'KinesisStreamEvent',
  source: 'https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html',
  parameters: [
    {
      name: 'stream',
      kind: 'string',
      default: 'clickstream',
      pattern: '[A-Za-z0-9_.-]{1,128}',
      patternHint: "a stream name (1-128 letters, digits, '_', '-' and '.')",
      label: { en: 'Stream', ko: '스트림' },
      description: { en: 'The data stream the records come from.', ko: '레코드가 나온 데이터 스트림.' },
    },
    {
      name: 'records',
      kind: 'json',
      shape: 'array',
      maxItems: 10_000,
      default: [
        { page: '/home', userId: 'u-7' },
        { page: '/cart', userId: 'u-7' },
      ],
      label: { en: 'Records', ko: '레코드' },
      description: {
        en: 'The data of each record: strings as they are, other JSON values serialized; the event carries them base64-encoded.',
        ko: '각 레코드의 데이터. 문자열은 그대로, 다른 JSON 값은 직렬화되며 이벤트에는 base64로 인코딩되어 들어갑니다.',
      },
    },
    {
      name: 'partitionKey',
      kind: 'string',
      default: 'u-7',
      pattern: '.{1,256}',
      patternHint: 'a partition key (1-256 characters)',
      label: { en: 'Partition key', ko: '파티션 키' },
      description: {
        en: 'The partition key the producer used; it picks the shard.',
        ko: '생산자가 쓴 파티션 키. 샤드를 정합니다.',
      },
    },
    {
      name: 'shard',
      kind: 'number',
      integer: true,
      min: 0,
      max: 9999,
      default: 0,
      label: { en: 'Shard number', ko: '샤드 번호' },
      description: {
        en: 'The shard the records were read from (shardId-000000000000 is 0).',
        ko: '레코드를 읽은 샤드 (shardId-000000000000은 0).',
      },
    },
  ],
  build(p, gen): KinesisStreamEvent {
    const items = p.records as unknown[];
    const shardId = `shardId-${String(p.shard).padStart(12, '0')}`;
    const eventSourceARN = arn('kinesis', `stream/${p.stream}`);
    // Sequence numbers are 56-digit decimals that only grow within a shard.
    let sequence = BigInt(`49${gen.digits(54)}`);
    const records = items.map((item, i): KinesisStreamRecord => {
      sequence += BigInt(gen.int(1, 999_999)) * 10n ** 20n;
      const sequenceNumber = sequence.toString();
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: p.partitionKey,
          sequenceNumber,
          data: Buffer.from(messageBody(item), 'utf8').toString('base64'),
          approximateArrivalTimestamp: epochSeconds(gen.now - (items.length - i) * 250 - gen.int(0, 99)),
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `${shardId}:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: `arn:aws:iam::${ACCOUNT}:role/lambda-kinesis-role`,
        awsRegion: REGION,
        eventSourceARN,
      };
    });
    return { Records: records };
  },
});
