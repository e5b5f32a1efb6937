/**
 * Cognito user pool pre sign-up trigger, shaped like the sample in
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 * The function answers by returning the event with `response` filled in.
 */
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { REGION } from '../aws-formats.ts';
import { LOWER_ALNUM } from '../event-gen.ts';
import { defineEventTemplate } from '../template-types.ts';

const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const cognitoPreSignup = defineEventTemplate({
  name: 'cognito-pre-signup',
  title: { en: 'Cognito pre sign-up trigger', ko: 'Cognito 가입 전 트리거' },
  invocation: 'sync',
  awsType: 'PreSignUpTriggerEvent',
  source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html',
  parameters: [
    {
      name: 'userName',
      kind: 'string',
      default: 'ada',
      pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}',
      patternHint: 'a user name (1-128 characters without spaces)',
      label: { en: 'User name', ko: '사용자 이름' },
      description: { en: 'The user name being signed up.', ko: '가입하는 사용자 이름.' },
    },
    {
      name: 'email',
      kind: 'string',
      default: 'ada@example.com',
      pattern: '[^\\s@]+@[^\\s@]+\\.[^\\s@]+',
      patternHint: 'an email address, e.g. ada@example.com',
      label: { en: 'Email', ko: '이메일' },
      description: { en: 'The email user attribute.', ko: 'email 사용자 속성.' },
    },
    {
      name: 'triggerSource',
      kind: 'enum',
      options: ['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser', 'PreSignUp_ExternalProvider'],
      default: 'PreSignUp_SignUp',
      label: { en: 'Trigger source', ko: '트리거 소스' },
      description: {
        en: 'SignUp: the user signed up; AdminCreateUser: an administrator created the user; ExternalProvider: a federated sign-in.',
        ko: 'SignUp: 사용자가 가입; AdminCreateUser: 관리자가 사용자를 만듦; ExternalProvider: 외부 공급자 로그인.',
      },
    },
    {
      name: 'attributes',
      kind: 'json',
      shape: 'string-map',
      default: { name: 'Ada Lovelace' },
      label: { en: 'Other attributes', ko: '기타 속성' },
      description: {
        en: 'More user attributes, e.g. {"phone_number": "+15555550100"}.',
        ko: '추가 사용자 속성. 예: {"phone_number": "+15555550100"}',
      },
    },
    {
      name: 'clientMetadata',
      kind: 'json',
      shape: 'string-map',
      default: {},
      label: { en: 'Client metadata', ko: '클라이언트 메타데이터' },
      description: {
        en: 'ClientMetadata the app passed to SignUp; left out when empty.',
        ko: '앱이 SignUp에 넘긴 ClientMetadata. 비어 있으면 빠집니다.',
      },
    },
  ],
  build(p, gen): PreSignUpTriggerEvent {
    const clientMetadata = p.clientMetadata as Record<string, string>;
    return {
      version: '1',
      region: REGION,
      userPoolId: `${REGION}_${gen.chars(9, MIXED_ALNUM)}`,
      userName: p.userName,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: gen.chars(26, LOWER_ALNUM) },
      triggerSource: p.triggerSource,
      request: {
        userAttributes: { ...(p.attributes as Record<string, string>), email: p.email },
        ...(Object.keys(clientMetadata).length > 0 ? { clientMetadata } : {}),
      },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    };
  },
});
