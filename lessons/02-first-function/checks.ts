/**
 * Checks of lesson 01's exercise (see exercise.yaml for the tasks). Trusted lesson code: it runs
 * the learner's handler in the simulator and asserts on the invocation record.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

/** Invokes with `event` and returns the parsed body's message, failing with what came back otherwise. */
async function greeting(h: CheckHarness, event: Record<string, unknown>): Promise<unknown> {
  const record = await h.invoke({ event });
  const result = h.object(record);
  h.check(result.statusCode === 200, 'statusCode 200', () => ({
    en: `statusCode ${JSON.stringify(result.statusCode)} (${h.say(h.describe(record))})`,
    ko: `statusCode ${JSON.stringify(result.statusCode)} (${h.say(h.describe(record))})`,
  }));
  h.check(
    typeof result.body === 'string',
    { en: 'body to be a JSON string (use JSON.stringify)', ko: 'body가 JSON 문자열인 것 (JSON.stringify를 쓰세요)' },
    { en: `body was ${JSON.stringify(result.body)}`, ko: `body가 ${JSON.stringify(result.body)}였어요` },
  );
  let body: unknown;
  try {
    body = JSON.parse(String(result.body));
  } catch {
    return h.fail(
      { en: 'body to be valid JSON', ko: 'body가 올바른 JSON인 것' },
      { en: `body was ${JSON.stringify(result.body)}`, ko: `body가 ${JSON.stringify(result.body)}였어요` },
    );
  }
  return (body as { message?: unknown } | null)?.message;
}

export const checks: ExerciseChecks = {
  'greet-by-name': async (h) => {
    for (const name of ['Ada', 'Grace']) {
      const message = await greeting(h, { name });
      h.check(
        message === `Hello, ${name}!`,
        {
          en: `for {"name": "${name}"}, the message "Hello, ${name}!"`,
          ko: `{"name": "${name}"}에 대해 "Hello, ${name}!" 메시지`,
        },
        { en: `the message was ${JSON.stringify(message)}`, ko: `메시지가 ${JSON.stringify(message)}였어요` },
      );
    }
  },

  'default-to-world': async (h) => {
    for (const event of [{}, { key1: 'value1' }]) {
      const message = await greeting(h, event);
      h.check(
        message === 'Hello, world!',
        {
          en: `for ${JSON.stringify(event)}, the message "Hello, world!"`,
          ko: `${JSON.stringify(event)}에 대해 "Hello, world!" 메시지`,
        },
        { en: `the message was ${JSON.stringify(message)}`, ko: `메시지가 ${JSON.stringify(message)}였어요` },
      );
    }
  },

  'log-request-id': async (h) => {
    // Two invokes, cold then warm: a request id logged once at module load would match only one.
    for (let i = 0; i < 2; i++) {
      const record = await h.invoke({ event: { name: 'Ada' } });
      const lines = h.messages(record);
      h.check(
        lines.some((line) => line.includes(record.requestId)),
        {
          en: `a log line containing this invocation's request id (${record.requestId})`,
          ko: `이번 호출의 요청 ID(${record.requestId})가 들어 있는 로그 줄`,
        },
        lines.length === 0
          ? { en: 'the handler logged nothing', ko: '핸들러가 아무 로그도 남기지 않았어요' }
          : { en: `the handler logged: ${lines.join(' | ')}`, ko: `핸들러가 남긴 로그: ${lines.join(' | ')}` },
      );
    }
  },
};
