/** The messages between the scenario runner (scenario-runner.ts) and its worker (scenario-worker.ts). */
import type { ScenarioResult } from '../../sandbox/scenario/scenario-types.ts';
import type { WorkerJobReply } from './worker-jobs.ts';

export interface ScenarioWorkerInput {
  /** The scenario's text (YAML or JSON), already validated once by the runner. */
  text: string;
  /** Names the scenario in messages (`thumbnail.yaml`, or `scenario` for edited text). */
  label: string;
  /** Folder that `file:` paths resolve against. */
  baseDir: string;
}

export type ScenarioWorkerReply = WorkerJobReply<ScenarioResult>;
