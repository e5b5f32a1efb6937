/**
 * Chains of invocations travel through the account the way AWS's recursive loop detection tracks
 * them: in the X-Ray trace header that SQS, SNS and S3 pass along
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html). Coldstart writes the
 * chain as a `Lineage` field: `Root=1-<hex8>-<hex24>;Lineage=<id>:<depth>`.
 */
import { createHash } from 'node:crypto';
import type { ChainRef } from './account-types.ts';

/** The AWSTraceHeader for a chain. */
export function chainTraceHeader(chain: ChainRef): string {
  const h = createHash('sha1').update(chain.id).digest('hex');
  return `Root=1-${h.slice(0, 8)}-${h.slice(8, 32)};Lineage=${encodeURIComponent(chain.id)}:${chain.depth}`;
}

/** The chain in an AWSTraceHeader (undefined when it carries none). */
export function chainFromTraceHeader(header: string | undefined): ChainRef | undefined {
  const m = header ? /Lineage=([^;:]+):(\d+)/.exec(header) : null;
  return m ? { id: decodeURIComponent(m[1]!), depth: Number(m[2]) } : undefined;
}
