/**
 * Checks of lesson 03's exercise (see exercise.yaml for the tasks): the handler recognises the event
 * source from the event's shape and returns { source, count, invocation }. The events are the
 * simulator's templates (`coldstart events <name> --set ...`), lightly trimmed and inlined first (the
 * cases below use them), since checks.ts may import types only.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

interface Case {
  /** What the event is, for messages. */
  what: { en: string; ko: string };
  event: unknown;
  source: string;
  count: number;
  invocation: string;
}

/** Invokes with the case's event and checks source and count (and invocation when asked). */
async function expectSummary(h: CheckHarness, c: Case, withInvocation = false): Promise<void> {
  const record = await h.invoke({ event: c.event });
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

// Events: the simulator's templates, trimmed (long signatures and duplicated headers removed).

const S3_PUT = {
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

const S3_DELETE = {
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

const SQS_BATCH = {
  Records: [
    {
      messageId: '1600680d-8c81-445f-8139-f5c7620e2a00',
      receiptHandle:
        'AQEBkDFLy0pjHSDlncFmBCCSFQR4xHpTnl1XE2gOUqaYAmZEUkALFPuBhC9gzgsw/y1epAbcKqlj79vOphTdLYvkfITHBElCmTbSYgM3CSVq4awu2IbjTp5PEdb7AnOBOXsrtnQ8JaTZT/MxuVFgT9M/Oo71ncTLtDkEedRQW/0yJqDjkO9X',
      body: '{"orderId":"o-1001","total":25.5}',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1775738093771',
        SenderId: 'AIDAHCLC7CRNPCZE4QKOV',
        ApproximateFirstReceiveTimestamp: '1775738093816',
      },
      messageAttributes: {},
      md5OfBody: 'f800f203a2ac3fa93f86d757784f8530',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders-queue',
      awsRegion: 'us-east-1',
    },
    {
      messageId: '406fddca-52b6-4025-9acf-2fba29b9d7ba',
      receiptHandle:
        'AQEB90vkxBUrf/2qMJrerwpECddzomy1ciMT/BeMUl3kJysQE15hTDI9kpQZCSfuVQOOcLlTLL6NWTe8XIMjnDesSEHeedaqRcqkzVbZ1O0PAkzOfhdfs4MGjb1OgQD6Dc7QWKKUrIuu19HcXZOXxGrN0NI3iLZsP/9T2t8IuZ/W3aFVYK/I',
      body: '{"orderId":"o-1002","total":12}',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1775738094647',
        SenderId: 'AIDAHCLC7CRNPCZE4QKOV',
        ApproximateFirstReceiveTimestamp: '1775738094694',
      },
      messageAttributes: {},
      md5OfBody: 'b6525cb1811ec0ff593ee465a105dcec',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders-queue',
      awsRegion: 'us-east-1',
    },
    {
      messageId: '6558d3b7-bc13-409f-beeb-87da9fc7aa14',
      receiptHandle:
        'AQEBxrybBcvIKavLJqMRNd3JNT9OwUMJYQ9Li63BdE/HH2JmJkd5QZJVWHdbKVAoeXf4QUyan05ugdonH9T5Zmu+EuxsBRwQ41zlxQS7W85uiaR/vdqRaoCdOYTPRQ0MgtMlMBuArCm2fMNmnf6XgsSj7cCiM0UmGWk607LiEcNsBOxOVSDa',
      body: '{"orderId":"o-1003","total":7.25}',
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1775738095503',
        SenderId: 'AIDAHCLC7CRNPCZE4QKOV',
        ApproximateFirstReceiveTimestamp: '1775738095504',
      },
      messageAttributes: {},
      md5OfBody: '03a0a0d0977f1b23151c9a4457ffd433',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders-queue',
      awsRegion: 'us-east-1',
    },
  ],
};

