/**
 * 정답. 작은 "정책 발급" 함수예요: 요청 {bucket, prefix, actions}를 받으면, 그 일에 필요한 최소
 * 권한의 IAM 정책 문서를 돌려줘요. 요청한 작업만, 접두사 아래의 객체만 허용하고, 와일드카드
 * 작업은 받지 않아요. SIGNING_KEY는 로그에 남기지 않아요.
 */
const IAM_VERSION = '2012-10-17'; // 현재 정책 언어 버전이에요. 옛 버전인 2008-10-17에는 빠진 기능이 있어요

export const handler = async (event) => {
  // 비밀 값이 설정되어 있는지만 로그로 남기고, 값 자체는 절대 남기지 않아요(process.env 전체도요).
  console.log(`SIGNING_KEY configured: ${Boolean(process.env.SIGNING_KEY)}`);
  console.log('request', JSON.stringify(event));

  const { bucket, prefix = '', actions } = event ?? {};
  if (typeof bucket !== 'string' || bucket === '' || !Array.isArray(actions) || actions.length === 0) {
    return { error: 'a request needs a bucket and a non-empty list of actions' };
  }
  const wildcard = actions.find((a) => typeof a !== 'string' || a.includes('*'));
  if (wildcard !== undefined) {
    return { error: `wildcard actions are not allowed: ${JSON.stringify(wildcard)}; list each action` };
  }
  return {
    Version: IAM_VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Action: [...new Set(actions)],
        Resource: `arn:aws:s3:::${bucket}/${prefix}*`, // 접두사 아래의 객체만, 그 밖에는 아무것도
      },
    ],
  };
};
