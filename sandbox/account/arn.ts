/** ARNs and URLs of the simulated account's resources (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html). */
import { ACCOUNT_ID, REGION } from './account-types.ts';

export const s3BucketArn = (bucket: string): string => `arn:aws:s3:::${bucket}`;
export const s3ObjectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;
export const tableArn = (table: string): string => `arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/${table}`;
export const queueArn = (name: string): string => `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:${name}`;
export const queueUrl = (name: string): string => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT_ID}/${name}`;
export const topicArn = (name: string): string => `arn:aws:sns:${REGION}:${ACCOUNT_ID}:${name}`;
export const ruleArn = (name: string): string => `arn:aws:events:${REGION}:${ACCOUNT_ID}:rule/${name}`;
export const eventBusArn = (name = 'default'): string => `arn:aws:events:${REGION}:${ACCOUNT_ID}:event-bus/${name}`;

/** The last ':'-separated part of an ARN (queue, topic and function names). */
export function arnName(arn: string): string {
  const parts = arn.split(':');
  if (parts[2] === 'lambda' && parts[5] === 'function') return parts[6] ?? '';
  return parts[parts.length - 1] ?? '';
}

/** The service part of an ARN (`sqs`, `lambda`, ...). */
export function arnService(arn: string): string {
  return arn.split(':')[2] ?? '';
}

/** The role name of a role ARN (`arn:aws:iam::123456789012:role/path/name` -> `name`). */
export function roleName(roleArn: string): string {
  const resource = roleArn.split(':')[5] ?? roleArn;
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/** The principal a function's calls are made as: the assumed-role session Lambda creates. */
export function assumedRoleArn(roleArn: string, functionName: string): string {
  return `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${roleName(roleArn)}/${functionName}`;
}
