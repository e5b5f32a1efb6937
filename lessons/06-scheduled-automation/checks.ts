/**
 * Checks of lesson 06's exercise (see exercise.yaml for the tasks): a scheduled function that starts
 * or stops instances. The events are the simulator's eventbridge-scheduled template
 * (`coldstart events eventbridge-scheduled --set rule=dev-servers-start`) with the time set to the
 * moment each rule would fire; checks.ts may import types only, so they are built here.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

/** The ids in exercise.yaml's configuration (INSTANCE_IDS). */
const IDS = ['i-0a1b2c3d4e5f60718', 'i-0f9e8d7c6b5a40321'];

/** A scheduled rule event, as EventBridge sends it when `rule` fires at `time` (UTC). */
function scheduled(rule: string, time: string, id = 'a9b425bb-174c-48ab-98c1-03f7e0fb48cc') {
  return {
    version: '0',
    id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time,
    region: 'us-east-1',
    resources: [`arn:aws:events:us-east-1:123456789012:rule/${rule}`],
    detail: {},
  };
}

// 9 April 2026 is a Thursday; 11 and 12 April a Saturday and a Sunday; 13 April a Monday.
const THU_START = scheduled('dev-servers-start', '2026-04-09T00:00:00Z', '7bf73129-1428-4cd3-a780-95db273d1602');
const THU_STOP = scheduled('dev-servers-stop', '2026-04-09T10:00:00Z', 'c9a1e2f4-5b6d-4e8f-9a0b-1c2d3e4f5a6b');

interface Summary {
  action: unknown;
  rule: unknown;
  instanceIds: unknown;
}

/** Invokes with `event` (and `config`), returning the summary fields and the record. */
async function run(h: CheckHarness, event: ReturnType<typeof scheduled>, config?: Record<string, unknown>) {
  const record = await h.invoke({ event, config });
  const result = h.object(record);
  return { record, summary: { action: result.action, rule: result.rule, instanceIds: result.instanceIds } as Summary };
}

/** Fails unless `field` of the summary equals `want` (compared as JSON). */
function expectField(
  h: CheckHarness,
  event: ReturnType<typeof scheduled>,
  summary: Summary,
  field: keyof Summary,
  want: unknown,
): void {
  const rule = event.resources[0].split('/').pop();
  h.check(
    JSON.stringify(summary[field]) === JSON.stringify(want),
    {
      en: `for rule ${rule} at ${event.time}, ${field} ${JSON.stringify(want)}`,
      ko: `${event.time}에 실행된 규칙 ${rule}에 대해 ${field} ${JSON.stringify(want)}`,
    },
    { en: `it returned ${JSON.stringify(summary)}`, ko: `반환값이 ${JSON.stringify(summary)}였어요` },
  );
}

export const checks: ExerciseChecks = {
  'action-from-rule': async (h) => {
    for (const [event, action, rule] of [
      [THU_START, 'start', 'dev-servers-start'],
      [THU_STOP, 'stop', 'dev-servers-stop'],
      // The rule name decides, not the hour: a stop rule that fires early still stops.
      [scheduled('dev-servers-stop', '2026-04-09T03:00:00Z'), 'stop', 'dev-servers-stop'],
    ] as const) {
      const { summary } = await run(h, event);
      expectField(h, event, summary, 'rule', rule);
      expectField(h, event, summary, 'action', action);
    }
  },

  'instances-from-env': async (h) => {
    const { summary } = await run(h, THU_START);
    expectField(h, THU_START, summary, 'instanceIds', IDS);
    // Spaces and a trailing comma, as people type them in the console.
    const spaced = { environment: { INSTANCE_IDS: ' i-0a1b2c3d4e5f60718 , i-0f9e8d7c6b5a40321, ' } };
    const again = await run(h, THU_STOP, spaced);
    h.check(
      JSON.stringify(again.summary.instanceIds) === JSON.stringify(IDS),
      {
        en: `with INSTANCE_IDS="${spaced.environment.INSTANCE_IDS}", instanceIds ${JSON.stringify(IDS)} (trimmed, empty ones dropped)`,
        ko: `INSTANCE_IDS="${spaced.environment.INSTANCE_IDS}"일 때 instanceIds ${JSON.stringify(IDS)} (공백을 자르고 빈 값은 버려요)`,
      },
      { en: `it returned ${JSON.stringify(again.summary)}`, ko: `반환값이 ${JSON.stringify(again.summary)}였어요` },
    );
    const unset = await run(h, THU_STOP, { environment: {} });
    h.check(
      Array.isArray(unset.summary.instanceIds) && unset.summary.instanceIds.length === 0,
      {
        en: 'without INSTANCE_IDS, instanceIds [] (and no crash)',
        ko: 'INSTANCE_IDS가 없으면 instanceIds [] (오류 없이)',
      },
      { en: `it returned ${JSON.stringify(unset.summary)}`, ko: `반환값이 ${JSON.stringify(unset.summary)}였어요` },
    );
  },

  'decide-from-time': async (h) => {
    for (const [time, action] of [
      ['2026-04-09T00:00:00Z', 'start'],
      ['2026-04-09T03:00:00Z', 'start'],
      ['2026-04-09T09:00:00Z', 'start'],
      ['2026-04-09T10:00:00Z', 'stop'],
      ['2026-04-09T15:00:00Z', 'stop'],
      ['2026-04-09T23:00:00Z', 'stop'],
    ] as const) {
      const event = scheduled('dev-servers-hourly', time);
      const { summary } = await run(h, event);
      expectField(h, event, summary, 'action', action);
    }
  },

  'skip-weekends': async (h) => {
    for (const [event, action] of [
      [scheduled('dev-servers-start', '2026-04-11T00:00:00Z'), 'skip'],
      [scheduled('dev-servers-hourly', '2026-04-12T05:00:00Z'), 'skip'],
      [scheduled('dev-servers-stop', '2026-04-12T10:00:00Z'), 'skip'],
      [scheduled('dev-servers-start', '2026-04-13T00:00:00Z'), 'start'],
      [scheduled('dev-servers-hourly', '2026-04-10T05:00:00Z'), 'start'],
    ] as const) {
      const { summary } = await run(h, event);
      expectField(h, event, summary, 'action', action);
      expectField(h, event, summary, 'instanceIds', action === 'skip' ? [] : IDS);
    }
  },

  'log-action': async (h) => {
    const cases = [
      { event: THU_START, words: ['start', ...IDS] },
      { event: THU_STOP, words: ['stop', ...IDS] },
      { event: scheduled('dev-servers-start', '2026-04-11T00:00:00Z'), words: ['skip'] },
    ];
    for (const { event, words } of cases) {
      const { record } = await run(h, event);
      const lines = h.messages(record);
      h.check(
        lines.some((line) => words.every((w) => line.toLowerCase().includes(w.toLowerCase()))),
        {
          en: `for ${event.resources[0].split('/').pop()} at ${event.time}, one log line naming ${words.join(', ')}`,
          ko: `${event.time}의 ${event.resources[0].split('/').pop()}에 대해 ${words.join(', ')}를 모두 적은 로그 한 줄`,
        },
        lines.length === 0
          ? { en: 'the handler logged nothing', ko: '핸들러가 아무 로그도 남기지 않았어요' }
          : { en: `the handler logged: ${lines.join(' | ')}`, ko: `핸들러가 남긴 로그: ${lines.join(' | ')}` },
      );
    }
  },
};
