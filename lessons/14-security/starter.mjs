/**
 * A tiny "policy vending" function: given a request {bucket, prefix, actions}, it returns the IAM
 * policy document a worker role should get to do exactly that job in S3.
 * It is configured with a secret in its environment (SIGNING_KEY) that must never reach the logs.
 */
export const handler = async (event) => {
  // TODO 4: never log secrets. This line writes every environment variable to CloudWatch Logs,
  // SIGNING_KEY included, where anyone who can read the logs can copy it.
  console.log('env', JSON.stringify(process.env));
  console.log('request', JSON.stringify(event));

  const { bucket, prefix, actions } = event;
  // TODO 1: allow only the actions in the request (not every S3 action).
  // TODO 2: scope the resource to arn:aws:s3:::<bucket>/<prefix>* (not every resource).
  // TODO 3: refuse a request for a wildcard action ("*", "s3:*", "s3:Get*") with { error }.
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
  };
};
