/**
 * Human output of `coldstart cost`: the bill as a table (item, quantity, unit price, amount), the
 * total as the pricing page adds it (each line rounded to cents), the arithmetic behind each
 * line, the assumptions, and the comparison with servers when asked.
 */
import { DEFAULT_SERVER_PRICE } from '../facts/pricing.ts';
import { formatUsd, type BreakEven, type LineItem, type Projection } from '../pricing/index.ts';
import type { Colors } from './colors.ts';

/** The comparison with an always-on server fleet. */
export interface CostComparison {
  servers: number;
  hourlyUsd: number;
  serverMonthlyUsd: number;
  lambdaMonthlyUsd: number;
  /** Which is cheaper at this volume. */
  cheaper: 'lambda' | 'server' | 'same';
  breakEven: BreakEven;
}

const LABELS: Record<LineItem['key'], string> = {
  requests: 'Requests',
  'async-extra-requests': 'Extra async requests',
  duration: 'Duration',
  'provisioned-concurrency': 'Provisioned concurrency',
  'provisioned-duration': 'Provisioned duration',
  'ephemeral-storage': 'Ephemeral storage',
  'edge-requests': 'Lambda@Edge requests',
  'edge-duration': 'Lambda@Edge duration',
};

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function label(line: LineItem): string {
  const parts = [
    line.architecture,
    line.key === 'duration' && line.tier !== undefined && line.tier > 1 ? `tier ${line.tier}` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? `${LABELS[line.key]} (${parts.join(', ')})` : LABELS[line.key];
}

function unitPrice(line: LineItem): string {
  if (line.unit === 'requests') return `${formatUsd(line.unitPriceUsd * 1e6)} per 1M`;
  return `$${line.unitPriceUsd.toFixed(12).replace(/0+$/, '').replace(/\.$/, '')} per GB-s`;
}

/** Rows padded into columns; the last column right-aligned. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The bill and what it rests on. */
export function humanCost(
  projection: Projection,
  comparison: CostComparison | undefined,
  arch: string,
  c: Colors,
): string {
  const { bill } = projection;
  const head = `Lambda bill for one month: ${count.format(projection.requestsPerMonth)} requests, us-east-1, ${arch}, free tier ${bill.freeTierApplied ? 'applied' : 'not applied'}`;
  const rows = [['ITEM', 'QUANTITY', 'UNIT PRICE', 'AMOUNT']];
  for (const line of bill.lines)
    rows.push([
      label(line),
      `${count.format(line.quantity)} ${line.unit}`,
      unitPrice(line),
      formatUsd(line.displayAmountUsd),
    ]);
  rows.push(['Total', '', '', formatUsd(bill.displayTotalUsd)]);
  const lines = table(rows);
  const rule = '-'.repeat(Math.max(...lines.map((l) => l.length)));
  const out = [c.bold(head), '', c.bold(lines[0]!), ...lines.slice(1, -1), rule, c.bold(lines.at(-1)!), ''];
  out.push('How each line adds up:');
  for (const line of bill.lines) out.push(`  ${label(line)}: ${line.explanation}`);
  const notes = [...projection.assumptions, ...bill.notes];
  if (notes.length > 0) out.push('', 'Assumptions:', ...notes.map((n) => `  ${n}`));
  if (comparison) out.push('', ...comparisonLines(comparison, c));
  return `${out.join('\n')}\n`;
}

function comparisonLines(k: CostComparison, c: Colors): string[] {
  const isDefault = k.hourlyUsd === DEFAULT_SERVER_PRICE.hourlyUsd;
  const what = isDefault
    ? ` (${DEFAULT_SERVER_PRICE.instanceType} on-demand, us-east-1, checked ${DEFAULT_SERVER_PRICE.checked}: ${DEFAULT_SERVER_PRICE.source})`
    : '';
  const lines = [
    c.bold('Compared with servers running all month:'),
    `  ${k.servers} server${k.servers === 1 ? '' : 's'} at $${k.hourlyUsd}/hour${what}: ${formatUsd(k.serverMonthlyUsd)} a month.`,
  ];
  const diff = formatUsd(Math.abs(k.serverMonthlyUsd - k.lambdaMonthlyUsd));
  if (k.cheaper === 'lambda') lines.push(`  At this volume Lambda is cheaper by ${diff} a month.`);
  else if (k.cheaper === 'server') lines.push(`  At this volume the servers are cheaper by ${diff} a month.`);
  else lines.push('  At this volume both cost the same.');
  const b = k.breakEven;
  if (b.kind === 'crossing') {
    lines.push(
      `  Break-even: ${count.format(b.requestsPerMonth ?? 0)} requests a month (${count.format(b.requestsPerSecond ?? 0)} per second on average); above it the servers are cheaper.`,
    );
  } else if (b.kind === 'lambda-never-cheaper') {
    lines.push(
      '  Break-even: none; Lambda costs at least as much as the servers even with no requests (e.g. provisioned concurrency).',
    );
  } else {
    lines.push('  Break-even: none found up to 10 trillion requests a month; Lambda stays cheaper.');
  }
  lines.push('  (The comparison does not check that the servers could carry the load.)');
  return lines;
}
