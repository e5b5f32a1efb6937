/** `coldstart scenario`: the trace tree, --json, and exit codes 0 / 1 / 2 (invocation-async-error-handling.html for the async fixture). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir.ts';
import { REPO_ROOT, runColdstart, writeFiles } from './run-coldstart.ts';

const tempDir = useTempDirs();
const fixture = (name: string): string => join(REPO_ROOT, 'sandbox', 'scenario', 'examples', name);

describe('coldstart scenario', () => {
  it('prints the trace as a tree and the final state; exit 0 although the handler failed', async () => {
    const r = await runColdstart(['scenario', fixture('async-dlq.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('step 1: put object raw-images/broken.png');
    expect(r.stdout).toMatch(/└─ ✗ invoke resize \(async, s3\) cold start/);
    expect(r.stdout).toContain('Error: cannot decode broken.png');
    expect(r.stdout).toMatch(/REPORT RequestId: [0-9a-f-]{36} Duration: /);
    expect(r.stdout).toContain('retry: attempt 2 of resize');
    expect(r.stdout).toContain('dead-letter sqs:resize-dlq');
    expect(r.stdout).toContain('queue resize-dlq: 1 visible');
  });

  it('--json prints the trace, summary and snapshot', async () => {
    const r = await runColdstart(['scenario', fixture('api-502.yaml'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ invocations: 2, failed: 0 });
    expect(
      out.trace.filter((n: { kind: string }) => n.kind === 'response').map((n: { statusCode: number }) => n.statusCode),
    ).toEqual([502, 200]);
    expect(out.snapshot).toHaveProperty('buckets');
  });

  it('exits 1 when an expect step fails', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      's.yaml':
        "name: x\nfunctions:\n  f:\n    code: 'export const handler = async () => 1;'\nsteps:\n  - invoke f\n  - expect: { invocations: { function: f, count: 5 } }\n",
    });
    const r = await runColdstart(['scenario', join(dir, 's.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('expect FAILED: ✗ f: 5 invocations (got 1)');
  });

  it('exits 2 with the path of the problem when the file is invalid', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'bad.yaml': 'name: x\nfunctions:\n  f:\n    code: x\n    config: { timeoutSeconds: 901 }\nsteps: [invoke f]\n',
    });
    const r = await runColdstart(['scenario', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'functions.f.config.timeoutSeconds: the timeout can be at most 900 seconds (15 minutes)',
    );
  });
});
