/**
 * An EventBridge scheduled rule firing (cron or rate expression), shaped like the sample in
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html
 * Schedules fire on the minute, so the event time has zero seconds.
 */
import type { ScheduledEvent } from 'aws-lambda';
import { ACCOUNT, REGION, arn, isoSeconds } from '../aws-formats.ts';
import { defineEventTemplate } from '../template-types.ts';

export const eventbridgeScheduled = defineEventTemplate({
  name: 'eventbridge-scheduled',
  title: { en: 'EventBridge scheduled rule', ko: 'EventBridge 예약 규칙' },
  invocation: 'async',
  awsType: 'ScheduledEvent',
  source: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html',
  parameters: [
    {
      name: 'rule',
      kind: 'string',
      default: 'nightly-report',
      pattern: '[A-Za-z0-9._-]{1,64}',
      patternHint: "a rule name (1-64 letters, digits, '.', '-' and '_')",
      label: { en: 'Rule', ko: '규칙' },
      description: { en: 'The name of the scheduled rule.', ko: '예약 규칙의 이름.' },
    },
  ],
  build(p, gen): ScheduledEvent {
    return {
      version: '0',
      id: gen.uuid(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: ACCOUNT,
      time: isoSeconds(Math.floor(gen.now / 60_000) * 60_000),
      region: REGION,
      resources: [arn('events', `rule/${p.rule}`)],
      detail: {},
    };
  },
});
