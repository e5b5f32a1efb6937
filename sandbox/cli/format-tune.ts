/**
 * Human output of `coldstart tune`: one row per memory size (CPU share, average and p90 duration,
 * billed time, cost per million, the cold start apart, errors), then the pick and why.
 */
import type { SizeResult, TuneResult } from '../tuning/index.ts';
import type { Colors } from './colors.ts';

function cpu(r: SizeResult): string {
  // Above one vCPU a single thread still gets one: say how many Lambda allocates.
  return r.vcpus > 1 ? `${r.cpuShare.toFixed(2)} of ${r.vcpus.toFixed(2)}` : r.cpuShare.toFixed(2);
}

function cold(r: SizeResult): string {
  if (!r.coldStart) return '-';
  const init = r.coldStart.initDurationMs === null ? '' : `${r.coldStart.initDurationMs.toFixed(2)} + `;
  return `${init}${r.coldStart.durationMs.toFixed(2)} ms`;
}

function row(r: SizeResult, best: boolean): string[] {
  const ok = r.invocations > 0;
  return [
    `${best ? '*' : ' '} ${r.memorySizeMB} MB`,
    cpu(r),
    ok ? `${r.avgDurationMs.toFixed(2)} ms` : '-',
    ok ? `${r.p90DurationMs.toFixed(2)} ms` : '-',
    ok ? `${r.avgBilledMs} ms` : '-',
    ok ? `$${r.costPerMillionUsd.toFixed(4)}` : '-',
    cold(r),
    String(r.errors),
  ];
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

/** The whole report. */
export function humanTune(result: TuneResult, heading: string, c: Colors): string {
  const header = [
    '  MEMORY',
    'vCPU',
    'AVG DURATION',
    'P90',
    'BILLED',
    'COST PER 1M',
    'COLD START (INIT + RUN)',
    'ERRORS',
  ];
  const lines = table([header, ...result.results.map((r) => row(r, r.memorySizeMB === result.best?.memorySizeMB))]);
  const out = [
    c.bold(heading),
    `${result.invocationsPerSize} warm invocation${result.invocationsPerSize === 1 ? '' : 's'} per size after a cold start; averages, p90 and cost are over the warm ones (${result.architecture}, us-east-1 prices, no free tier).`,
    '',
    c.bold(lines[0]!),
    ...lines.slice(1),
    '',
  ];
  for (const r of result.results) {
    if (r.firstError)
      out.push(
        c.red(
          `${r.memorySizeMB} MB: ${r.errors} failed, e.g. ${r.firstError.errorType}: ${r.firstError.errorMessage.split('\n')[0]}`,
        ),
      );
  }
  const strategy = result.strategy === 'balanced' ? `balanced, weight ${result.balancedWeight}` : result.strategy;
  if (result.best) {
    out.push(`${c.green(`Best for ${strategy}: ${result.best.memorySizeMB} MB`)}, ${result.best.reason}.`);
  } else {
    out.push(c.red(`No pick for ${strategy}: the handler failed at every memory size.`));
  }
  out.push('vCPU: the CPU share one thread gets (1,769 MB = 1 vCPU); single-threaded code is no faster above it.');
  return `${out.join('\n')}\n`;
}
