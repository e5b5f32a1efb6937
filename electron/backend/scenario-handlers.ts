/**
 * The account page's methods: `scenario.list`, `scenario.get` and `scenario.run`. Examples are
 * read from sandbox/scenario/examples/; runs happen in a worker thread (scenario-runner.ts).
 */
import { join } from 'node:path';
import type { ApiHandlers } from '../api/dispatch.ts';
import { createScenarioExamples } from './scenario-examples.ts';
import { createScenarioRunner, type ScenarioRunner } from './scenario-runner.ts';

type ScenarioMethod = 'scenario.list' | 'scenario.get' | 'scenario.run';

export interface ScenarioHandlers {
  handlers: Pick<ApiHandlers, ScenarioMethod>;
  close(): Promise<void>;
}

/**
 * `sandboxDir` is the sandbox/ folder; the examples are in its scenario/examples/. `runner` plays
 * them (the backend shares one with exercise checks, so scenarios run one at a time); `close()`
 * ends it.
 */
export function createScenarioHandlers(
  sandboxDir: string,
  runner: ScenarioRunner = createScenarioRunner(),
): ScenarioHandlers {
  const examples = createScenarioExamples(join(sandboxDir, 'scenario', 'examples'));
  return {
    handlers: {
      'scenario.list': ({ language }) => examples.list(language),
      'scenario.get': ({ name }) => examples.get(name),
      'scenario.run': ({ name, text }) => {
        // The refinement in the contract guarantees exactly one of the two.
        const source = name !== undefined ? examples.get(name) : undefined;
        return runner.run({
          text: source?.text ?? text ?? '',
          label: source ? `${source.name}.yaml` : 'scenario',
          baseDir: examples.dir,
        });
      },
    },
    close: () => runner.close(),
  };
}
