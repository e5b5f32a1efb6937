/**
 * The parts of an S3 event notification record shared by the put and delete templates
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
 */
import { REGION, iamUserId, isoMillis } from './aws-formats.ts';
import type { EventGen } from './event-gen.ts';
import { UPPER_ALNUM } from './event-gen.ts';
import type { EventParameter } from './template-types.ts';

/** bucket and key, as every S3 template takes them. */
export const S3_OBJECT_PARAMETERS = [
  {
    name: 'bucket',
    kind: 'string',
    default: 'coldstart-uploads',
    pattern: '[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]',
    patternHint:
      "a bucket name (3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit)",
    label: { en: 'Bucket', ko: '버킷' },
    description: { en: 'The bucket the object is in.', ko: '객체가 있는 버킷.' },
  },
  {
    name: 'key',
    kind: 'string',
    default: 'uploads/photo.jpg',
    pattern: '[^\\u0000-\\u001f]{1,1024}',
    patternHint: 'an object key (1-1,024 characters, no control characters)',
    label: { en: 'Key', ko: '키' },
    description: {
      en: "The object key as written (e.g. 'photos/red flower.jpg'); the event carries it URL-encoded ('photos/red+flower.jpg') as S3 does.",
      ko: "쓴 그대로의 객체 키 (예: 'photos/red flower.jpg'). 이벤트에는 S3처럼 URL 인코딩되어 ('photos/red+flower.jpg') 들어갑니다.",
    },
  },
] as const satisfies readonly EventParameter[];

/** The record fields before `s3.object`, for an event named `eventName`. */
export function s3RecordHead(gen: EventGen, eventName: string, bucket: string) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: REGION,
    eventTime: isoMillis(gen.now),
    eventName,
    userIdentity: { principalId: `AWS:${iamUserId(gen)}` },
    requestParameters: { sourceIPAddress: '203.0.113.10' },
    responseElements: {
      // 16 uppercase hex digits, and a base64 host id of 76 characters.
      'x-amz-request-id': gen.hex(16, true),
      'x-amz-id-2': gen.base64(57),
    },
    s3Head: {
      s3SchemaVersion: '1.0',
      configurationId: 'coldstart-trigger',
      bucket: {
        name: bucket,
        ownerIdentity: { principalId: `A${gen.chars(13, UPPER_ALNUM)}` },
        arn: `arn:aws:s3:::${bucket}`,
      },
    },
  };
}

/** A sequencer: uppercase hex that grows with each event on a key (16 or 18 digits). */
export function sequencer(gen: EventGen): string {
  return `00${gen.hex(16, true)}`;
}
