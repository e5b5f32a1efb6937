/**
 * Solution: greet whoever the event names, and log the request id.
 * @param {Record<string, string>} event  The JSON the caller sent, e.g. {"name":"Ada"}.
 * @param {import('aws-lambda').Context} context  Facts about this invocation.
 */
export const handler = async (event, context) => {
  // `??` falls back only when name is missing (undefined or null), not when it is "".
  const name = event.name ?? 'world';

  // The same id is on the START, END and REPORT lines, so you can match them up.
  console.log(`Request ${context.awsRequestId} greets ${name}`);

  return {
    statusCode: 200,
    body: JSON.stringify({ message: `Hello, ${name}!` }),
  };
};
