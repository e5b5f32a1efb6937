/**
 * 정답: API Gateway의 HTTP 요청에 답하고 S3 알림에 반응하는 함수 하나.
 * 서버도, 포트도, 확장 설정도 없어요. Lambda가 이벤트마다 한 번씩 실행해 줘요.
 * @param {object} event  API Gateway REST API 요청, 또는 Records가 담긴 S3 이벤트.
 */
export const handler = async (event) => {
  // API Gateway(REST API, 프록시 통합): 호출한 쪽이 HTTP 응답을 기다리고 있어요.
  if (event.httpMethod) {
    return {
      statusCode: 200,
      body: JSON.stringify({ method: event.httpMethod, path: event.path }),
    };
  }

  // S3: 비동기 호출의 반환값은 아무도 읽지 않아요. 그래서 로그가 곧 결과예요.
  const records = event.Records ?? [];
  for (const record of records) {
    if (record.eventSource !== 'aws:s3') continue;
    const bucket = record.s3.bucket.name;
    const { key, size } = record.s3.object;
    if (record.eventName.startsWith('ObjectCreated')) {
      console.log(`New object: ${bucket}/${key} (${size} bytes)`);
    } else if (record.eventName.startsWith('ObjectRemoved')) {
      // 삭제 이벤트에는 크기가 없어요. 객체가 이미 사라졌으니까요.
      console.log(`Deleted object: ${bucket}/${key}`);
    }
  }
  return { processed: records.length };
};
