/**
 * 정답. 작은 "템플릿 검토기"예요: 이벤트는 {"template": {...}}, 즉 JSON으로 쓴 SAM 템플릿이에요.
 * 템플릿이 배포할 함수들을 요약하고, CloudFormation에 닿기 전에 설정이 Lambda의 한도 안에
 * 있는지 확인해요:
 * { functions: [{ name, runtime, memorySizeMB, timeoutSeconds, events: [{ name, type }] }], valid, errors }
 */
const FUNCTION_TYPE = 'AWS::Serverless::Function';
const DEFAULTS = { MemorySize: 128, Timeout: 3 }; // SAM과 Lambda의 기본값
const RUNTIMES = ['nodejs24.x', 'nodejs22.x']; // 지원하는 Node.js 런타임
const isIntIn = (v, min, max) => Number.isInteger(v) && v >= min && v <= max;

export const handler = async (event) => {
  const resources = event?.template?.Resources ?? {};
  const functions = [];
  const errors = [];
  for (const [name, resource] of Object.entries(resources)) {
    if (resource?.Type !== FUNCTION_TYPE) continue; // 테이블, 큐, 버킷...
    const p = resource.Properties ?? {};
    const summary = {
      name,
      runtime: p.Runtime,
      memorySizeMB: p.MemorySize ?? DEFAULTS.MemorySize,
      timeoutSeconds: p.Timeout ?? DEFAULTS.Timeout,
      events: Object.entries(p.Events ?? {}).map(([eventName, e]) => ({ name: eventName, type: e?.Type })),
    };
    functions.push(summary);
    if (!RUNTIMES.includes(summary.runtime)) {
      errors.push({ function: name, field: 'Runtime', value: summary.runtime ?? null, message: `use ${RUNTIMES.join(' or ')}` });
    }
    if (!isIntIn(summary.memorySizeMB, 128, 10240)) {
      errors.push({ function: name, field: 'MemorySize', value: summary.memorySizeMB, message: 'MemorySize is 128-10,240 MB' });
    }
    if (!isIntIn(summary.timeoutSeconds, 1, 900)) {
      errors.push({ function: name, field: 'Timeout', value: summary.timeoutSeconds, message: 'Timeout is 1-900 s' });
    }
  }
  console.log(`${functions.length} function(s), ${errors.length} problem(s)`);
  return { functions, valid: errors.length === 0, errors };
};
