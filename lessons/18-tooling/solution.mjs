/**
 * Solution. A tiny "template reviewer": the event is {"template": {...}}, a SAM template as JSON.
 * It summarizes the functions the template would deploy and checks their settings against Lambda's
 * limits before anything reaches CloudFormation:
 * { functions: [{ name, runtime, memorySizeMB, timeoutSeconds, events: [{ name, type }] }], valid, errors }
 */
const FUNCTION_TYPE = 'AWS::Serverless::Function';
const DEFAULTS = { MemorySize: 128, Timeout: 3 }; // SAM and Lambda defaults
const RUNTIMES = ['nodejs24.x', 'nodejs22.x']; // the supported Node.js runtimes
const isIntIn = (v, min, max) => Number.isInteger(v) && v >= min && v <= max;

export const handler = async (event) => {
  const resources = event?.template?.Resources ?? {};
  const functions = [];
  const errors = [];
  for (const [name, resource] of Object.entries(resources)) {
    if (resource?.Type !== FUNCTION_TYPE) continue; // tables, queues, buckets...
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
