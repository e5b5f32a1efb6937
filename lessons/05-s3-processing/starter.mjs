// Makes a thumbnail of every photo uploaded under uploads/ in photos-uploads.
// Run it: the S3 calls fail (a plain run has no AWS account). Check plays scenarios with one.
import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

// Stand-in for an image library such as sharp: a real thumbnail is a resized image; here it is
// the first kilobyte of the original.
const makeThumbnail = (bytes) => bytes.slice(0, 1024);

export const handler = async (event) => {
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = record.s3.object.key;
    console.log(`processing s3://${bucket}/${key}`);

    const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = await original.Body.transformToByteArray();

    // Save the thumbnail next to the original: uploads/cat.jpg -> uploads/cat-thumb.jpg
    const thumbnailKey = key.replace(/(\.[^./]+)$/, '-thumb$1');
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: thumbnailKey,
        Body: makeThumbnail(bytes),
        ContentType: original.ContentType,
      }),
    );
    console.log(`wrote s3://${bucket}/${thumbnailKey}`);

    // TODO: record the photo's metadata in the table named by METADATA_TABLE.
  }
};
