/**
 * Solution: one function that answers HTTP requests from API Gateway and reacts to S3 notifications.
 * No server, no port, no scaling setup: Lambda runs it once per event.
 * @param {object} event  An API Gateway REST API request, or an S3 event with Records.
 */
export const handler = async (event) => {
  // API Gateway (REST API, proxy integration): a caller is waiting for an HTTP response.
  if (event.httpMethod) {
    return {
      statusCode: 200,
      body: JSON.stringify({ method: event.httpMethod, path: event.path }),
    };
  }

  // S3: nobody reads the return value of an asynchronous invocation, so the logs are the output.
  const records = event.Records ?? [];
  for (const record of records) {
    if (record.eventSource !== 'aws:s3') continue;
    const bucket = record.s3.bucket.name;
    const { key, size } = record.s3.object;
    if (record.eventName.startsWith('ObjectCreated')) {
      console.log(`New object: ${bucket}/${key} (${size} bytes)`);
    } else if (record.eventName.startsWith('ObjectRemoved')) {
      // Deletion events carry no size: the object is gone.
      console.log(`Deleted object: ${bucket}/${key}`);
    }
  }
  return { processed: records.length };
};
