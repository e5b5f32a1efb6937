/**
 * One function, no server: Lambda runs it for whatever event a trigger sends.
 * Right now it answers every event with the same greeting, whoever the caller is.
 * @param {object} event  What the trigger sent: an HTTP request from API Gateway, a list of Records from S3, ...
 */
export const handler = async (event) => {
  // Every trigger sends its own shape of event: log it to see what arrived.
  console.log('Event:', JSON.stringify(event));

  // TODO 1: API Gateway (event.httpMethod is set): return statusCode 200 and a JSON body { method, path }.
  // TODO 2: S3 (each of event.Records has eventSource 'aws:s3'): for ObjectCreated events, log
  //         `New object: <bucket>/<key> (<size> bytes)`.
  // TODO 3: for ObjectRemoved events, log `Deleted object: <bucket>/<key>` (a deletion has no size).
  return {
    statusCode: 200,
    body: JSON.stringify({ message: 'Hello from Lambda!' }),
  };
};
