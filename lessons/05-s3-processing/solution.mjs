// Makes a thumbnail of every photo uploaded under uploads/ in photos-uploads, writes it to the
// thumbnails bucket and records the photo's metadata in DynamoDB.
import { S3Client, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const s3 = new S3Client({});
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const { THUMBNAIL_BUCKET, METADATA_TABLE } = process.env;
const PREFIX = 'uploads/';

// Stand-in for an image library such as sharp: a real thumbnail is a resized image; here it is
// the first kilobyte of the original.
const makeThumbnail = (bytes) => bytes.slice(0, 1024);

// S3 writes the key URL-encoded, with '+' for a space: 'my cat.jpg' arrives as 'my+cat.jpg'.
const decodeKey = (key) => decodeURIComponent(key.replace(/\+/g, ' '));

export const handler = async (event) => {
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeKey(record.s3.object.key);

    // The trigger's prefix filter is the first guard; this is the second, for the day it is removed.
    if (!key.startsWith(PREFIX)) {
      console.log(`skipping ${key}: not under ${PREFIX}`);
      continue;
    }
    // HEAD reads the metadata without downloading the body.
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    if (!head.ContentType?.startsWith('image/')) {
      console.log(`skipping ${key}: ${head.ContentType} is not an image`);
      continue;
    }

    const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = await original.Body.transformToByteArray();

    // Another bucket, so the thumbnail never triggers this function again.
    const thumbnailKey = `thumbnails/${key.slice(PREFIX.length)}`;
    await s3.send(
      new PutObjectCommand({
        Bucket: THUMBNAIL_BUCKET,
        Key: thumbnailKey,
        Body: makeThumbnail(bytes),
        ContentType: head.ContentType,
      }),
    );

    // The object key is the item's key: a repeated event overwrites the same item.
    await db.send(
      new PutCommand({
        TableName: METADATA_TABLE,
        Item: {
          objectKey: key,
          size: head.ContentLength,
          contentType: head.ContentType,
          thumbnail: thumbnailKey,
          uploadedAt: record.eventTime,
        },
      }),
    );
    console.log(`wrote s3://${THUMBNAIL_BUCKET}/${thumbnailKey} (${head.ContentLength} bytes, ${head.ContentType})`);
  }
};
