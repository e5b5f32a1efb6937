/**
 * Checks of lesson 01's exercise (see exercise.yaml for the tasks): one function answers API Gateway
 * requests and reacts to S3 notifications. The events are the simulator's templates (apigateway-rest,
 * s3-put, s3-delete), the same the learner can fire from the event picker.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

/** The lines the handler logged, each cut to a readable length, for a failure message. */
function logged(lines: string[]) {
  const shown = lines.map((l) => (l.length > 120 ? `${l.slice(0, 120)}...` : l)).join(' | ');
  return lines.length === 0
    ? { en: 'the handler logged nothing', ko: '핸들러가 아무 로그도 남기지 않았어요' }
    : { en: `the handler logged: ${shown}`, ko: `핸들러가 남긴 로그: ${shown}` };
}

/** Invokes with an S3 event and checks that one of the handler's log lines is exactly `line`. */
async function expectLogLine(h: CheckHarness, event: unknown, line: string, what: { en: string; ko: string }) {
  const record = await h.invoke({ event });
  if (!record.ok)
    h.fail({ en: `for ${what.en}, no error`, ko: `${what.ko}에 오류가 나지 않는 것` }, h.describe(record));
  const lines = h.messages(record).map((l) => l.trim());
  h.check(
    lines.includes(line),
    { en: `for ${what.en}, the log line "${line}"`, ko: `${what.ko}에 "${line}" 로그 줄` },
    logged(lines),
  );
  return lines;
}

export const checks: ExerciseChecks = {
  'answer-http-request': async (h) => {
    const requests = [
      {},
      { method: 'POST', path: '/photos', resource: '/photos', query: '', body: '{"title":"red-flower"}' },
    ];
    for (const params of requests) {
      const event = h.event('apigateway-rest', params);
      const request = `${event.httpMethod} ${event.path}`;
      const record = await h.invoke({ event });
      const result = h.object(record);
      h.check(result.statusCode === 200, `statusCode 200 (${request})`, () => ({
        en: `statusCode ${JSON.stringify(result.statusCode)} (${h.say(h.describe(record))})`,
        ko: `statusCode ${JSON.stringify(result.statusCode)} (${h.say(h.describe(record))})`,
      }));
      let body: unknown;
      try {
        body = typeof result.body === 'string' ? JSON.parse(result.body) : undefined;
      } catch {
        body = undefined;
      }
      const fields = (body ?? {}) as { method?: unknown; path?: unknown };
      h.check(
        fields.method === event.httpMethod && fields.path === event.path,
        {
          en: `for ${request}, a JSON body {"method":"${event.httpMethod}","path":"${event.path}"}`,
          ko: `${request} 요청에 JSON body {"method":"${event.httpMethod}","path":"${event.path}"}`,
        },
        { en: `the body was ${JSON.stringify(result.body)}`, ko: `body가 ${JSON.stringify(result.body)}였어요` },
      );
    }
  },

  'log-s3-upload': async (h) => {
    await expectLogLine(h, h.event('s3-put'), 'New object: coldstart-uploads/uploads/photo.jpg (1024 bytes)', {
      en: 'an upload of uploads/photo.jpg',
      ko: 'uploads/photo.jpg 업로드 이벤트',
    });
    await expectLogLine(
      h,
      h.event('s3-put', { bucket: 'photo-inbox', key: 'cats/tom.jpg', size: 52311 }),
      'New object: photo-inbox/cats/tom.jpg (52311 bytes)',
      {
        en: 'an upload of cats/tom.jpg',
        ko: 'cats/tom.jpg 업로드 이벤트',
      },
    );
  },

  'log-s3-delete': async (h) => {
    for (const [event, line, key] of [
      [h.event('s3-delete'), 'Deleted object: coldstart-uploads/uploads/photo.jpg', 'uploads/photo.jpg'],
      [
        h.event('s3-delete', { bucket: 'photo-inbox', key: 'cats/old.jpg' }),
        'Deleted object: photo-inbox/cats/old.jpg',
        'cats/old.jpg',
      ],
    ] as const) {
      const lines = await expectLogLine(h, event, line, {
        en: `a deletion of ${key}`,
        ko: `${key} 삭제 이벤트`,
      });
      h.check(
        !lines.some((l) => l.startsWith('New object')),
        { en: 'no "New object" line for a deletion', ko: '삭제 이벤트에는 "New object" 줄이 없는 것' },
        logged(lines),
      );
    }
  },
};
