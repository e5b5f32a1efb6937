/**
 * S3 "ObjectRemoved" notification. As AWS sends them, delete events carry no size and no eTag
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html), so
 * the event is checked against S3Event with those two fields optional.
 */
import type { S3EventRecord } from 'aws-lambda';
import { s3EventKey } from '../aws-formats.ts';
import { S3_OBJECT_PARAMETERS, s3RecordHead, sequencer } from '../s3-record.ts';
import { defineEventTemplate } from '../template-types.ts';

type S3Object = S3EventRecord['s3']['object'];
/** An S3 event whose objects may lack size and eTag, as ObjectRemoved events do. */
export interface S3DeleteEvent {
  Records: (Omit<S3EventRecord, 's3'> & {
    s3: Omit<S3EventRecord['s3'], 'object'> & {
      object: Omit<S3Object, 'size' | 'eTag'> & Partial<Pick<S3Object, 'size' | 'eTag'>>;
    };
  })[];
}

export const s3Delete = defineEventTemplate({
  name: 's3-delete',
  title: { en: 'S3 object removed (DELETE)', ko: 'S3 객체 삭제 (DELETE)' },
  invocation: 'async',
  awsType: 'S3Event',
  awsTypeCheck:
    "{ Records: (Omit<L.S3EventRecord, 's3'> & { s3: Omit<L.S3EventRecord['s3'], 'object'> & { object: Omit<L.S3EventRecord['s3']['object'], 'size' | 'eTag'> } })[] }",
  source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html',
  parameters: [
    ...S3_OBJECT_PARAMETERS,
    {
      name: 'versioned',
      kind: 'boolean',
      default: false,
      label: { en: 'Versioned bucket', ko: '버전 관리 버킷' },
      description: {
        en: "In a versioned bucket a delete creates a delete marker: eventName ObjectRemoved:DeleteMarkerCreated with the marker's versionId.",
        ko: '버전 관리 버킷에서 삭제는 삭제 마커를 만듭니다: eventName은 ObjectRemoved:DeleteMarkerCreated, 마커의 versionId 포함.',
      },
    },
  ],
  build(p, gen): S3DeleteEvent {
    const eventName = p.versioned ? 'ObjectRemoved:DeleteMarkerCreated' : 'ObjectRemoved:Delete';
    const { s3Head, ...head } = s3RecordHead(gen, eventName, p.bucket);
    // Version ids are 32 URL-safe characters.
    const version = p.versioned ? { versionId: gen.base64(24).replace(/\+/g, '.').replace(/\//g, '_') } : {};
    return {
      Records: [
        { ...head, s3: { ...s3Head, object: { key: s3EventKey(p.key), ...version, sequencer: sequencer(gen) } } },
      ],
    };
  },
});
