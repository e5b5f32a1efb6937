/**
 * The account after each step: runScenario records it (and the account after setup) so the
 * explorer can scrub through how the functions changed it. Checked on the thumbnail example.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvironmentPool } from '../../sandbox/runtime/environment-pool.ts';
import { loadScenario } from '../../sandbox/scenario/load-scenario.ts';
import { runScenario } from '../../sandbox/scenario/run-scenario.ts';
import type { ScenarioStepSnapshot } from '../../sandbox/scenario/scenario-types.ts';

const pool = new EnvironmentPool();
afterAll(() => pool.dispose());
const example = fileURLToPath(new URL('../../sandbox/scenario/examples/thumbnail.yaml', import.meta.url));
const keysIn = (step: ScenarioStepSnapshot, bucket: string) =>
  step.snapshot.buckets.find((b) => b.name === bucket)!.objects.map((o) => o.key);

describe('step snapshots', () => {
  it('thumbnail: the second bucket is empty before the upload step and holds the thumbnail after it', async () => {
    const r = await runScenario(loadScenario(example), { pool });
    expect(r.steps.map((s) => s.index)).toEqual([-1, 0, 1, 2]);
    const [start, upload, other, check] = r.steps as [
      ScenarioStepSnapshot,
      ScenarioStepSnapshot,
      ScenarioStepSnapshot,
      ScenarioStepSnapshot,
    ];
    expect(start.label).toBe('');
    expect(upload.label).toBe('put object photos-uploads/uploads/cat.jpg (jpeg bytes)');
    // An object-form step is named as the trace names it (its JSON).
    expect(check.label).toMatch(/^\{"expect":/);
    expect(keysIn(start, 'photos-thumbnails')).toEqual([]);
    expect(keysIn(start, 'photos-uploads')).toEqual([]);
    expect(keysIn(upload, 'photos-thumbnails')).toEqual(['thumbnails/cat.jpg']);
    expect(keysIn(upload, 'photos-uploads')).toEqual(['uploads/cat.jpg']);
    expect(keysIn(other, 'photos-uploads')).toEqual(['other/dog.jpg', 'uploads/cat.jpg']);
    // Virtual time moves on as steps settle; the last step's account is the final snapshot.
    expect(upload.atMs).toBeGreaterThan(start.atMs);
    expect(check.snapshot).toEqual(r.snapshot);
    // Plain data: the result survives JSON unchanged (it crosses IPC/HTTP).
    expect(JSON.parse(JSON.stringify(r.steps))).toEqual(r.steps);
  });
});
