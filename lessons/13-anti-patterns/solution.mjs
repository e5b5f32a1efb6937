/**
 * Solution. Two jobs that share this file so you can check both in one editor (in AWS they would
 * be two single-purpose functions, each with its own trigger, role and timeout):
 * - an S3 trigger on uploads/: writes its summary under summaries/, so its output never triggers it;
 * - a report job: checks the report service once and answers "pending" instead of sleeping.
 */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const INPUT_PREFIX = 'uploads/'; // the trigger's prefix filter
const OUTPUT_PREFIX = 'summaries/'; // outside the trigger's prefix

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
  // Second line of defence: even if the trigger is misconfigured, never process our own output.
  if (!key.startsWith(INPUT_PREFIX)) {
    console.log(`Skipping ${key}: not under ${INPUT_PREFIX}`);
    return undefined;
  }
  const summary = JSON.stringify({ source: key, size: record.s3.object.size });
  const name = key.slice(INPUT_PREFIX.length);
  return putObject(bucket, `${OUTPUT_PREFIX}${name}.summary.json`, summary);
}

async function checkReport(jobId) {
  const status = await reportStatus(jobId);
  if (status.ready) return { status: 'done', jobId, url: status.url };
  // Not ready: stop paying. The orchestrator (Wait state, SQS delay) asks again later.
  return { status: 'pending', jobId, retryAfterSeconds: 2 };
}

export const handler = async (event) => {
  if (event.Records) {
    const written = [];
    for (const record of event.Records) {
      const output = await summarizeUpload(record);
      if (output) written.push(output);
    }
    return { written };
  }
  return checkReport(event.jobId);
};
