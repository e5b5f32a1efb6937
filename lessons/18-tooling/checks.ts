/**
 * Checks of lesson 18's exercise (see exercise.yaml): a handler that reads a tiny SAM template
 * from {"template": {...}} and returns { functions: [...], valid, errors }. The checks compare the
 * summary with the one worked out here.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

/** A good template: two functions (one with defaults) and a table. */
const GOOD = {
  AWSTemplateFormatVersion: '2010-09-09',
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    OrdersTable: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST' } },
    GetOrderFunction: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        Handler: 'index.handler',
        Runtime: 'nodejs24.x',
        MemorySize: 256,
        Timeout: 10,
        Events: {
          GetOrder: { Type: 'Api', Properties: { Path: '/orders/{id}', Method: 'get' } },
          Nightly: { Type: 'Schedule', Properties: { Schedule: 'cron(0 3 * * ? *)' } },
        },
      },
    },
    ProcessQueueFunction: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        Handler: 'worker.handler',
        Runtime: 'nodejs22.x',
        Events: { Jobs: { Type: 'SQS', Properties: { Queue: 'arn:aws:sqs:us-east-1:123456789012:jobs', BatchSize: 10 } } },
      },
    },
    CleanupFunction: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'cleanup.handler', Runtime: 'nodejs24.x', MemorySize: 10240, Timeout: 900 } },
  },
};

/** A bad template: every kind of mistake once, plus a function that is fine. */
const BAD = {
  Transform: 'AWS::Serverless-2016-10-31',
  Resources: {
    Legacy: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', MemorySize: 3008, Timeout: 30 } },
    TooLong: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs24.x', MemorySize: 512, Timeout: 1800 } },
    TooBig: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', MemorySize: 16384 } },
    TooSmall: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs24.x', MemorySize: 64, Timeout: 0 } },
    Fine: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs24.x' } },
    Uploads: { Type: 'AWS::S3::Bucket' },
  },
};

interface Fn {
  name: string;
  runtime?: unknown;
  memorySizeMB?: unknown;
  timeoutSeconds?: unknown;
  events?: unknown;
}

async function review(h: CheckHarness, template: unknown, label: { en: string; ko: string }): Promise<Record<string, unknown>> {
  const record = await h.invoke({ event: { template } });
  const result = h.object(record);
  h.check(
    Array.isArray(result.functions) && result.functions.every((f) => typeof f === 'object' && f !== null && typeof (f as Fn).name === 'string'),
    {
      en: `${label.en}: a result {"functions": [{ "name", ... }], "valid", "errors"}`,
      ko: `${label.ko}: {"functions": [{ "name", ... }], "valid", "errors"} 모양의 결과`,
    },
    h.describe(record),
  );
  return result;
}

const GOOD_LABEL = { en: 'the orders template', ko: '주문 템플릿' };
const BAD_LABEL = { en: 'the template with mistakes', ko: '실수가 있는 템플릿' };

export const checks: ExerciseChecks = {
  'list-functions': async (h) => {
    const result = await review(h, GOOD, GOOD_LABEL);
    const got = (result.functions as Fn[]).map((f) => ({ name: f.name, runtime: f.runtime, memorySizeMB: f.memorySizeMB, timeoutSeconds: f.timeoutSeconds }));
    const want = [
      { name: 'GetOrderFunction', runtime: 'nodejs24.x', memorySizeMB: 256, timeoutSeconds: 10 },
      { name: 'ProcessQueueFunction', runtime: 'nodejs22.x', memorySizeMB: 128, timeoutSeconds: 3 },
      { name: 'CleanupFunction', runtime: 'nodejs24.x', memorySizeMB: 10240, timeoutSeconds: 900 },
    ];
    h.check(
      JSON.stringify(got) === JSON.stringify(want),
      {
        en: `${GOOD_LABEL.en}: functions ${JSON.stringify(want)} (no OrdersTable; ProcessQueueFunction gets the defaults 128 MB and 3 s)`,
        ko: `${GOOD_LABEL.ko}: functions가 ${JSON.stringify(want)} (OrdersTable은 빼고, ProcessQueueFunction은 기본값 128 MB와 3초)`,
      },
      { en: `functions were ${JSON.stringify(got)}`, ko: `functions가 ${JSON.stringify(got)}였어요` },
    );
  },

  'list-events': async (h) => {
    const result = await review(h, GOOD, GOOD_LABEL);
    const got = Object.fromEntries((result.functions as Fn[]).map((f) => [f.name, f.events]));
    const want = {
      GetOrderFunction: [
        { name: 'GetOrder', type: 'Api' },
        { name: 'Nightly', type: 'Schedule' },
      ],
      ProcessQueueFunction: [{ name: 'Jobs', type: 'SQS' }],
      CleanupFunction: [],
    };
    h.check(
      JSON.stringify(got) === JSON.stringify(want),
      {
        en: `${GOOD_LABEL.en}: events per function ${JSON.stringify(want)}`,
        ko: `${GOOD_LABEL.ko}: 함수별 events가 ${JSON.stringify(want)}`,
      },
      { en: `events per function were ${JSON.stringify(got)}`, ko: `함수별 events가 ${JSON.stringify(got)}였어요` },
    );
  },

  validate: async (h) => {
    const good = await review(h, GOOD, GOOD_LABEL);
    h.check(
      good.valid === true && Array.isArray(good.errors) && good.errors.length === 0,
      {
        en: `${GOOD_LABEL.en} (10,240 MB and 900 s are allowed): "valid": true, "errors": []`,
        ko: `${GOOD_LABEL.ko} (10,240 MB와 900초는 허용돼요): "valid": true, "errors": []`,
      },
      { en: `valid ${JSON.stringify(good.valid)}, errors ${JSON.stringify(good.errors)}`, ko: `valid ${JSON.stringify(good.valid)}, errors ${JSON.stringify(good.errors)}였어요` },
    );
    const bad = await review(h, BAD, BAD_LABEL);
    const errors = Array.isArray(bad.errors) ? bad.errors : [];
    const got = errors
      .map((e) => (typeof e === 'object' && e !== null ? `${(e as Record<string, unknown>).function}.${(e as Record<string, unknown>).field}` : JSON.stringify(e)))
      .sort();
    const want = ['Legacy.Runtime', 'TooBig.MemorySize', 'TooLong.Timeout', 'TooSmall.MemorySize', 'TooSmall.Timeout'];
    h.check(
      bad.valid === false && JSON.stringify(got) === JSON.stringify(want),
      {
        en: `${BAD_LABEL.en}: "valid": false and errors for exactly ${want.join(', ')} (function.field; 3,008 MB is fine, nodejs20.x is not)`,
        ko: `${BAD_LABEL.ko}: "valid": false이고 오류가 정확히 ${want.join(', ')} (function.field. 3,008 MB는 괜찮고 nodejs20.x는 안 돼요)`,
      },
      { en: `valid ${JSON.stringify(bad.valid)}, errors for ${JSON.stringify(got)}`, ko: `valid ${JSON.stringify(bad.valid)}, 오류 대상이 ${JSON.stringify(got)}였어요` },
    );
  },
};
