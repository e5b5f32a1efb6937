/**
 * Authorising a call and the AccessDenied error AWS returns when the caller's policy refuses it.
 * Wording from "Troubleshooting access denied error messages"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html):
 *   User: <principal> is not authorized to perform: <action> on resource: <arn> because no identity-based policy allows the <action> action
 *   User: <principal> is not authorized to perform: <action> on resource: <arn> with an explicit deny in an identity-based policy
 * A Lambda function's principal is its execution role's session:
 * arn:aws:sts::<account>:assumed-role/<role>/<function>.
 */
import type { Caller, ServiceName } from '../account-types.ts';
import { assumedRoleArn } from '../arn.ts';
import { AwsServiceError } from '../errors.ts';
import { evaluatePolicy } from './policy-evaluator.ts';

/** One permission a call needs. */
export interface Permission {
  action: string;
  resource: string;
}

/**
 * The error name and HTTP status each service uses for a refused request: S3 `AccessDenied` 403
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html), SNS `AuthorizationError`
 * 403 (https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html, SDK v3 class
 * AuthorizationErrorException), DynamoDB, SQS and EventBridge `AccessDeniedException` 400.
 */
const DENIED: Record<ServiceName, [string, number]> = {
  s3: ['AccessDenied', 403],
  dynamodb: ['AccessDeniedException', 400],
  sqs: ['AccessDeniedException', 400],
  sns: ['AuthorizationErrorException', 403],
  events: ['AccessDeniedException', 400],
};

/** AWS's access denied message for `caller`. */
export function accessDeniedMessage(caller: Caller, permission: Permission, explicit: boolean): string {
  const { action, resource } = permission;
  const head = `User: ${assumedRoleArn(caller.roleArn, caller.functionName)} is not authorized to perform: ${action} on resource: ${resource}`;
  return explicit ? `${head} with an explicit deny in an identity-based policy` : `${head} because no identity-based policy allows the ${action} action`;
}

/** Throw the service's access denied error unless `caller` may do every permission. */
export function authorize(service: ServiceName, caller: Caller, permissions: Permission[]): void {
  for (const p of permissions) {
    const decision = evaluatePolicy(caller.policy, p.action, p.resource);
    if (decision === 'allow') continue;
    const [name, status] = DENIED[service];
    throw new AwsServiceError(name, accessDeniedMessage(caller, p, decision === 'explicit-deny'), status);
  }
}
