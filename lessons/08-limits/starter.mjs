/**
 * Four jobs, each of which runs into one of Lambda's limits. `event.action` picks the job (in a real
 * project they would be four small functions). Run each one, read the error, then fix it.
 *   {"action":"resize-photos","photos":["p1.jpg", ... ten names]}   -> timeout (3 s)
 *   {"action":"export-catalog","total":80000}                       -> response over 6 MB
 *   {"action":"store-upload","sizeMB":200}  (run it three times)    -> /tmp full (512 MB)
 *   {"action":"average-readings","count":2000000}                   -> out of memory (128 MB)
 * @param {Record<string, any>} event
 * @param {import('aws-lambda').Context} context
 */
import { appendFileSync, statSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1024 * 1024;

/** Task 1: resizing one photo takes 400 ms, so ten of them need 4 s: more than the 3 s timeout. */
async function resizePhotos(event, context) {
  const done = [];
  for (const photo of event.photos ?? []) {
    // TODO: stop while there is still time (context.getRemainingTimeInMillis()) and return the rest.
    await sleep(400); // pretend to resize
    done.push(photo);
  }
  return { done, left: [] };
}

/** One catalogue row: about 100 bytes of JSON. */
const productRow = (id) => ({
  id,
  sku: `SKU-${String(id).padStart(6, '0')}`,
  name: `Product number ${id}`,
  priceKrw: 1000 + (id % 50) * 100,
  stock: id % 13,
});

/** Task 2: every row in one response: 80,000 rows are 7,036,250 bytes, over the 6 MB limit. */
async function exportCatalog(event) {
  const rows = [];
  for (let id = 0; id < event.total; id++) rows.push(productRow(id));
  // TODO: return one page of at most 1,000 rows and the number of the next page (null after the last).
  return { rows };
}

/** Task 3: receives an upload into /tmp, 1 MB at a time, and reports its size. */
async function storeUpload(event, context) {
  const path = `/tmp/upload-${context.awsRequestId}.bin`;
  const chunk = Buffer.alloc(MB, 7);
  for (let i = 0; i < event.sizeMB; i++) appendFileSync(path, chunk);
  const bytes = statSync(path).size;
  // TODO: /tmp outlives this invoke. Delete the file when you are done (unlinkSync), even on errors.
  return { bytes };
}

/** A sensor reading, computed from its index (a stand-in for a value read from a file). */
const reading = (i) => (i * 37) % 101;

/** Task 4: two million objects in an array are more than 128 MB of memory. */
async function averageReadings(event) {
  // TODO: add the readings up in a loop instead of keeping them all in memory.
  const readings = Array.from({ length: event.count }, (_, i) => ({ index: i, value: reading(i) }));
  const sum = readings.reduce((total, r) => total + r.value, 0);
  return { count: readings.length, average: sum / readings.length };
}

const actions = {
  'resize-photos': resizePhotos,
  'export-catalog': exportCatalog,
  'store-upload': storeUpload,
  'average-readings': averageReadings,
};

export const handler = async (event, context) => {
  const action = actions[event.action];
  if (!action) return { error: `Unknown action ${JSON.stringify(event.action)}`, actions: Object.keys(actions) };
  return action(event, context);
};
