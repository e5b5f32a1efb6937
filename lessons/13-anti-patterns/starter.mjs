/**
 * Two jobs that share this file so you can check both in one editor (in AWS they would be two
 * single-purpose functions):
 * - an S3 trigger on the bucket's uploads/ prefix: for each new upload, write a summary object;
 * - a report job: given {"jobId": "..."}, hand back the report once the (slow) report service has it.
 * S3 and the report service are simulated below so the checks can see what the handler does.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Simulated S3 PutObject: logs the write and returns where it went. */
async function putObject(bucket, key, body) {
  console.log(`PUT s3://${bucket}/${key} (${body.length} bytes)`);
  return { bucket, key };
}

/** Simulated report service: a report is ready on the 3rd status check of its job. */
const statusChecks = new Map();
async function reportStatus(jobId) {
  await sleep(20); // one API call
  const n = (statusChecks.get(jobId) ?? 0) + 1;
  statusChecks.set(jobId, n);
  return n >= 3 ? { ready: true, url: `https://reports.example.com/${jobId}.pdf` } : { ready: false };
}

async function summarizeUpload(record) {
  const bucket = record.s3.bucket.name;
  const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
  const summary = JSON.stringify({ source: key, size: record.s3.object.size });
  // TODO 1: this lands under uploads/, the prefix that triggers this function: a recursive loop.
  return putObject(bucket, `${key}.summary.json`, summary);
  // TODO 2: an event for one of our own outputs must be ignored (return nothing written).
}

async function waitForReport(jobId) {
  // TODO 3: this function is billed for every second it sleeps here. Check once, and when the
  // report is not ready, return { status: 'pending', jobId } right away: the caller (a Step
  // Functions Wait state, an SQS delay) invokes again later.
  for (;;) {
    const status = await reportStatus(jobId);
    if (status.ready) return { status: 'done', jobId, url: status.url };
    await sleep(2000);
  }
}

export const handler = async (event) => {
  if (event.Records) {
    const written = [];
    for (const record of event.Records) written.push(await summarizeUpload(record));
    return { written };
  }
  return waitForReport(event.jobId);
};
