/**
 * Checks of lesson 14's exercise (see exercise.yaml): a handler that returns a least-privilege IAM
 * policy document for a request {bucket, prefix, actions}, refuses wildcard actions, and never
 * writes the SIGNING_KEY from its environment to the logs.
 */
import type { CheckHarness, ExerciseChecks } from '../../sandbox/course/check-harness.ts';

interface Request {
  bucket: string;
  prefix: string;
  actions: string[];
}

const REQUESTS: Request[] = [
  { bucket: 'coldstart-reports', prefix: 'reports/2026/', actions: ['s3:GetObject'] },
  { bucket: 'photo-uploads', prefix: 'users/u-42/', actions: ['s3:GetObject', 's3:PutObject'] },
];

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** Invokes with `request` and returns the single statement of the policy it returned. */
async function statementFor(h: CheckHarness, request: Request): Promise<Record<string, unknown>> {
  const record = await h.invoke({ event: request });
  const policy = h.object(record);
  const statements = policy.Statement;
  h.check(
    policy.Version === '2012-10-17' && Array.isArray(statements) && statements.length === 1,
    {
      en: `request ${JSON.stringify(request)}: a policy {"Version": "2012-10-17", "Statement": [one statement]}`,
      ko: `요청 ${JSON.stringify(request)}: {"Version": "2012-10-17", "Statement": [문 하나]} 모양의 정책`,
    },
    h.describe(record),
  );
  const statement = (statements as unknown[])[0];
  h.check(
    typeof statement === 'object' && statement !== null && (statement as Record<string, unknown>).Effect === 'Allow',
    { en: 'the statement has "Effect": "Allow"', ko: '문의 "Effect"가 "Allow"인 것' },
    { en: `the statement was ${JSON.stringify(statement)}`, ko: `문이 ${JSON.stringify(statement)}였어요` },
  );
  return statement as Record<string, unknown>;
}

export const checks: ExerciseChecks = {
  'listed-actions': async (h) => {
    for (const request of REQUESTS) {
      const statement = await statementFor(h, request);
      const actions = asList(statement.Action);
      const same =
        actions.length === request.actions.length &&
        request.actions.every((a) => actions.includes(a)) &&
        actions.every((a) => typeof a === 'string' && !a.includes('*'));
      h.check(
        same,
        {
          en: `request for ${JSON.stringify(request.actions)}: Action is exactly ${JSON.stringify(request.actions)}, no wildcard`,
          ko: `${JSON.stringify(request.actions)} 요청: Action이 정확히 ${JSON.stringify(request.actions)}이고 와일드카드가 없는 것`,
        },
        {
          en: `Action was ${JSON.stringify(statement.Action)}: more than the job needs`,
          ko: `Action이 ${JSON.stringify(statement.Action)}였어요. 일에 필요한 것보다 많아요`,
        },
      );
    }
  },

  'scoped-resource': async (h) => {
    for (const request of REQUESTS) {
      const statement = await statementFor(h, request);
      const want = `arn:aws:s3:::${request.bucket}/${request.prefix}*`;
      const resources = asList(statement.Resource);
      h.check(
        resources.length === 1 && resources[0] === want,
        {
          en: `request for ${request.bucket}/${request.prefix}: Resource is "${want}" (never "*")`,
          ko: `${request.bucket}/${request.prefix} 요청: Resource가 "${want}"인 것 ("*"는 안 돼요)`,
        },
        {
          en: `Resource was ${JSON.stringify(statement.Resource)}`,
          ko: `Resource가 ${JSON.stringify(statement.Resource)}였어요`,
        },
      );
    }
  },

  'refuse-wildcards': async (h) => {
    for (const actions of [['s3:*'], ['s3:GetObject', 's3:Get*'], ['*']]) {
      const request = { bucket: 'coldstart-reports', prefix: 'reports/', actions };
      const record = await h.invoke({ event: request });
      const result = h.object(record);
      h.check(
        typeof result.error === 'string' && result.Statement === undefined,
        {
          en: `request for ${JSON.stringify(actions)}: {"error": "..."} and no policy`,
          ko: `${JSON.stringify(actions)} 요청: 정책 없이 {"error": "..."}`,
        },
        h.describe(record),
      );
    }
  },

  'no-secret-in-logs': async (h) => {
    const SECRET = 'sk-live-7f3a9c2e41b8d605';
    const record = await h.invoke({
      event: REQUESTS[0],
      config: { environment: { SIGNING_KEY: SECRET, STAGE: 'prod' } },
    });
    const leaked = record.logs.filter((line) => line.text.includes(SECRET)).map((line) => line.text);
    h.check(
      leaked.length === 0,
      {
        en: 'with SIGNING_KEY set: no log line contains its value',
        ko: 'SIGNING_KEY가 설정된 상태: 어떤 로그 줄에도 그 값이 없는 것',
      },
      {
        en: `the secret is in the logs: ${leaked[0]?.slice(0, 200)}`,
        ko: `비밀이 로그에 남았어요: ${leaked[0]?.slice(0, 200)}`,
      },
    );
    h.check(
      record.ok && !record.result.includes(SECRET),
      { en: 'the invoke succeeds and its result does not contain the secret', ko: '호출이 성공하고 반환값에 비밀이 없는 것' },
      h.describe(record),
    );
  },
};
