/**
 * Partial batch responses of polled event sources (ReportBatchItemFailures):
 * `{"batchItemFailures":[{"itemIdentifier":"<messageId or sequence number>"}]}`. An empty list, null
 * or no response means every item succeeded; an identifier that is empty, null or not in the batch
 * makes Lambda treat the whole batch as failed.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 * https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html
 */

/** Which items of a batch failed, or why the response makes the whole batch fail. */
export type BatchVerdict = { kind: 'partial'; failed: string[] } | { kind: 'all-failed'; reason: string };

/** Read the function's result (JSON text) against the batch's item ids. */
export function readBatchItemFailures(resultJson: string, batchIds: readonly string[]): BatchVerdict {
  let value: unknown;
  try {
    value = JSON.parse(resultJson);
  } catch {
    return { kind: 'partial', failed: [] };
  }
  if (value === null || typeof value !== 'object' || !('batchItemFailures' in value))
    return { kind: 'partial', failed: [] };
  const list = (value as { batchItemFailures: unknown }).batchItemFailures;
  if (list === null || list === undefined) return { kind: 'partial', failed: [] };
  if (!Array.isArray(list)) return { kind: 'all-failed', reason: 'batchItemFailures is not a list' };
  const failed: string[] = [];
  for (const item of list) {
    const id =
      typeof item === 'object' && item !== null ? (item as { itemIdentifier?: unknown }).itemIdentifier : undefined;
    if (typeof id !== 'string' || id === '')
      return { kind: 'all-failed', reason: `an itemIdentifier is ${JSON.stringify(id ?? null)}` };
    if (!batchIds.includes(id)) return { kind: 'all-failed', reason: `itemIdentifier '${id}' is not in the batch` };
    if (!failed.includes(id)) failed.push(id);
  }
  return { kind: 'partial', failed };
}
