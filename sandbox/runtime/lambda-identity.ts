/**
 * Names and ids Lambda gives a function and its environments: request ids, the function ARN, log
 * group and stream names, and the reserved environment variables (FACTS.md, configuration-envvars).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FunctionConfig, RuntimeId } from '../invocation/record.ts';
import { SIMULATED_ACCOUNT_ID, SIMULATED_REGION } from '../facts/limits.ts';
import { nodePathValue } from './node-path.ts';

/** Node.js versions reported by process.version; approximate patch levels of each managed runtime. */
export const NODE_VERSIONS: Record<RuntimeId, string> = {
  'nodejs22.x': 'v22.20.0',
  'nodejs24.x': 'v24.11.1',
};

/** A request id: a UUID v4, like Lambda's awsRequestId. */
export function newRequestId(): string {
  return randomUUID();
}

/** `arn:aws:lambda:us-east-1:123456789012:function:<name>` */
export function functionArn(functionName: string): string {
  return `arn:aws:lambda:${SIMULATED_REGION}:${SIMULATED_ACCOUNT_ID}:function:${functionName}`;
}

/** `/aws/lambda/<name>` */
export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** `YYYY/MM/DD/[$LATEST]<32 hex>`: one stream per execution environment. */
export function newLogStreamName(now: Date = new Date()): string {
  const d = now.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${d}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/**
 * Environment variables an environment starts with: the function's own, then Lambda's reserved
 * ones (which a function cannot override). Credentials are obviously fake placeholders.
 */
export function lambdaEnvironment(config: FunctionConfig, logStream: string): Record<string, string> {
  return {
    ...config.environment,
    _HANDLER: config.handler,
    AWS_REGION: SIMULATED_REGION,
    AWS_DEFAULT_REGION: SIMULATED_REGION,
    AWS_EXECUTION_ENV: `AWS_Lambda_${config.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: config.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memorySizeMB),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(config.functionName),
    AWS_LAMBDA_LOG_STREAM_NAME: logStream,
    AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9001',
    LAMBDA_TASK_ROOT: '/var/task',
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    AWS_ACCESS_KEY_ID: 'ASIACOLDSTARTEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'coldstart/simulated/not-a-real-secret',
    AWS_SESSION_TOKEN: 'coldstart-simulated-session-token',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
    LD_LIBRARY_PATH: '/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib',
    NODE_PATH: nodePathValue(config.runtime),
    SHLVL: '0',
  };
}

/** Size of the function's own variables as Lambda measures the 4 KB quota (keys + values as JSON). */
export function environmentSizeBytes(env: Record<string, string>): number {
  return Buffer.byteLength(JSON.stringify(env), 'utf8');
}
