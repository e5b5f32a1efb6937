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

/** The account as it stood at one point of the run: before the first step, or after a step settled. */
export interface ScenarioStepSnapshot {
  /** The step's index in the scenario (0-based); -1 for the account after setup and seed data. */
  index: number;
  /** The step as written (its text, or its action for the object form); '' for the start. */
  label: string;
  /** Virtual time the snapshot was taken, ms since the epoch. */
  atMs: number;
  snapshot: AccountSnapshot;
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
  /**
   * The account before the first step (index -1), then after each step and what it set off
   * (the explorer scrubs through these). The last one equals `snapshot`.
   */
  steps: ScenarioStepSnapshot[];
  /** Work still scheduled after the last step (retries, redeliveries), with when it is due. */
  pending: number;
}
