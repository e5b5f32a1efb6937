/**
 * Solution. A tiny "policy vending" function: given a request {bucket, prefix, actions}, it returns
 * the least-privilege IAM policy document for that job: only the listed actions, only the objects
 * under the prefix, and no wildcard actions. SIGNING_KEY stays out of the logs.
 */
const IAM_VERSION = '2012-10-17'; // the current policy language version; 2008-10-17 lacks features

export const handler = async (event) => {
  // Log that the secret is configured, never its value (nor the whole process.env).
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
        Resource: `arn:aws:s3:::${bucket}/${prefix}*`, // the objects under the prefix, nothing else
      },
    ],
  };
};
