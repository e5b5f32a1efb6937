/**
 * Human output of `coldstart invoke`: the CloudWatch lines exactly as Lambda writes them, then a
 * short summary a learner reads at a glance (cold or warm, the result or the error, time, memory
 * and what this invocation costs).
 */
import type { Architecture, InvocationRecord, LogLine } from '../invocation/record.ts';
import type { Colors } from './colors.ts';

/** Context of the run that the summary mentions. */
export interface HumanRunInfo {
  architecture: Architecture;
}

/** A dollar amount that stays readable for tiny per-invocation costs: 3 significant digits. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 0.01) return `$${usd.toFixed(2)}`;
  const decimals = Math.min(20, -Math.floor(Math.log10(usd)) + 2);
  return `$${Number(usd.toPrecision(3)).toFixed(decimals)}`;
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

/** Colour a CloudWatch line by its kind and, for the handler's lines, its level column. */
function logLine(line: LogLine, c: Colors): string {
  if (line.kind === 'start' || line.kind === 'end') return c.dim(line.text);
  if (line.kind === 'report') return c.cyan(line.text);
  if (line.kind === 'platform') return /timed out|error/i.test(line.text) ? c.red(line.text) : c.dim(line.text);
  const level = line.text.split('\t')[2];
  if (level === 'ERROR') return c.red(line.text);
  if (level === 'WARN') return c.yellow(line.text);
  return line.text;
}

/** The response payload: compact when it fits a line, indented JSON otherwise. */
function resultText(payload: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return [payload];
  }
  if (payload.length <= 72) return [JSON.stringify(value)];
  return JSON.stringify(value, null, 2).split('\n');
}

function field(label: string, lines: string[], c: Colors): string[] {
  const pad = ' '.repeat(11);
  return lines.map((line, i) => (i === 0 ? `  ${c.bold(label.padEnd(9))}${line}` : `${pad}${line}`));
}

/** The summary block of one invocation. */
function summary(record: InvocationRecord, index: number, total: number, info: HumanRunInfo, c: Colors): string[] {
  const { report } = record;
  const start = record.coldStart ? c.yellow('cold start') : c.green('warm');
  const outcome = record.ok ? c.green('succeeded') : c.red(report.status === 'timeout' ? 'timed out' : 'failed');
  const lines = [`${c.bold(`Invocation ${index + 1} of ${total}`)}: ${start}, ${outcome}`];
  if (record.ok) lines.push(...field('Result', resultText(record.result), c));
  else {
    const { errorType, errorMessage, trace } = record.error;
    // Some messages span lines (Runtime.ImportModuleError's require stack): keep them aligned.
    lines.push(...field('Error', `${errorType}: ${errorMessage}`.split('\n').map((l) => c.red(l)), c));
    // The first trace line repeats type and message; the frames are what helps.
    const frames = trace.filter((t, i) => !(i === 0 && t.includes(errorMessage.split('\n')[0] ?? '')));
    if (frames.length > 0) lines.push(...field('Trace', frames.map((f) => c.dim(f.trim())), c));
  }
  const time = [`${ms(report.durationMs)} run`];
  if (report.initDurationMs !== undefined) time.push(`${ms(report.initDurationMs)} init`);
  lines.push(...field('Time', [`${time.join(' + ')}, billed ${report.billedDurationMs} ms`], c));
  lines.push(...field('Memory', [`${report.maxMemoryUsedMB} MB used of ${report.memorySizeMB} MB`], c));
  lines.push(
    ...field('Cost', [`${formatUsd(record.costUsd)} (${info.architecture}), ${formatUsd(record.costUsd * 1e6)} per million like it`], c),
  );
  return lines;
}

/** Totals after several invocations: how many were cold, how many failed, what they cost. */
function totals(records: readonly InvocationRecord[], c: Colors): string {
  const cold = records.filter((r) => r.coldStart).length;
  const failed = records.filter((r) => !r.ok).length;
  const cost = records.reduce((sum, r) => sum + r.costUsd, 0);
  const outcome = failed === 0 ? c.green('all succeeded') : c.red(`${failed} failed`);
  return `${records.length} invocations: ${cold} cold, ${records.length - cold} warm; ${outcome}; ${formatUsd(cost)} in all`;
}

/**
 * One invocation as printed: its CloudWatch lines, a blank line and its summary (after a blank
 * line that sets it apart from the one before). Printed as each invocation finishes, so long
 * runs show progress.
 */
export function humanInvocation(record: InvocationRecord, index: number, total: number, info: HumanRunInfo, c: Colors): string {
  const lines = [...record.logs.map((l) => logLine(l, c)), '', ...summary(record, index, total, info, c)];
  return `${index > 0 ? '\n' : ''}${lines.join('\n')}\n`;
}

/** The closing line after several invocations (empty for a single one). */
export function humanTotals(records: readonly InvocationRecord[], c: Colors): string {
  return records.length > 1 ? `\n${totals(records, c)}\n` : '';
}
