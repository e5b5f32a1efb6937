// photos-uploads 버킷의 uploads/ 아래에 올라온 사진마다 썸네일을 만들어요.
// 그냥 실행하면 S3 호출이 실패해요(AWS 계정이 없으니까요). Check는 계정이 있는 시나리오로 실행해요.
import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

// sharp 같은 이미지 라이브러리 대신이에요. 진짜 썸네일은 크기를 줄인 이미지지만, 여기서는
// 원본의 처음 1 KB를 잘라 써요.
const makeThumbnail = (bytes) => bytes.slice(0, 1024);

export const handler = async (event) => {
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = record.s3.object.key;
    console.log(`processing s3://${bucket}/${key}`);

    const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = await original.Body.transformToByteArray();

    // 썸네일을 원본 옆에 저장해요: uploads/cat.jpg -> uploads/cat-thumb.jpg
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

    // TODO: 사진의 메타데이터를 METADATA_TABLE이 가리키는 테이블에 기록하세요.
  }
};
