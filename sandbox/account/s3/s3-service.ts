/**
 * The simulated S3 API (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html):
 * buckets, objects with metadata and content type, ListObjectsV2 with paging, copy, delete and
 * event notifications. Error names and messages are S3's
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList).
 */
import { createHash } from 'node:crypto';
import { s3BucketArn, s3ObjectArn } from '../arn.ts';
import { toBuffer } from '../bytes.ts';
import { asRecord, awsError, optionalInt, optionalString, requireString } from '../errors.ts';
import type { OperationTable } from '../service-types.ts';
import { notifyChange, parseNotifications } from './s3-notifications.ts';
import type { Bucket, S3Object, S3Store } from './s3-store.ts';

const BUCKET_NAME = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const noSuchBucket = (bucket: string) => Object.assign(awsError('NoSuchBucket', 'The specified bucket does not exist', 404), { BucketName: bucket });
const noSuchKey = (key: string) => Object.assign(awsError('NoSuchKey', 'The specified key does not exist.', 404), { Key: key });

const bucketOf = (store: S3Store, input: Record<string, unknown>): Bucket => {
  const name = requireString(input, 'Bucket');
  const bucket = store.buckets.get(name);
  if (!bucket) throw noSuchBucket(name);
  return bucket;
};

/** User metadata keys are stored lower-case, as S3 returns them (x-amz-meta-* headers). */
function metadataOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asRecord(v))) out[k.toLowerCase()] = String(val);
  return out;
}

const keyPermission = (action: string) => (input: Record<string, unknown>) => [{ action, resource: s3ObjectArn(String(input.Bucket ?? ''), String(input.Key ?? '')) }];
const bucketPermission = (action: string) => (input: Record<string, unknown>) => [{ action, resource: s3BucketArn(String(input.Bucket ?? '')) }];

function headers(o: S3Object): Record<string, unknown> {
  return {
    ContentType: o.contentType,
    ContentLength: o.body.length,
    ETag: o.eTag,
    LastModified: new Date(o.lastModified),
    Metadata: { ...o.metadata },
    AcceptRanges: 'bytes',
  };
}

