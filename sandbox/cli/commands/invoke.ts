/**
 * `coldstart invoke <file>`: run a handler N times in one execution environment (the first
 * invocation cold, the rest warm) and print what Lambda would show: the CloudWatch lines, the
 * result or error, durations, memory and cost.
 */
import {
  ARCHITECTURES,
  DEFAULT_RUNTIME,
  MEMORY_DEFAULT_MB,
  MEMORY_MAX_MB,
  MEMORY_MIN_MB,
  RUNTIMES,
  TIMEOUT_DEFAULT_S,
  TIMEOUT_MAX_S,
  TIMEOUT_MIN_S,
  TMP_MAX_MB,
  TMP_MIN_MB,
} from '../../facts/limits.ts';
import type { InvocationRecord } from '../../invocation/record.ts';
import { layerConfigProblem } from '../../layers/layer-rules.ts';
import { createLambdaHost } from '../../runtime/lambda-host.ts';
import { listValue, numberValue, parseCommandArgs, stringValue, UsageError } from '../args.ts';
import { colorsWanted, makeColors } from '../colors.ts';
import { EXIT, type CliCommand, type CliIo } from '../command.ts';
import { configFromArgs } from '../config-from-args.ts';
import { commandHelp } from '../format-help.ts';
import { humanInvocation, humanTotals } from '../format-human.ts';
import { formatJson } from '../format-json.ts';
import { setValues } from '../event-templates.ts';
import { loadFunctionFiles, skippedFilesNote } from '../load-function-files.ts';
import { loadLayerDirs } from '../load-layer-dir.ts';
import { readEvent } from '../read-event.ts';

/** Most invocations one command runs; more is a load test, which `coldstart simulate` is for. */
export const MAX_TIMES = 1000;

/** How many times to invoke, 1-MAX_TIMES. */
function timesFrom(values: Parameters<typeof numberValue>[0]): number {
  const times = numberValue(values, 'times', 'invocations') ?? 1;
  if (!Number.isInteger(times) || times < 1 || times > MAX_TIMES) {
    throw new UsageError(`--times ${times}: give a whole number of invocations from 1 to ${MAX_TIMES}`);
  }
  return times;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(invokeCommand, argv);
  if (values.help) {
    io.out(commandHelp(invokeCommand));
    return EXIT.ok;
  }
  const target = positionals[0];
  if (target === undefined) throw new UsageError('name the handler file to run, e.g. coldstart invoke ./index.mjs');
  const times = timesFrom(values);
  const pkg = loadFunctionFiles(target, io.cwd);
  const handler = stringValue(values, 'handler') ?? pkg.defaultHandler;
  const config = configFromArgs(values, pkg.functionName, handler);
  const layers = loadLayerDirs(listValue(values, 'layer'), io.cwd);
  if (layers.length > 0) {
    // Lambda refuses these when the function is configured, before any invoke: a usage error here.
    const problem = layerConfigProblem(pkg.files, layers);
    if (problem) throw new UsageError(`--layer: ${problem}`);
    config.layers = layers;
  }
  const event = await readEvent(stringValue(values, 'event'), io, setValues(values));
  if (pkg.skipped.length > 0) io.err(skippedFilesNote(pkg.skipped));

  const json = values.json === true;
  if (!json) for (const layer of layers) io.err(`coldstart: attached layer ${layer.arn} (${layer.files.length} files, extracted into /opt)\n`);
  const colors = makeColors(!json && colorsWanted(io));
  const host = createLambdaHost();
  const records: InvocationRecord[] = [];
  try {
    for (let i = 0; i < times; i++) {
      // One environment key for the whole run: the first invocation is cold, the rest reuse it
      // (unless the engine resets the environment after a timeout or crash, as Lambda does).
      const record = await host.invoke({ environmentKey: `cli:${pkg.root}`, files: pkg.files, config, eventJson: event.json });
      records.push(record);
      if (!json) io.out(humanInvocation(record, i, times, { architecture: config.architecture }, colors));
    }
  } finally {
    await host.dispose();
  }
  io.out(json ? formatJson(records) : humanTotals(records, colors));
  return records.every((r) => r.ok) ? EXIT.ok : EXIT.handlerFailed;
}

