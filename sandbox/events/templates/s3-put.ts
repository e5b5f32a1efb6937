/**
 * S3 "ObjectCreated:Put" notification, shaped like the sample in
 * https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html and the structure in
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
import type { S3Event } from 'aws-lambda';
import { s3EventKey } from '../aws-formats.ts';
import { S3_OBJECT_PARAMETERS, s3RecordHead, sequencer } from '../s3-record.ts';
import { defineEventTemplate } from '../template-types.ts';

export const s3Put = defineEventTemplate({
  name: 's3-put',
  title: { en: 'S3 object created (PUT)', ko: 'S3 객체 생성 (PUT)' },
  invocation: 'async',
  awsType: 'S3Event',
  source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html',
  parameters: [
    ...S3_OBJECT_PARAMETERS,
    {
      name: 'size',
      kind: 'number',
      integer: true,
      min: 0,
      max: 5 * 1024 ** 4,
      default: 1024,
      label: { en: 'Size (bytes)', ko: '크기 (바이트)' },
      description: {
        en: 'The object size in bytes (S3 objects hold up to 5 TiB).',
        ko: '객체 크기(바이트). S3 객체는 최대 5 TiB.',
      },
    },
    {
      name: 'eTag',
      kind: 'string',
      default: '',
      pattern: '([0-9a-f]{32}(-[0-9]{1,5})?)?',
      patternHint:
        "an ETag: 32 lowercase hex digits (an MD5), '-<parts>' after it for a multipart upload, or empty for a generated one",
      label: { en: 'ETag', ko: 'ETag' },
      description: {
        en: 'The entity tag: the MD5 of the content for a single PUT. Empty: a generated one.',
        ko: '엔터티 태그. 단일 PUT이면 내용의 MD5. 비우면 생성된 값.',
      },
    },
  ],
  build(p, gen): S3Event {
    const { s3Head, ...head } = s3RecordHead(gen, 'ObjectCreated:Put', p.bucket);
    const eTag = p.eTag === '' ? gen.hex(32) : p.eTag;
    return {
      Records: [
        {
          ...head,
          s3: { ...s3Head, object: { key: s3EventKey(p.key), size: p.size, eTag, sequencer: sequencer(gen) } },
        },
      ],
    };
  },
});
