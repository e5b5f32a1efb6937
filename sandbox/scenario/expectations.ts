/** `expect` steps: checks over the trace so far and the account's state, each with a readable verdict. */
import type { AccountSnapshot } from '../account/account-types.ts';
import type { TraceNode } from '../invocation-models/trace-types.ts';
import type { STEP_ACTIONS } from './step-schema.ts';
import type { z } from 'zod';

type Expectation = z.infer<(typeof STEP_ACTIONS)['expect']>;

/** Check every part of `e`; the verdict lists each part with ✓ or ✗. */
export function checkExpectation(
  e: Expectation,
  trace: readonly TraceNode[],
  snapshot: AccountSnapshot,
  lastStatus: number | undefined,
): { ok: boolean; text: string } {
  const parts: { ok: boolean; text: string }[] = [];
  if (e.invocations) {
    const runs = trace.filter(
      (n) => n.kind === 'invocation' && (!e.invocations!.function || n.functionName === e.invocations!.function),
    );
    const failed = runs.filter((n) => n.kind === 'invocation' && !n.record.ok).length;
    const who = e.invocations.function ?? 'all functions';
    if (e.invocations.count !== undefined)
      parts.push({
        ok: runs.length === e.invocations.count,
        text: `${who}: ${e.invocations.count} invocations (got ${runs.length})`,
      });
    if (e.invocations.failed !== undefined)
      parts.push({
        ok: failed === e.invocations.failed,
        text: `${who}: ${e.invocations.failed} failed (got ${failed})`,
      });
    if (e.invocations.succeeded !== undefined)
      parts.push({
        ok: runs.length - failed === e.invocations.succeeded,
        text: `${who}: ${e.invocations.succeeded} succeeded (got ${runs.length - failed})`,
      });
  }
  if (e.object) {
    const want = e.object.exists ?? true;
    const has = !!snapshot.buckets
      .find((b) => b.name === e.object!.bucket)
      ?.objects.some((o) => o.key === e.object!.key);
    parts.push({
      ok: has === want,
      text: `s3://${e.object.bucket}/${e.object.key} ${want ? 'exists' : 'does not exist'}${has === want ? '' : ` (it ${has ? 'does' : 'does not'})`}`,
    });
  }
  if (e.queue) {
    const q = snapshot.queues.find((x) => x.name === e.queue!.name);
    const n = q ? q.messages.length : 0;
    parts.push({
      ok: n === e.queue.messages,
      text: `${e.queue.name} holds ${e.queue.messages} message${e.queue.messages === 1 ? '' : 's'} (got ${n})`,
    });
  }
  if (e.response)
    parts.push({
      ok: lastStatus === e.response.status,
      text: `the last response is ${e.response.status} (got ${lastStatus ?? 'none'})`,
    });
  if (e.refused) {
    const n = trace.filter((x) => x.kind === 'refused' && x.reason === e.refused!.reason).length;
    const want = e.refused.count;
    parts.push({
      ok: want === undefined ? n > 0 : n === want,
      text: `${want ?? 'some'} ${e.refused.reason} refusal${want === 1 ? '' : 's'} (got ${n})`,
    });
  }
  if (e.error) {
    const seen = trace.some(
      (n) =>
        n.kind === 'invocation' &&
        !n.record.ok &&
        (n.record.error.errorType === e.error || n.record.error.errorMessage.includes(e.error!)),
    );
    parts.push({ ok: seen, text: `an invocation failed with ${e.error}${seen ? '' : ' (none did)'}` });
  }
  if (parts.length === 0) return { ok: true, text: 'nothing to check' };
  return { ok: parts.every((p) => p.ok), text: parts.map((p) => `${p.ok ? '✓' : '✗'} ${p.text}`).join('; ') };
}
