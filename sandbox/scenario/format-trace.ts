/**
 * The trace as a tree for a terminal: each step, what it caused, each invocation with its result and
 * REPORT numbers, and what followed (responses, retries, destinations, dead letters, refusals);
 * then a summary and the account's final state.
 */
import type { AccountSnapshot } from '../account/account-types.ts';
import type { TraceNode } from '../invocation-models/trace-types.ts';
import type { ScenarioResult } from './scenario-types.ts';

/** Colour functions (identity when colours are off). */
export interface TraceColors {
  red(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const PLAIN: TraceColors = { red: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };

/** `+1m 02.345s` from the scenario's start. */
export function offset(ms: number): string {
  const m = Math.floor(ms / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return m > 0 ? `+${m}m ${s}s` : `+${s}s`;
}

function lines(n: TraceNode, c: TraceColors): string[] {
  switch (n.kind) {
    case 'step':
      return [c.bold(`step ${n.index + 1}: ${n.text}`)];
    case 'service-event':
      return [n.text];
    case 'invocation': {
      const r = n.record;
      const how = `${n.functionName} (${n.model}, ${n.source}${n.attempt > 1 ? `, attempt ${n.attempt}` : ''}) ${r.coldStart ? 'cold start' : 'warm'}`;
      const out = [`${r.ok ? c.green('✓') : c.red('✗')} invoke ${how}`];
      out.push(
        r.ok
          ? c.dim(`  result ${r.result.length > 160 ? `${r.result.slice(0, 157)}...` : r.result}`)
          : c.red(`  ${r.error.errorType}: ${r.error.errorMessage}`),
      );
      for (const l of r.logs)
        if (l.kind === 'function' || l.kind === 'report') out.push(c.dim(`  ${l.text.replace(/\t/g, ' ')}`));
      return out;
    }
    case 'response':
      return [
        `${n.statusCode >= 400 ? c.red(`HTTP ${n.statusCode}`) : c.green(`HTTP ${n.statusCode}`)} ${n.body.length > 120 ? `${n.body.slice(0, 117)}...` : n.body}`,
        ...n.serviceLog.map((l) => c.dim(`  ${l}`)),
      ];
    case 'retry':
      return [
        `retry: attempt ${n.attempt} of ${n.functionName} due at ${new Date(n.dueMs).toISOString()} (${n.reason})`,
      ];
    case 'destination':
      return [`destination ${n.target} (${n.condition})`];
    case 'dead-letter':
      return [`dead-letter ${n.target}: ${n.text}`];
    case 'batch-result':
      return [n.text];
    case 'refused':
      return [
        c.red(`refused ${n.functionName}: ${n.errorType}: ${n.message}`),
        ...n.log.slice(1).map((l) => c.dim(`  ${l}`)),
      ];
    case 'duplicate':
      return [`duplicate: ${n.text}`];
    case 'expect':
      return [n.ok ? c.green(`expect passed: ${n.text}`) : c.red(`expect FAILED: ${n.text}`)];
    case 'note':
      return [c.dim(`note: ${n.text}`)];
  }
}

/** The trace as an indented tree, children under the node that caused them. */
export function formatTraceTree(trace: readonly TraceNode[], startMs: number, colors: TraceColors = PLAIN): string {
  const children = new Map<string | null, TraceNode[]>();
  const ids = new Set(trace.map((n) => n.id));
  for (const n of trace) {
    const parent = n.parentId !== null && ids.has(n.parentId) ? n.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  const out: string[] = [];
  const walk = (parent: string | null, prefix: string): void => {
    const kids = children.get(parent) ?? [];
    kids.forEach((n, i) => {
      const last = i === kids.length - 1;
      const [first, ...rest] = lines(n, colors);
      const branch = parent === null ? '' : last ? '└─ ' : '├─ ';
      const cont = parent === null ? '' : last ? '   ' : '│  ';
      out.push(`${colors.dim(offset(n.atMs - startMs).padStart(12))} ${prefix}${branch}${first}`);
      for (const l of rest) out.push(`${' '.repeat(12)} ${prefix}${cont}${l}`);
      walk(n.id, prefix + cont);
    });
  };
  walk(null, '');
  return `${out.join('\n')}\n`;
}

/** The account's final state, one line per resource. */
export function formatSnapshot(s: AccountSnapshot): string {
  const out: string[] = [];
  for (const b of s.buckets)
    out.push(
      `bucket ${b.name}: ${b.objects.length} object${b.objects.length === 1 ? '' : 's'}${
        b.objects.length
          ? ` (${b.objects
              .slice(0, 5)
              .map((o) => o.key)
              .join(', ')}${b.objects.length > 5 ? ', ...' : ''})`
          : ''
      }`,
    );
  for (const t of s.tables) out.push(`table ${t.name}: ${t.items.length} item${t.items.length === 1 ? '' : 's'}`);
  for (const q of s.queues)
    out.push(
      `queue ${q.name}: ${q.visible} visible, ${q.inFlight} in flight, ${q.delayed} delayed${q.deadLetterTargetArn ? ` (DLQ ${q.deadLetterTargetArn.split(':').pop()} after ${q.maxReceiveCount} receives)` : ''}`,
    );
  for (const t of s.topics)
    out.push(
      `topic ${t.name}: ${t.published} published, ${t.subscriptions.length} subscription${t.subscriptions.length === 1 ? '' : 's'}`,
    );
  for (const r of s.rules)
    out.push(
      `rule ${r.name}: ${r.scheduleExpression ?? 'event pattern'}, ${r.targets.length} target${r.targets.length === 1 ? '' : 's'}`,
    );
  return out.length ? `${out.join('\n')}\n` : '(no resources)\n';
}

/** The whole human report: title, tree, summary, final state. */
export function formatScenario(r: ScenarioResult, colors: TraceColors = PLAIN): string {
  const s = r.summary;
  const failedExpects = r.expectations.filter((e) => !e.ok).length;
  return [
    colors.bold(`Scenario ${r.name}`) + (r.description ? `\n${r.description}` : ''),
    '',
    formatTraceTree(r.trace, r.startMs, colors),
    colors.bold('Summary'),
    `${s.invocations} invocation${s.invocations === 1 ? '' : 's'} (${s.succeeded} succeeded, ${s.failed} failed, ${s.coldStarts} cold), ${s.retries} retr${s.retries === 1 ? 'y' : 'ies'}, ${s.destinations} destination record${s.destinations === 1 ? '' : 's'}, ${s.deadLetters} dead letter${s.deadLetters === 1 ? '' : 's'}, ${s.refused} refused; cost $${s.costUsd.toFixed(10)}`,
    `virtual time ${offset(r.endMs - r.startMs)}${r.pending ? `; ${r.pending} scheduled job${r.pending === 1 ? '' : 's'} not reached (advance further to see them)` : ''}`,
    r.expectations.length
      ? `expectations: ${r.expectations.length - failedExpects} of ${r.expectations.length} passed`
      : '',
    '',
    colors.bold('Account at the end'),
    formatSnapshot(r.snapshot),
  ]
    .filter((l, i, all) => !(l === '' && all[i - 1] === ''))
    .join('\n');
}
