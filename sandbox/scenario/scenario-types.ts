/** The plain-data result of running a scenario (what `coldstart scenario --json` prints). */
import type { AccountSnapshot } from '../account/account-types.ts';
import type { TraceNode } from '../invocation-models/trace-types.ts';

export interface ScenarioSummary {
  invocations: number;
  succeeded: number;
  failed: number;
  coldStarts: number;
  retries: number;
  deadLetters: number;
  destinations: number;
  /** Invocations Lambda refused (throttles, recursion stops, events too old). */
  refused: number;
  costUsd: number;
}

export interface ScenarioResult {
  name: string;
  description?: string;
  /** Virtual start and end, ms since the epoch. */
  startMs: number;
  endMs: number;
  trace: TraceNode[];
  /** Every `expect` step's verdict, in order. */
  expectations: { ok: boolean; text: string }[];
  summary: ScenarioSummary;
  /** The account at the end (buckets, tables, queues, topics, rules). */
  snapshot: AccountSnapshot;
  /** Work still scheduled after the last step (retries, redeliveries), with when it is due. */
  pending: number;
}
