/**
 * 작은 "정책 발급" 함수예요: 요청 {bucket, prefix, actions}를 받으면, 작업자 역할이 S3에서 딱 그
 * 일만 할 수 있게 해 주는 IAM 정책 문서를 돌려줘요.
 * 환경 변수에 비밀 값(SIGNING_KEY)이 설정되어 있는데, 이 값은 절대 로그에 남으면 안 돼요.
 */
export const handler = async (event) => {
  // TODO 4: 비밀 값은 로그에 남기지 마세요. 이 줄은 SIGNING_KEY를 포함한 모든 환경 변수를
  // CloudWatch Logs에 쓰고, 로그를 읽을 수 있는 사람이면 누구나 그 값을 복사할 수 있어요.
  console.log('env', JSON.stringify(process.env));
  console.log('request', JSON.stringify(event));

  const { bucket, prefix, actions } = event;
  // TODO 1: 요청에 있는 작업만 허용하세요(S3의 모든 작업이 아니라).
  // TODO 2: 리소스 범위를 arn:aws:s3:::<bucket>/<prefix>*로 좁히세요(모든 리소스가 아니라).
  // TODO 3: 와일드카드 작업("*", "s3:*", "s3:Get*")을 요청하면 { error }로 거절하세요.
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
  };
};
