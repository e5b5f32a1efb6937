/**
 * Checks of lesson 01's exercise (see exercise.yaml for the tasks): one function answers API Gateway
 * requests and reacts to S3 notifications. The events are the simulator's templates (apigateway-rest,
 * s3-put, s3-delete), trimmed and inlined at the bottom, since checks.ts may import types only.
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
    for (const event of [REST_GET_HELLO, REST_POST_PHOTOS]) {
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
    await expectLogLine(h, S3_PUT_DEFAULT, 'New object: coldstart-uploads/uploads/photo.jpg (1024 bytes)', {
      en: 'an upload of uploads/photo.jpg',
      ko: 'uploads/photo.jpg 업로드 이벤트',
    });
    await expectLogLine(h, S3_PUT_CAT, 'New object: photo-inbox/cats/tom.jpg (52311 bytes)', {
      en: 'an upload of cats/tom.jpg',
      ko: 'cats/tom.jpg 업로드 이벤트',
    });
  },

  'log-s3-delete': async (h) => {
    for (const [event, line, key] of [
      [S3_DELETE_DEFAULT, 'Deleted object: coldstart-uploads/uploads/photo.jpg', 'uploads/photo.jpg'],
      [S3_DELETE_CAT, 'Deleted object: photo-inbox/cats/old.jpg', 'cats/old.jpg'],
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

// Events: the simulator's templates (`coldstart events <name> --set ...`), trimmed.

const REST_GET_HELLO = {
  resource: '/hello',
  path: '/hello',
  httpMethod: 'GET',
  headers: {
    Accept: 'application/json',
    Host: '251l5qj7ha.execute-api.us-east-1.amazonaws.com',
    'User-Agent': 'curl/8.5.0',
    'X-Amzn-Trace-Id': 'Root=1-69d79cf0-1e7fc88c2dc5dfda9dfefa3a',
    'X-Forwarded-For': '203.0.113.10',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  },
  queryStringParameters: {
    name: 'coldstart',
  },
  pathParameters: null,
  stageVariables: null,
  requestContext: {
    resourcePath: '/hello',
    httpMethod: 'GET',
    requestTime: '09/Apr/2026:12:34:56 +0000',
    path: '/prod/hello',
    accountId: '123456789012',
    protocol: 'HTTP/1.1',
    stage: 'prod',
    requestTimeEpoch: 1775738096789,
    requestId: '1a93fc3e-29f9-435c-a234-04ab046f1312',
    identity: {
      sourceIp: '203.0.113.10',
      userAgent: 'curl/8.5.0',
    },
    authorizer: null,
    domainName: '251l5qj7ha.execute-api.us-east-1.amazonaws.com',
    apiId: '251l5qj7ha',
  },
  body: null,
  isBase64Encoded: false,
};

const REST_POST_PHOTOS = {
  resource: '/photos',
  path: '/photos',
  httpMethod: 'POST',
  headers: {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    Host: '251l5qj7ha.execute-api.us-east-1.amazonaws.com',
    'User-Agent': 'curl/8.5.0',
    'X-Amzn-Trace-Id': 'Root=1-69d79cf0-1e7fc88c2dc5dfda9dfefa3a',
    'X-Forwarded-For': '203.0.113.10',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  },
  queryStringParameters: null,
  pathParameters: null,
  stageVariables: null,
  requestContext: {
    resourcePath: '/photos',
    httpMethod: 'POST',
    requestTime: '09/Apr/2026:12:34:56 +0000',
    path: '/prod/photos',
    accountId: '123456789012',
    protocol: 'HTTP/1.1',
    stage: 'prod',
    requestTimeEpoch: 1775738096789,
    requestId: '1a93fc3e-29f9-435c-a234-04ab046f1312',
    identity: {
      sourceIp: '203.0.113.10',
      userAgent: 'curl/8.5.0',
    },
    authorizer: null,
    domainName: '251l5qj7ha.execute-api.us-east-1.amazonaws.com',
    apiId: '251l5qj7ha',
  },
  body: '{"title":"red-flower"}',
  isBase64Encoded: false,
};

const S3_PUT_DEFAULT = {
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-04-09T12:34:56.789Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: {
        principalId: 'AWS:AIDAV7MAFX7MCKOEQG518',
      },
      requestParameters: {
        sourceIPAddress: '203.0.113.10',
      },
      responseElements: {
        'x-amz-request-id': 'EE8D6EEA25C094F0',
        'x-amz-id-2': 'zeOdjmOt7ZTjTgbXvqfvtmiP//n5/QRwSU2JnnP+ETeEXxB1ALz+8kU2HUH9jBMh/7XOUUtjLJW7',
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'coldstart-trigger',
        bucket: {
          name: 'coldstart-uploads',
          ownerIdentity: {
            principalId: 'AAXET4QKKGJNAS',
          },
          arn: 'arn:aws:s3:::coldstart-uploads',
        },
        object: {
          key: 'uploads/photo.jpg',
          size: 1024,
          eTag: '4b15bf93c85084bd997d985ccb8d839c',
          sequencer: '00AB954DA34C2E77D6',
        },
      },
    },
  ],
};

const S3_PUT_CAT = {
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-04-09T12:34:56.789Z',
      eventName: 'ObjectCreated:Put',
      userIdentity: {
        principalId: 'AWS:AIDAV7MAFX7MCKOEQG518',
      },
      requestParameters: {
        sourceIPAddress: '203.0.113.10',
      },
      responseElements: {
        'x-amz-request-id': 'EE8D6EEA25C094F0',
        'x-amz-id-2': 'zeOdjmOt7ZTjTgbXvqfvtmiP//n5/QRwSU2JnnP+ETeEXxB1ALz+8kU2HUH9jBMh/7XOUUtjLJW7',
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'coldstart-trigger',
        bucket: {
          name: 'photo-inbox',
          ownerIdentity: {
            principalId: 'AAXET4QKKGJNAS',
          },
          arn: 'arn:aws:s3:::photo-inbox',
        },
        object: {
          key: 'cats/tom.jpg',
          size: 52311,
          eTag: '4b15bf93c85084bd997d985ccb8d839c',
          sequencer: '00AB954DA34C2E77D6',
        },
      },
    },
  ],
};

const S3_DELETE_DEFAULT = {
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-04-09T12:34:56.789Z',
      eventName: 'ObjectRemoved:Delete',
      userIdentity: {
        principalId: 'AWS:AIDAKCDNJM6O525SIDQ2U',
      },
      requestParameters: {
        sourceIPAddress: '203.0.113.10',
      },
      responseElements: {
        'x-amz-request-id': '0010178B9FB0252D',
        'x-amz-id-2': 'cSfrFCxUlpG/jdniMgBSl3o4uZc8UlAEG0QppGU74+ehm6J9FOwQDMyjdaP9SL6y7CiCNNc7caEW',
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'coldstart-trigger',
        bucket: {
          name: 'coldstart-uploads',
          ownerIdentity: {
            principalId: 'A7EJYT0DSEMU28',
          },
          arn: 'arn:aws:s3:::coldstart-uploads',
        },
        object: {
          key: 'uploads/photo.jpg',
          sequencer: '0023003E73E26B5133',
        },
      },
    },
  ],
};

const S3_DELETE_CAT = {
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-04-09T12:34:56.789Z',
      eventName: 'ObjectRemoved:Delete',
      userIdentity: {
        principalId: 'AWS:AIDAKCDNJM6O525SIDQ2U',
      },
      requestParameters: {
        sourceIPAddress: '203.0.113.10',
      },
      responseElements: {
        'x-amz-request-id': '0010178B9FB0252D',
        'x-amz-id-2': 'cSfrFCxUlpG/jdniMgBSl3o4uZc8UlAEG0QppGU74+ehm6J9FOwQDMyjdaP9SL6y7CiCNNc7caEW',
      },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'coldstart-trigger',
        bucket: {
          name: 'photo-inbox',
          ownerIdentity: {
            principalId: 'A7EJYT0DSEMU28',
          },
          arn: 'arn:aws:s3:::photo-inbox',
        },
        object: {
          key: 'cats/old.jpg',
          sequencer: '0023003E73E26B5133',
        },
      },
    },
  ],
};
