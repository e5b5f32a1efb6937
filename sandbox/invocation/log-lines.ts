/**
 * CloudWatch line formats of the Node.js runtime and the Lambda platform (FACTS.md, "log lines").
 * One place builds them so the app, the CLI and lesson checks all print the same text.
 */
import type { InvocationReport, LogLine } from './record.ts';

/** Console levels as the Node.js runtime prints them in the third tab-separated column. */
export type ConsoleLevel = 'INFO' | 'WARN' | 'ERROR' | 'DEBUG' | 'TRACE';

/** `<ISO time>\t<requestId>\t<LEVEL>\t<message>`: a line written by the handler through console. */
export function functionLine(isoTime: string, requestId: string, level: ConsoleLevel, message: string): LogLine {
  return { kind: 'function', text: `${isoTime}\t${requestId}\t${level}\t${message}` };
}

/** `START RequestId: <id> Version: $LATEST` */
export function startLine(requestId: string): LogLine {
  return { kind: 'start', text: `START RequestId: ${requestId} Version: $LATEST` };
}

/** `END RequestId: <id>` */
export function endLine(requestId: string): LogLine {
  return { kind: 'end', text: `END RequestId: ${requestId}` };
}

/** Why a REPORT line carries a status suffix; plain handler errors carry none (as in CloudWatch). */
export interface ReportSuffix {
  /** `timeout` or `error` (platform-level failures such as Runtime.OutOfMemory). */
  status?: 'timeout' | 'error';
  errorType?: string;
}

/**
 * `REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\t
 * Max Memory Used: 70 MB[\tInit Duration: 84.00 ms][\tStatus: timeout|error[\tError Type: X]]`
 */
export function reportLine(requestId: string, report: InvocationReport, suffix: ReportSuffix = {}): LogLine {
  const parts = [
    `REPORT RequestId: ${requestId}`,
    `Duration: ${report.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${report.billedDurationMs} ms`,
    `Memory Size: ${report.memorySizeMB} MB`,
    `Max Memory Used: ${report.maxMemoryUsedMB} MB`,
  ];
  if (report.initDurationMs !== undefined) parts.push(`Init Duration: ${report.initDurationMs.toFixed(2)} ms`);
  if (suffix.status) parts.push(`Status: ${suffix.status}`);
  if (suffix.errorType) parts.push(`Error Type: ${suffix.errorType}`);
  return { kind: 'report', text: parts.join('\t') };
}

/** `<ISO time> <id> Task timed out after 3.00 seconds` (the platform writes it after REPORT). */
export function timeoutLine(isoTime: string, requestId: string, timeoutSeconds: number): LogLine {
  return { kind: 'platform', text: `${isoTime} ${requestId} ${timeoutMessage(timeoutSeconds)}` };
}

/** `Task timed out after 3.00 seconds` */
export function timeoutMessage(timeoutSeconds: number): string {
  return `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

/** A platform line, e.g. `RequestId: <id> Error: Runtime exited with error: signal: killed`. */
export function platformLine(text: string): LogLine {
  return { kind: 'platform', text };
}