/** The `invoke` command. */
export const invokeCommand: CliCommand = {
  name: 'invoke',
  summary: 'Run a handler as Lambda would: a cold start, then warm invocations; logs, result, time and cost.',
  positionals: [
    {
      name: 'file',
      description:
        'The handler file (.js, .mjs, .cjs, .ts). The .js/.mjs/.cjs/.ts/.json files beside it (subfolders too, not node_modules) are packaged with it so relative imports work. A folder runs its index file.',
    },
  ],
  options: {
    handler: {
      type: 'string',
      valueName: 'FILE.EXPORT',
      description: "Handler setting: module (file name without extension) and exported function, as Lambda's Handler field.",
      defaultText: '<file name>.handler (index.handler for a folder)',
    },
    event: {
      type: 'string',
      valueName: 'EVENT',
      description: "The event: a template name (see 'coldstart events'), a .json file, '-' to read standard input, or inline JSON.",
      defaultText: '{}',
    },
    set: {
      type: 'string',
      valueName: 'NAME=VALUE',
      multiple: true,
      description: "A parameter of the --event template (e.g. bucket=photos); 'coldstart events <name> --params' lists them.",
    },
    memory: {
      type: 'string',
      valueName: 'MB',
      description: `Memory size in MB, ${MEMORY_MIN_MB}-${MEMORY_MAX_MB} in 1 MB steps; CPU share grows with it.`,
      defaultText: String(MEMORY_DEFAULT_MB),
    },
    timeout: {
      type: 'string',
      valueName: 'SECONDS',
      description: `Timeout in whole seconds, ${TIMEOUT_MIN_S}-${TIMEOUT_MAX_S}.`,
      defaultText: String(TIMEOUT_DEFAULT_S),
    },
    runtime: { type: 'string', valueName: 'RUNTIME', description: 'Node.js runtime.', choices: RUNTIMES, defaultText: DEFAULT_RUNTIME },
    arch: { type: 'string', valueName: 'ARCH', description: 'Instruction set; changes the price per GB-second.', choices: ARCHITECTURES, defaultText: 'x86_64' },
    env: {
      type: 'string',
      valueName: 'KEY=VALUE',
      multiple: true,
      description: "An environment variable for the function's process.env (all together at most 4 KB).",
    },
    tmp: {
      type: 'string',
      valueName: 'MB',
      description: `Size of /tmp in MB, ${TMP_MIN_MB}-${TMP_MAX_MB}; above ${TMP_MIN_MB} MB is billed.`,
      defaultText: String(TMP_MIN_MB),
    },
    layer: {
      type: 'string',
      valueName: 'DIR',
      multiple: true,
      description:
        "A folder whose contents are a layer's root (what its .zip holds, e.g. nodejs/node_modules/<package>/...), published as <folder name>:1 and extracted into /opt. Repeat for more layers, at most 5, in order: a later layer's file replaces an earlier one's at the same path. require and import find packages in /opt/nodejs/node_modules and /opt/nodejs/node24/node_modules (node22 on nodejs22.x).",
    },
    times: {
      type: 'string',
      valueName: 'N',
      description: `Invocations to run in the same environment, 1-${MAX_TIMES}: the first is a cold start, the others warm.`,
      defaultText: '1',
    },
    json: {
      type: 'boolean',
      description:
        'Print one JSON object {"invocations":[{requestId, coldStart, result | error, logs, report, costUsd}]} instead of text. Durations in ms, cost in USD.',
    },
  },
  notes: [
    'Examples:',
    '  coldstart invoke ./hello.mjs',
    '  coldstart invoke ./index.mjs --event s3-put --memory 512 --times 3',
    "  echo '{\"name\":\"Ada\"}' | coldstart invoke ./hello.mjs --event - --json",
    '  coldstart invoke ./app.js --handler app.main --env TABLE=orders --timeout 10',
    '  coldstart invoke ./index.mjs --layer ./layers/price-utils --layer ./layers/overrides',
    '',
    'Durations come from a deterministic model (the same code, event and settings give the same',
    'numbers on any machine), not from the wall clock. Cost is one request plus the billed',
    'GB-seconds at us-east-1 prices, without the free tier.',
    'Exit codes: 0 every invocation succeeded, 1 the handler failed, 2 bad arguments.',
  ],
  run,
};
