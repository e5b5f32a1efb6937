/**
 * `coldstart scenario <file>`: run a scenario (functions, resources, triggers, steps) on the virtual
 * clock and print the trace as a tree (cause -> invocation -> report) and the account's final state.
 * Exit 0 when it ran (handlers may fail: that is often the lesson), 1 when an `expect` step failed,
 * 2 when the file is invalid.
 */
import { loadScenario, ScenarioError } from '../../scenario/load-scenario.ts';
import { runScenario } from '../../scenario/run-scenario.ts';
import { formatScenario } from '../../scenario/format-trace.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import { colorsWanted, makeColors } from '../colors.ts';
import { EXIT, type CliCommand, type CliIo } from '../command.ts';
import { commandHelp } from '../format-help.ts';
import { resolve } from 'node:path';

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(scenarioCommand, argv);
  if (values.help) {
    io.out(commandHelp(scenarioCommand));
    return EXIT.ok;
  }
  const file = positionals[0];
  if (file === undefined)
    throw new UsageError('name the scenario file to run, e.g. coldstart scenario ./thumbnail.yaml');
  let loaded;
  try {
    loaded = loadScenario(resolve(io.cwd, file));
  } catch (err) {
    if (err instanceof ScenarioError) {
      io.err(`coldstart scenario: invalid scenario ${err.message}\nThe scenario format: sandbox/scenario/README.md\n`);
      return EXIT.usage;
    }
    throw err;
  }
  const result = await runScenario(loaded);
  if (values.json === true) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const c = makeColors(colorsWanted(io));
    io.out(formatScenario(result, c));
  }
  return result.expectations.every((e) => e.ok) ? EXIT.ok : EXIT.handlerFailed;
}

/** The `scenario` command. */
export const scenarioCommand: CliCommand = {
  name: 'scenario',
  summary:
    'Run a scenario file: functions, resources and triggers on a virtual clock; prints every invocation it caused.',
  positionals: [
    { name: 'file', description: 'The scenario (.yaml, .yml or .json); its format is in sandbox/scenario/README.md.' },
  ],
  options: {
    json: {
      type: 'boolean',
      description:
        'Print the result as JSON: {name, startMs, endMs, trace:[...], expectations, summary, snapshot, pending}.',
    },
  },
  notes: [
    'Exit codes: 0 the scenario ran (even when handlers failed), 1 an expect step failed, 2 the file is invalid.',
    'Example:',
    '  coldstart scenario sandbox/scenario/examples/thumbnail.yaml',
  ],
  run,
};
