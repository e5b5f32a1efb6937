/**
 * Records for invocations that never reached the handler's result: the worker died, the
 * configuration was rejected, or the simulator itself failed. They keep the record's shape (and a
 * REPORT line) so every caller can treat them like any other failed invoke.
 */
import type { FunctionConfig, InvocationRecord, InvocationStatus, LambdaError, LogLine } from './record.ts';
import { endLine, platformLine, reportLine, startLine } from './log-lines.ts';
import { billedDurationMs, invocationCostUsd } from '../model/billing.ts';

/** What went wrong, in Lambda's words. */
export interface FailureSpec {
  requestId: string;
  config: FunctionConfig;
  error: LambdaError;
  status: InvocationStatus;
  /** Virtual duration to report (ms); 0 when nothing ran. */
  durationMs: number;
  /** Extra platform lines explaining the failure in plain words. */
  notes?: string[];
  /** False when the request was rejected before any environment ran (no START/END/REPORT). */
  ran?: boolean;
}

/** Build a failed InvocationRecord with START/END/REPORT (Status: error) around the notes. */
export function failureRecord(spec: FailureSpec): InvocationRecord {
  const { requestId, config, error, status } = spec;
  const ran = spec.ran ?? true;
  const billed = ran ? billedDurationMs(spec.durationMs) : 0;
  const report = {
    durationMs: spec.durationMs,
    billedDurationMs: billed,
    memorySizeMB: config.memorySizeMB,
    maxMemoryUsedMB: 0,
    status,
  };
  const notes: LogLine[] = (spec.notes ?? []).map(platformLine);
  const logs: LogLine[] = ran
    ? [startLine(requestId), endLine(requestId), reportLine(requestId, report, { status: 'error', errorType: error.errorType }), ...notes]
    : notes;
  return {
    ok: false,
    requestId,
    coldStart: ran,
    logs,
    report,
    costUsd: ran ? invocationCostUsd(billed, config.memorySizeMB, config.architecture) : 0,
    error,
  };
}

/**
 * A request Lambda's API refuses before anything runs (no START/END/REPORT, nothing billed): its
 * error type and message, plus notes in plain words.
 */
export function refusedRecord(
  requestId: string,
  config: FunctionConfig,
  errorType: string,
  errorMessage: string,
  notes: string[] = [],
): InvocationRecord {
  const error = { errorType, errorMessage, trace: [] };
  return failureRecord({ requestId, config, status: 'error', durationMs: 0, ran: false, error, notes });
}