const KINESIS_BATCH = {
  Records: [
    {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: 'u-7',
        sequenceNumber: '49278880567685260019897227477401177168754953105255429568',
        data: 'eyJwYWdlIjoiL2hvbWUiLCJ1c2VySWQiOiJ1LTcifQ==',
        approximateArrivalTimestamp: 1775738096.286,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: 'shardId-000000000000:49278880567685260019897227477401177168754953105255429568',
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-kinesis-role',
      awsRegion: 'us-east-1',
      eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/clickstream',
    },
    {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: 'u-7',
        sequenceNumber: '49278880567685260019897227477413158268754953105255429568',
        data: 'eyJwYWdlIjoiL2NhcnQiLCJ1c2VySWQiOiJ1LTcifQ==',
        approximateArrivalTimestamp: 1775738096.46,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: 'shardId-000000000000:49278880567685260019897227477413158268754953105255429568',
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-kinesis-role',
      awsRegion: 'us-east-1',
      eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/clickstream',
    },
  ],
};

const DYNAMODB_INSERT = {
  Records: [
    {
      eventID: 'f470931f0aec2a90b668279b3dbff12e',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: 1775738096,
        Keys: {
          orderId: {
            S: 'o-1001',
          },
        },
        NewImage: {
          orderId: {
            S: 'o-1001',
          },
          status: {
            S: 'PLACED',
          },
          total: {
            N: '25.5',
          },
          items: {
            L: [
              {
                S: 'book',
              },
              {
                S: 'pen',
              },
            ],
          },
          gift: {
            BOOL: false,
          },
        },
        SequenceNumber: '735032225640863204998',
        SizeBytes: 68,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-03-10T12:34:56.789',
    },
  ],
};

const DYNAMODB_MODIFY = {
  Records: [
    {
      eventID: 'cc6fe3f1c7f6ae3cdc627c44a2049392',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: 1775738096,
        Keys: {
          orderId: {
            S: 'o-1001',
          },
        },
        NewImage: {
          orderId: {
            S: 'o-1001',
          },
          status: {
            S: 'SHIPPED',
          },
          total: {
            N: '25.5',
          },
          items: {
            L: [
              {
                S: 'book',
              },
              {
                S: 'pen',
              },
            ],
          },
          gift: {
            BOOL: false,
          },
          trackingId: {
            S: 'TRK-778',
          },
        },
        OldImage: {
          orderId: {
            S: 'o-1001',
          },
          status: {
            S: 'PLACED',
          },
          total: {
            N: '25.5',
          },
          items: {
            L: [
              {
                S: 'book',
              },
              {
                S: 'pen',
              },
            ],
          },
          gift: {
            BOOL: false,
          },
        },
        SequenceNumber: '304306531093172525684',
        SizeBytes: 141,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-03-10T12:34:56.789',
    },
  ],
};

const SNS_ORDER = {
  Records: [
    {
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:us-east-1:123456789012:order-events:db078451-7240-48a8-a519-3f975b28f86b',
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: '2026-04-09T12:34:56.789Z',
        MessageId: '13ea7854-f572-4cf9-bc2d-a198abf7ce17',
        Message: '{"orderId":"o-1001","total":25.5}',
        MessageAttributes: {},
        Type: 'Notification',
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:order-events',
        Subject: 'Order placed',
      },
    },
  ],
};

const SNS_ALERT = {
  Records: [
    {
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:us-east-1:123456789012:order-events:db078451-7240-48a8-a519-3f975b28f86b',
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: '2026-04-09T12:34:56.789Z',
        MessageId: '13ea7854-f572-4cf9-bc2d-a198abf7ce17',
        Message: 'stock low: pen',
        MessageAttributes: {},
        Type: 'Notification',
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:order-events',
      },
    },
  ],
};

