/**
 * Your first Lambda function. Lambda calls `handler` once per invocation.
 * @param {Record<string, string>} event  The JSON the caller sent, already parsed into an object.
 * @param {import('aws-lambda').Context} context  Facts about this invocation (request id, time left...).
 */
export const handler = async (event, context) => {
  // console.log lines land in CloudWatch Logs, between the START and END lines.
  console.log(`Got key1: ${event.key1}`);

  // TODO: greet event.name ('world' if it is missing) and log context.awsRequestId.
  const message = `You sent key1 = ${event.key1}`;

  // Whatever you return is turned into JSON for the caller.
  // statusCode + body is the shape API Gateway and function URLs expect.
  return {
    statusCode: 200,
    body: JSON.stringify({ message }),
  };
};