/** The CopySource parameter: `bucket/key` (URL-encoded, optionally with a leading slash). */
function parseCopySource(raw: string): [string, string] {
  const s = decodeURIComponent(raw.replace(/^\//, '').split('?')[0] ?? '');
  const slash = s.indexOf('/');
  if (slash <= 0) throw awsError('InvalidArgument', 'Invalid copy source object key', 400);
  return [s.slice(0, slash), s.slice(slash + 1)];
}

export function s3Operations(store: S3Store): OperationTable {
  const putObject = (bucket: Bucket, key: string, body: Buffer, contentType: string, metadata: Record<string, string>, now: number): S3Object => {
    const obj: S3Object = { key, body, contentType, metadata, eTag: `"${createHash('md5').update(body).digest('hex')}"`, lastModified: now };
    bucket.objects.set(key, obj);
    store.sequence += 1;
    return obj;
  };
  return {
    CreateBucket: {
      permissions: bucketPermission('s3:CreateBucket'),
      run(input, ctx) {
        const name = requireString(input, 'Bucket');
        if (!BUCKET_NAME.test(name)) throw Object.assign(awsError('InvalidBucketName', 'The specified bucket is not valid.', 400), { BucketName: name });
        // In us-east-1 creating a bucket you already own succeeds again (CreateBucket API reference).
        if (!store.buckets.has(name)) store.buckets.set(name, { name, createdAt: ctx.now, objects: new Map(), notifications: [], notificationConfiguration: {} });
        return { Location: `/${name}` };
      },
    },
    HeadBucket: {
      permissions: bucketPermission('s3:ListBucket'),
      run(input) {
        const name = requireString(input, 'Bucket');
        if (!store.buckets.has(name)) throw awsError('NotFound', 'Not Found', 404);
        return { BucketRegion: 'us-east-1' };
      },
    },
    DeleteBucket: {
      permissions: bucketPermission('s3:DeleteBucket'),
      run(input) {
        const bucket = bucketOf(store, input);
        if (bucket.objects.size) throw awsError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409);
        store.buckets.delete(bucket.name);
        return {};
      },
    },
    ListBuckets: {
      permissions: () => [{ action: 's3:ListAllMyBuckets', resource: '*' }],
      run() {
        return { Buckets: [...store.buckets.values()].map((b) => ({ Name: b.name, CreationDate: new Date(b.createdAt) })), Owner: { ID: 'coldstart' } };
      },
    },
    PutObject: {
      permissions: keyPermission('s3:PutObject'),
      run(input, ctx) {
        const bucket = bucketOf(store, input);
        const key = requireString(input, 'Key');
        const body = toBuffer(input.Body) ?? Buffer.alloc(0);
        const obj = putObject(bucket, key, body, optionalString(input, 'ContentType') ?? 'application/octet-stream', metadataOf(input.Metadata), ctx.now);
        notifyChange(ctx, bucket, 'ObjectCreated:Put', { key, size: body.length, eTag: obj.eTag }, store.sequence);
        return { ETag: obj.eTag };
      },
    },
    GetObject: {
      permissions: keyPermission('s3:GetObject'),
      run(input) {
        const bucket = bucketOf(store, input);
        const key = requireString(input, 'Key');
        const obj = bucket.objects.get(key);
        if (!obj) throw noSuchKey(key);
        return { ...headers(obj), Body: obj.body };
      },
    },
    HeadObject: {
      permissions: keyPermission('s3:GetObject'),
      run(input) {
        const bucket = bucketOf(store, input);
        const obj = bucket.objects.get(requireString(input, 'Key'));
        // HEAD responses have no body, so the SDK names the error after the status (NotFound).
        if (!obj) throw awsError('NotFound', 'Not Found', 404);
        return headers(obj);
      },
    },
    DeleteObject: {
      permissions: keyPermission('s3:DeleteObject'),
      run(input, ctx) {
        const bucket = bucketOf(store, input);
        const key = requireString(input, 'Key');
        const obj = bucket.objects.get(key);
        // Deleting a key that does not exist succeeds (204), as S3 does.
        if (obj) {
          bucket.objects.delete(key);
          store.sequence += 1;
          notifyChange(ctx, bucket, 'ObjectRemoved:Delete', { key, size: 0, eTag: obj.eTag }, store.sequence);
        }
        return {};
      },
    },
    CopyObject: {
      permissions(input) {
        const [srcBucket, srcKey] = parseCopySource(requireString(input, 'CopySource'));
        return [
          { action: 's3:GetObject', resource: s3ObjectArn(srcBucket, srcKey) },
          { action: 's3:PutObject', resource: s3ObjectArn(String(input.Bucket ?? ''), String(input.Key ?? '')) },
        ];
      },
      run(input, ctx) {
        const [srcBucketName, srcKey] = parseCopySource(requireString(input, 'CopySource'));
        const srcBucket = store.buckets.get(srcBucketName);
        if (!srcBucket) throw noSuchBucket(srcBucketName);
        const src = srcBucket.objects.get(srcKey);
        if (!src) throw noSuchKey(srcKey);
        const bucket = bucketOf(store, input);
        const key = requireString(input, 'Key');
        const replace = input.MetadataDirective === 'REPLACE';
        const obj = putObject(bucket, key, Buffer.from(src.body), replace ? (optionalString(input, 'ContentType') ?? 'application/octet-stream') : src.contentType, replace ? metadataOf(input.Metadata) : { ...src.metadata }, ctx.now);
        notifyChange(ctx, bucket, 'ObjectCreated:Copy', { key, size: obj.body.length, eTag: obj.eTag }, store.sequence);
        return { CopyObjectResult: { ETag: obj.eTag, LastModified: new Date(obj.lastModified) } };
      },
    },
    ListObjectsV2: {
      permissions: bucketPermission('s3:ListBucket'),
      run(input) {
        const bucket = bucketOf(store, input);
        const prefix = optionalString(input, 'Prefix') ?? '';
        const delimiter = optionalString(input, 'Delimiter');
        const maxKeys = Math.max(0, Math.min(1000, optionalInt(input, 'MaxKeys') ?? 1000));
        const token = optionalString(input, 'ContinuationToken');
        let after = optionalString(input, 'StartAfter') ?? '';
        if (token !== undefined) {
          const decoded = Buffer.from(token, 'base64').toString('utf8');
          if (!decoded.startsWith('cs1:')) throw awsError('InvalidArgument', 'The continuation token provided is incorrect', 400);
          after = decoded.slice(4);
        }
        // S3 lists keys in UTF-8 binary order.
        const keys = [...bucket.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        const contents: Record<string, unknown>[] = [];
        const prefixes: string[] = [];
        let last = '';
        let truncated = false;
        for (const k of keys) {
          if (delimiter) {
            const i = k.indexOf(delimiter, prefix.length);
            if (i >= 0) {
              const p = k.slice(0, i + delimiter.length);
              if (prefixes.includes(p)) continue;
              if (contents.length + prefixes.length >= maxKeys) { truncated = true; break; }
              prefixes.push(p);
              last = k;
              continue;
            }
          }
          if (contents.length + prefixes.length >= maxKeys) { truncated = true; break; }
          const o = bucket.objects.get(k)!;
          contents.push({ Key: k, LastModified: new Date(o.lastModified), ETag: o.eTag, Size: o.body.length, StorageClass: 'STANDARD' });
          last = k;
        }
        const out: Record<string, unknown> = { Name: bucket.name, Prefix: prefix, MaxKeys: maxKeys, KeyCount: contents.length + prefixes.length, IsTruncated: truncated };
        if (contents.length) out.Contents = contents;
        if (delimiter) out.Delimiter = delimiter;
        if (prefixes.length) out.CommonPrefixes = prefixes.map((p) => ({ Prefix: p }));
        if (token !== undefined) out.ContinuationToken = token;
        if (truncated) out.NextContinuationToken = Buffer.from(`cs1:${last}`).toString('base64');
        return out;
      },
    },
    PutBucketNotificationConfiguration: {
      permissions: bucketPermission('s3:PutBucketNotification'),
      run(input) {
        const bucket = bucketOf(store, input);
        const config = asRecord(input.NotificationConfiguration);
        bucket.notifications = parseNotifications(config);
        bucket.notificationConfiguration = structuredClone(config);
        return {};
      },
    },
    GetBucketNotificationConfiguration: {
      permissions: bucketPermission('s3:GetBucketNotification'),
      run(input) {
        return structuredClone(bucketOf(store, input).notificationConfiguration);
      },
    },
  };
}
