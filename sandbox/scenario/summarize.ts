/** Totals of a trace, for the summary line and --json. */
import type { TraceNode } from '../invocation-models/trace-types.ts';
import type { ScenarioSummary } from './scenario-types.ts';

export function summarize(trace: readonly TraceNode[]): ScenarioSummary {
  const out: ScenarioSummary = {
    invocations: 0,
    succeeded: 0,
    failed: 0,
    coldStarts: 0,
    retries: 0,
    deadLetters: 0,
    destinations: 0,
    refused: 0,
    costUsd: 0,
  };
  for (const n of trace) {
    if (n.kind === 'invocation') {
      out.invocations++;
      if (n.record.ok) out.succeeded++;
      else out.failed++;
      if (n.record.coldStart) out.coldStarts++;
      out.costUsd += n.record.costUsd;
    }
    if (n.kind === 'retry') out.retries++;
    if (n.kind === 'dead-letter') out.deadLetters++;
    if (n.kind === 'destination') out.destinations++;
    if (n.kind === 'refused') out.refused++;
  }
  return out;
}
