/**
 * `--json` output of `coldstart invoke`: one JSON object, the contract that scripts and other
 * tools read (issue 3, "The command line"). The invocation record's fields, with the result as a
 * parsed JSON value and the log lines as plain strings.
 */
import type { InvocationRecord, InvocationReport, LambdaError } from '../invocation/record.ts';

/** One invocation as `--json` prints it. */
export interface JsonInvocation {
  requestId: string;
  coldStart: boolean;
  /** The handler's response as a JSON value (present when it succeeded). */
  result?: unknown;
  /** Lambda's error object (present when it failed). */
  error?: LambdaError;
  /** CloudWatch lines: START, the handler's own lines, END, REPORT (and platform lines). */
  logs: string[];
  /** Durations in ms; initDurationMs is null on warm invocations, so every key is always there. */
  report: Omit<InvocationReport, 'initDurationMs'> & { initDurationMs: number | null };
  /** Cost of this invocation in USD: one request plus its billed GB-seconds, no free tier. */
  costUsd: number;
}

/** The whole `--json` document. */
export interface JsonOutput {
  invocations: JsonInvocation[];
}

/** Parse the response payload; a payload that is not JSON (should not happen) stays a string. */
function resultValue(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return payload;
  }
}

/** One record in the `--json` shape. */
export function jsonInvocation(record: InvocationRecord): JsonInvocation {
  const { report } = record;
  return {
    requestId: record.requestId,
    coldStart: record.coldStart,
    ...(record.ok ? { result: resultValue(record.result) } : { error: record.error }),
    logs: record.logs.map((l) => l.text),
    report: {
      durationMs: report.durationMs,
      billedDurationMs: report.billedDurationMs,
      initDurationMs: report.initDurationMs ?? null,
      memorySizeMB: report.memorySizeMB,
      maxMemoryUsedMB: report.maxMemoryUsedMB,
      status: report.status,
    },
    costUsd: record.costUsd,
  };
}

/** The `--json` document for a run, with a trailing newline. */
export function formatJson(records: readonly InvocationRecord[]): string {
  const doc: JsonOutput = { invocations: records.map(jsonInvocation) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
