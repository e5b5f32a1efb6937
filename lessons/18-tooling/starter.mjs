/**
 * A tiny "template reviewer": the event is {"template": {...}}, a SAM template as JSON. It returns
 * a summary of the functions the template would deploy:
 * { functions: [{ name, runtime, memorySizeMB, timeoutSeconds, events: [{ name, type }] }], valid, errors }
 */
export const handler = async (event) => {
  const resources = event.template?.Resources ?? {};
  const functions = [];
  for (const [name, resource] of Object.entries(resources)) {
    // TODO 1: only resources of Type AWS::Serverless::Function are functions; use SAM's defaults
    // (MemorySize 128, Timeout 3) when a property is missing.
    const p = resource.Properties ?? {};
    functions.push({ name, runtime: p.Runtime, memorySizeMB: p.MemorySize, timeoutSeconds: p.Timeout });
    // TODO 2: list each function's Events as [{ name, type }] ([] when it has none).
  }
  // TODO 3: validate: MemorySize 128-10,240, Timeout 1-900, Runtime nodejs24.x or nodejs22.x.
  return { functions, valid: true, errors: [] };
};
