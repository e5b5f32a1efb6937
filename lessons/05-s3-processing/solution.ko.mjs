// photos-uploads 버킷의 uploads/ 아래에 올라온 사진마다 썸네일을 만들어 썸네일 버킷에 쓰고,
// 사진의 메타데이터를 DynamoDB에 기록해요.
import { S3Client, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const s3 = new S3Client({});
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const { THUMBNAIL_BUCKET, METADATA_TABLE } = process.env;
const PREFIX = 'uploads/';

// sharp 같은 이미지 라이브러리 대신이에요. 진짜 썸네일은 크기를 줄인 이미지지만, 여기서는
// 원본의 처음 1 KB를 잘라 써요.
const makeThumbnail = (bytes) => bytes.slice(0, 1024);

// S3는 키를 URL 인코딩하고 공백은 '+'로 써요: 'my cat.jpg'는 'my+cat.jpg'로 도착해요.
const decodeKey = (key) => decodeURIComponent(key.replace(/\+/g, ' '));

export const handler = async (event) => {
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeKey(record.s3.object.key);

    // 트리거의 접두사 필터가 첫 번째 방어선이고, 이건 두 번째예요. 누가 그 필터를 지우는 날을 위해서요.
    if (!key.startsWith(PREFIX)) {
      console.log(`skipping ${key}: not under ${PREFIX}`);
      continue;
    }
    // HEAD는 본문을 내려받지 않고 메타데이터만 읽어요.
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    if (!head.ContentType?.startsWith('image/')) {
      console.log(`skipping ${key}: ${head.ContentType} is not an image`);
      continue;
    }

    const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = await original.Body.transformToByteArray();

    // 다른 버킷에 쓰니까, 썸네일이 이 함수를 다시 트리거하는 일이 없어요.
    const thumbnailKey = `thumbnails/${key.slice(PREFIX.length)}`;
    await s3.send(
      new PutObjectCommand({
        Bucket: THUMBNAIL_BUCKET,
        Key: thumbnailKey,
        Body: makeThumbnail(bytes),
        ContentType: head.ContentType,
      }),
    );

    // 객체 키가 곧 항목의 키예요: 같은 이벤트가 다시 와도 같은 항목을 덮어쓸 뿐이에요.
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
