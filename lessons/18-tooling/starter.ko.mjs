/**
 * 작은 "템플릿 검토기"예요: 이벤트는 {"template": {...}}, 즉 JSON으로 쓴 SAM 템플릿이에요.
 * 템플릿이 배포할 함수들을 요약해서 돌려줘요:
 * { functions: [{ name, runtime, memorySizeMB, timeoutSeconds, events: [{ name, type }] }], valid, errors }
 */
export const handler = async (event) => {
  const resources = event.template?.Resources ?? {};
  const functions = [];
  for (const [name, resource] of Object.entries(resources)) {
    // TODO 1: Type이 AWS::Serverless::Function인 리소스만 함수예요. 속성이 없으면 SAM의 기본값을
    // 쓰세요(MemorySize 128, Timeout 3).
    const p = resource.Properties ?? {};
    functions.push({ name, runtime: p.Runtime, memorySizeMB: p.MemorySize, timeoutSeconds: p.Timeout });
    // TODO 2: 함수마다 Events를 [{ name, type }]으로 나열하세요(없으면 []).
  }
  // TODO 3: 검증하세요: MemorySize 128-10,240, Timeout 1-900, Runtime은 nodejs24.x나 nodejs22.x.
  return { functions, valid: true, errors: [] };
};
