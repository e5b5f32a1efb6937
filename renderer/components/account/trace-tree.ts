/**
 * The trace arrives flat (each node names its parent); the view shows it as an indented tree in
 * the order things happened. Depth is capped for indentation only: a recursive loop is 30+ levels
 * deep, and the learner should still be able to read the last rows.
 */
import type { TraceNode } from '../../../sandbox/invocation-models/trace-types.ts';

export interface TraceRow {
  node: TraceNode;
  depth: number;
}

export const MAX_INDENT = 12;

export function traceRows(nodes: readonly TraceNode[]): TraceRow[] {
  const children = new Map<string | null, TraceNode[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) {
    // A parent that is not in the trace would hide the node; show it as a root instead.
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const rows: TraceRow[] = [];
  // Iterative depth-first walk: recursion depth follows the trace, which a loop makes deep.
  const stack: TraceRow[] = (children.get(null) ?? []).map((node) => ({ node, depth: 0 })).reverse();
  while (stack.length) {
    const row = stack.pop()!;
    rows.push(row);
    const kids = children.get(row.node.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: row.depth + 1 });
  }
  return rows;
}

/** `+2.5 s` from the scenario's start, as the virtual clock counts. */
export function offset(atMs: number, startMs: number): string {
  const s = (atMs - startMs) / 1000;
  if (s < 60) return `+${Number(s.toFixed(2))} s`;
  const m = Math.floor(s / 60);
  return `+${m} min ${Number((s - m * 60).toFixed(1))} s`;
}