const REST_GET = {
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

const HTTP_API_POST = {
  version: '2.0',
  routeKey: 'POST /orders',
  rawPath: '/orders',
  rawQueryString: '',
  headers: {
    accept: 'application/json',
    'content-type': 'application/json',
    host: 'c4bzmbiv0t.execute-api.us-east-1.amazonaws.com',
    'user-agent': 'curl/8.5.0',
    'x-amzn-trace-id': 'Root=1-69d79cf0-86b7985275552eb4a62dcf8e',
    'x-forwarded-for': '203.0.113.10',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  },
  requestContext: {
    accountId: '123456789012',
    apiId: 'c4bzmbiv0t',
    domainName: 'c4bzmbiv0t.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'c4bzmbiv0t',
    http: {
      method: 'POST',
      path: '/orders',
      protocol: 'HTTP/1.1',
      sourceIp: '203.0.113.10',
      userAgent: 'curl/8.5.0',
    },
    requestId: 'sBfONlslLVX275Y=',
    routeKey: 'POST /orders',
    stage: '$default',
    time: '09/Apr/2026:12:34:56 +0000',
    timeEpoch: 1775738096789,
  },
  body: '{"item":"book"}',
  isBase64Encoded: false,
};

const EVENTBRIDGE_SCHEDULED = {
  version: '0',
  id: 'a9b425bb-174c-48ab-98c1-03f7e0fb48cc',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-04-09T12:34:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:events:us-east-1:123456789012:rule/nightly-report'],
  detail: {},
};

const EVENTBRIDGE_CUSTOM = {
  version: '0',
  id: '43bd8c54-8c9b-49e2-be2d-1edcc5c4825d',
  'detail-type': 'Order Placed',
  source: 'com.coldstart.orders',
  account: '123456789012',
  time: '2026-04-09T12:34:56Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    orderId: 'o-1001',
    customerId: 'c-42',
    total: 25.5,
  },
};

// The cases: each event with the summary a correct handler returns for it.

const S3: Case = {
  what: { en: 'an S3 upload', ko: 'S3 업로드 이벤트' },
  event: S3_PUT,
  source: 's3',
  count: 1,
  invocation: 'async',
};
const SQS: Case = {
  what: { en: 'an SQS batch of 3 messages', ko: '메시지 3개짜리 SQS 배치' },
  event: SQS_BATCH,
  source: 'sqs',
  count: 3,
  invocation: 'poll',
};
const KINESIS: Case = {
  what: { en: 'a Kinesis batch of 2 records', ko: '레코드 2개짜리 Kinesis 배치' },
  event: KINESIS_BATCH,
  source: 'kinesis',
  count: 2,
  invocation: 'poll',
};
const DYNAMODB: Case = {
  what: { en: 'a DynamoDB Streams INSERT', ko: 'DynamoDB Streams INSERT 이벤트' },
  event: DYNAMODB_INSERT,
  source: 'dynamodb',
  count: 1,
  invocation: 'poll',
};
const SNS: Case = {
  what: { en: 'an SNS notification', ko: 'SNS 알림' },
  event: SNS_ORDER,
  source: 'sns',
  count: 1,
  invocation: 'async',
};
const REST: Case = {
  what: { en: 'an API Gateway REST API request (GET /hello)', ko: 'API Gateway REST API 요청(GET /hello)' },
  event: REST_GET,
  source: 'apigateway',
  count: 1,
  invocation: 'sync',
};
const HTTP_API: Case = {
  what: { en: 'an API Gateway HTTP API request (POST /orders)', ko: 'API Gateway HTTP API 요청(POST /orders)' },
  event: HTTP_API_POST,
  source: 'apigateway',
  count: 1,
  invocation: 'sync',
};
const SCHEDULE: Case = {
  what: { en: 'an EventBridge scheduled event', ko: 'EventBridge 예약 이벤트' },
  event: EVENTBRIDGE_SCHEDULED,
  source: 'eventbridge',
  count: 1,
  invocation: 'async',
};
const CUSTOM: Case = {
  what: { en: 'an EventBridge custom event (Order Placed)', ko: 'EventBridge 사용자 지정 이벤트(Order Placed)' },
  event: EVENTBRIDGE_CUSTOM,
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
      event: SNS_ALERT,
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
      { ...S3, what: { en: 'an S3 deletion', ko: 'S3 삭제 이벤트' }, event: S3_DELETE },
      {
        ...DYNAMODB,
        what: { en: 'a DynamoDB Streams MODIFY', ko: 'DynamoDB Streams MODIFY 이벤트' },
        event: DYNAMODB_MODIFY,
      },
    ];
    for (const c of [REST, HTTP_API, S3, SNS, SCHEDULE, SQS, KINESIS, DYNAMODB, ...more]) {
      await expectSummary(h, c, true);
    }
  },
};
