/**
 * What the guest runtime learns about its environment when it boots (read once by core-source.ts
 * as `cs.info`): process.env with Lambda's reserved variables, the Node.js version and
 * architecture it reports, the runtime's memory baseline, the cost of a console line on the
 * virtual clock, and the context's function properties.
 */
import type { FunctionConfig } from '../../invocation/record.ts';
import { logLineMs, RUNTIME_BASELINE_MEMORY_MB } from '../../model/time-model.ts';
import { functionArn, lambdaEnvironment, logGroupName, NODE_VERSIONS } from '../lambda-identity.ts';

export function runtimeInfoJson(config: FunctionConfig, logStream: string): string {
  return JSON.stringify({
    env: lambdaEnvironment(config, logStream),
    nodeVersion: NODE_VERSIONS[config.runtime],
    arch: config.architecture === 'arm64' ? 'arm64' : 'x64',
    runtime: config.runtime,
    baselineBytes: RUNTIME_BASELINE_MEMORY_MB * 1024 * 1024,
    logLineMs: logLineMs(config.memorySizeMB),
    fn: {
      functionName: config.functionName,
      memoryLimitInMB: String(config.memorySizeMB),
      logGroupName: logGroupName(config.functionName),
      logStreamName: logStream,
      invokedFunctionArn: functionArn(config.functionName),
    },
  });
}
