/**
 * A FleetResult as readable text (what `coldstart simulate` prints): totals, throttles with their
 * reasons, latency percentiles, the bill, and a small ASCII chart of concurrency per second.
 * English only, as the rest of the command line.
 */
import type { FleetResult, LatencyPercentiles, SecondPoint } from './fleet-types.ts';

const n = (x: number) => x.toLocaleString('en-US');
const ms = (x: number) => x.toFixed(2);

/** USD with enough digits that a small simulation's cost is not just "$0.00". */
function usd(x: number): string {
  if (x === 0) return '$0.00';
  if (x >= 0.01) return `$${x.toFixed(2)}`;
  return `$${x.toPrecision(3)}`;
}

function latencyRow(label: string, p: LatencyPercentiles): string {
  if (p.count === 0) return `  ${label.padEnd(6)} ${'-'.padStart(10)}`;
  return `  ${label.padEnd(6)} ${ms(p.p50).padStart(10)} ${ms(p.p90).padStart(10)} ${ms(p.p99).padStart(10)} ${ms(p.max).padStart(10)}   (${n(p.count)})`;
}

/**
 * Concurrency per second as rows of '#', `height` rows high and at most `width` columns wide; runs
 * longer than `width` seconds show the maximum of each group of seconds in one column.
 */
export function concurrencyChart(series: readonly SecondPoint[], width = 60, height = 8): string[] {
  if (series.length === 0) return [];
  const per = Math.max(1, Math.ceil(series.length / width));
  const cols: number[] = [];
  const cold: boolean[] = [];
  const throttled: boolean[] = [];
  for (let i = 0; i < series.length; i += per) {
    const group = series.slice(i, i + per);
    cols.push(Math.max(...group.map((p) => p.concurrency)));
    cold.push(group.some((p) => p.coldStarts > 0));
    throttled.push(group.some((p) => p.throttles > 0));
  }
  const top = Math.max(1, ...cols);
  const label = String(top).length;
  const lines: string[] = [];
  for (let row = height; row >= 1; row--) {
    const threshold = (top * (row - 0.5)) / height;
    const y = row === height ? String(top) : row === 1 ? '0' : '';
    lines.push(`  ${y.padStart(label)} |${cols.map((c) => (c > 0 && c >= threshold ? '#' : ' ')).join('')}`);
  }
  lines.push(`  ${''.padStart(label)} +${'-'.repeat(cols.length)}`);
  const marks = cols.map((_, i) => (throttled[i] ? '!' : cold[i] ? 'c' : ' ')).join('');
  if (marks.trim() !== '') lines.push(`  ${''.padStart(label)}  ${marks}`);
  const end = `${series.length - 1}s`;
  if (cols.length > 1) lines.push(`  ${''.padStart(label)}  ${'0s'.padEnd(Math.max(3, cols.length - end.length))}${end}`);
  lines.push(
    `  ${''.padStart(label)}  (busy environments, max per ${per === 1 ? 'second' : `${per} s`}; c = cold starts, ! = throttles)`,
  );
  return lines.map((line) => line.trimEnd());
}

/** The readable summary of a run. */
export function formatFleetSummary(result: FleetResult, title: string): string {
  const t = result.totals;
  const out: string[] = [title, ''];
  out.push(`Mode: ${result.sampling.note}`, '');
  const coldShare = t.invocations > 0 ? ` (${((t.coldStarts / t.invocations) * 100).toFixed(1)}%)` : '';
  out.push(
    `Requests        ${n(t.requests)}${t.rejected > 0 ? `; ${n(t.rejected)} refused (RequestEntityTooLargeException, HTTP 413)` : ''}`,
    `Invocations     ${n(t.invocations)}${t.provisionedInvocations > 0 ? ` (${n(t.provisionedInvocations)} on provisioned concurrency)` : ''}`,
    `Cold starts     ${n(t.coldStarts)}${coldShare}`,
    `Environments    ${n(t.environments)}`,
    `Max concurrency ${n(t.maxConcurrency)}`,
    `Errors          ${n(t.errors)}`,
    `Throttles       ${n(t.throttles)}${t.throttles > 0 ? ' (TooManyRequestsException, HTTP 429)' : ''}`,
  );
  for (const [reason, count] of Object.entries(t.throttlesByReason)) if (count > 0) out.push(`  ${reason.padEnd(52)} ${n(count)}`);
  if (t.retries > 0 || t.expiredEvents > 0 || t.failedEvents > 0)
    out.push(`Retries         ${n(t.retries)}; expired events ${n(t.expiredEvents)}; failed events ${n(t.failedEvents)}`);
  out.push(`Time span       ${(t.makespanMs / 1000).toFixed(2)} s (virtual)`, '');
  out.push(`Latency (ms)  ${'p50'.padStart(10)} ${'p90'.padStart(10)} ${'p99'.padStart(10)} ${'max'.padStart(10)}`);
  out.push(latencyRow('all', result.latency.all), latencyRow('warm', result.latency.warm), latencyRow('cold', result.latency.cold), '');
  const bill = result.bill;
  out.push(`Bill: ${usd(bill.totalUsd)} (${bill.freeTierApplied ? 'free tier applied' : 'no free tier'})`);
  for (const line of bill.lines) out.push(`  ${line.explanation}`);
  out.push('', 'Concurrency per second:', ...concurrencyChart(result.series));
  if (result.notes.length > 0) out.push('', 'Notes:', ...result.notes.map((note) => `  - ${note}`));
  return `${out.join('\n')}\n`;
}
