/**
 * Checks of lesson 03's exercise (see exercise.yaml for the tasks): the handler recognises the event
 * source from the event's shape and returns { source, count, invocation }. The events are the
 * simulator's templates (`coldstart events <name> --set ...`).
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

interface Case {
  /** What the event is, for messages. */
  what: { en: string; ko: string };
  event: EventSpec;
  source: string;
  count: number;
  invocation: string;
}

/** Invokes with the case's event and checks source and count (and invocation when asked). */
async function expectSummary(h: CheckHarness, c: Case, withInvocation = false): Promise<void> {
  const record = await h.invoke({ event: h.event(c.event.template, c.event.params) });
  const result = h.object(record);
  const want: Record<string, unknown> = { source: c.source, count: c.count };
  if (withInvocation) want.invocation = c.invocation;
  const got = Object.fromEntries(Object.keys(want).map((k) => [k, result[k]]));
  h.check(
    Object.keys(want).every((k) => want[k] === got[k]),
    { en: `for ${c.what.en}, ${JSON.stringify(want)}`, ko: `${c.what.ko}에 ${JSON.stringify(want)}` },
    { en: `it returned ${JSON.stringify(result)}`, ko: `반환값이 ${JSON.stringify(result)}였어요` },
  );
}

// Events come from the simulator's templates (what `coldstart events <name>` prints), so the checks
// send exactly what the learner sees in the event picker.

/** A template and its parameters, built with h.event. */
interface EventSpec {
  template: string;
  params?: Record<string, unknown>;
}

// The cases: each event with the summary a correct handler returns for it.

const S3: Case = {
  what: { en: 'an S3 upload', ko: 'S3 업로드 이벤트' },
  event: { template: 's3-put' },
  source: 's3',
  count: 1,
  invocation: 'async',
};
const SQS: Case = {
  what: { en: 'an SQS batch of 3 messages', ko: '메시지 3개짜리 SQS 배치' },
  event: {
    template: 'sqs',
    params: {
      messages: [
        { orderId: 'o-1001', total: 25.5 },
        { orderId: 'o-1002', total: 12 },
        { orderId: 'o-1003', total: 7.25 },
      ],
    },
  },
  source: 'sqs',
  count: 3,
  invocation: 'poll',
};
const KINESIS: Case = {
  what: { en: 'a Kinesis batch of 2 records', ko: '레코드 2개짜리 Kinesis 배치' },
  event: { template: 'kinesis' },
  source: 'kinesis',
  count: 2,
  invocation: 'poll',
};
const DYNAMODB: Case = {
  what: { en: 'a DynamoDB Streams INSERT', ko: 'DynamoDB Streams INSERT 이벤트' },
  event: { template: 'dynamodb-insert' },
  source: 'dynamodb',
  count: 1,
  invocation: 'poll',
};
const SNS: Case = {
  what: { en: 'an SNS notification', ko: 'SNS 알림' },
  event: { template: 'sns' },
  source: 'sns',
  count: 1,
  invocation: 'async',
};
const REST: Case = {
  what: { en: 'an API Gateway REST API request (GET /hello)', ko: 'API Gateway REST API 요청(GET /hello)' },
  event: { template: 'apigateway-rest' },
  source: 'apigateway',
  count: 1,
  invocation: 'sync',
};
const HTTP_API: Case = {
  what: { en: 'an API Gateway HTTP API request (POST /orders)', ko: 'API Gateway HTTP API 요청(POST /orders)' },
  event: {
    template: 'apigateway-http',
    params: { method: 'POST', path: '/orders', query: '', body: '{"item":"book"}' },
  },
  source: 'apigateway',
  count: 1,
  invocation: 'sync',
};
const SCHEDULE: Case = {
  what: { en: 'an EventBridge scheduled event', ko: 'EventBridge 예약 이벤트' },
  event: { template: 'eventbridge-scheduled' },
  source: 'eventbridge',
  count: 1,
  invocation: 'async',
};
const CUSTOM: Case = {
  what: { en: 'an EventBridge custom event (Order Placed)', ko: 'EventBridge 사용자 지정 이벤트(Order Placed)' },
  event: { template: 'eventbridge-custom' },
  source: 'eventbridge',
  count: 1,
  invocation: 'async',
};

export const checks: ExerciseChecks = {
  'records-event-source': async (h) => {
    for (const c of [S3, SQS, KINESIS, DYNAMODB]) await expectSummary(h, c);
  },

  'sns-event-source': async (h) => {
    await expectSummary(h, SNS);
    await expectSummary(h, {
      ...SNS,
      what: { en: 'another SNS notification (no subject)', ko: '제목 없는 다른 SNS 알림' },
      event: { template: 'sns', params: { subject: '', message: 'stock low: pen' } },
    });
  },

  'api-gateway-requests': async (h) => {
    for (const c of [REST, HTTP_API]) await expectSummary(h, c);
  },

  'eventbridge-events': async (h) => {
    for (const c of [SCHEDULE, CUSTOM]) await expectSummary(h, c);
  },

  'invocation-model': async (h) => {
    const more: Case[] = [
      { ...S3, what: { en: 'an S3 deletion', ko: 'S3 삭제 이벤트' }, event: { template: 's3-delete' } },
      {
        ...DYNAMODB,
        what: { en: 'a DynamoDB Streams MODIFY', ko: 'DynamoDB Streams MODIFY 이벤트' },
        event: { template: 'dynamodb-modify' },
      },
    ];
    for (const c of [REST, HTTP_API, S3, SNS, SCHEDULE, SQS, KINESIS, DYNAMODB, ...more]) {
      await expectSummary(h, c, true);
    }
  },
};
