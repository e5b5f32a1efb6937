/**
 * `coldstart tune <file>`: power tuning. Runs the handler for real at each memory size (a cold
 * start, then warm invocations) and prints duration and cost per size with the best size for
 * the cost, speed or balanced strategy (sandbox/tuning, issue 5).
 */
import {
  ARCHITECTURES,
  DEFAULT_RUNTIME,
  MEMORY_MAX_MB,
  MEMORY_MIN_MB,
  RUNTIMES,
  TIMEOUT_DEFAULT_S,
  TIMEOUT_MAX_S,
  TIMEOUT_MIN_S,
} from '../../facts/limits.ts';
import {
  DEFAULT_BALANCED_WEIGHT,
  DEFAULT_INVOCATIONS_PER_SIZE,
  DEFAULT_MEMORY_SIZES,
  MAX_INVOCATIONS_PER_SIZE,
  TUNING_STRATEGIES,
  TuningInputError,
  tunePower,
  type TuningStrategy,
} from '../../tuning/index.ts';
import { numberValue, parseCommandArgs, stringValue, UsageError, type ParsedValues } from '../args.ts';
import { colorsWanted, makeColors } from '../colors.ts';
import { EXIT, type CliCommand, type CliIo } from '../command.ts';
import { configFromArgs } from '../config-from-args.ts';
import { setValues } from '../event-templates.ts';
import { commandHelp } from '../format-help.ts';
import { humanTune } from '../format-tune.ts';
import { loadFunctionFiles, skippedFilesNote } from '../load-function-files.ts';
import { readEvent } from '../read-event.ts';

/** `--memory 128,256,1024` as numbers; each must be a plain whole number (the range is the engine's). */
function memoryList(values: ParsedValues): number[] | undefined {
  const raw = stringValue(values, 'memory');
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((s) => s.trim());
  return items.map((item) => {
    if (!/^\d+$/.test(item))
      throw new UsageError(
        `--memory takes memory sizes in MB separated by commas, e.g. 128,512,1769; got '${item}' in '${raw}'`,
      );
    return Number(item);
  });
}

/** Which option sets which tunePower field, for messages. */
const FLAG_OF: Record<string, string> = {
  memorySizes: '--memory',
  invocationsPerSize: '--runs',
  balancedWeight: '--weight',
  strategy: '--strategy',
  timeoutSeconds: '--timeout',
};

/** The engine's refusal in the options the learner typed: `--memory 64: memory must be ...`. */
function asUsage(err: TuningInputError, values: ParsedValues): UsageError {
  const parts = err.issues.map((issue) => {
    const flag = FLAG_OF[issue.field] ?? `--${issue.field}`;
    const value = issue.item ?? (flag === '--memory' ? undefined : stringValue(values, flag.slice(2)));
    return value === undefined ? `${flag}: ${issue.message}` : `${flag} ${String(value)}: ${issue.message}`;
  });
  return new UsageError(parts.join('; '));
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(tuneCommand, argv);
  if (values.help) {
    io.out(commandHelp(tuneCommand));
    return EXIT.ok;
  }
  const target = positionals[0];
  if (target === undefined) throw new UsageError('name the handler file to tune, e.g. coldstart tune ./index.mjs');
  const memorySizes = memoryList(values);
  const strategy = stringValue(values, 'strategy') as TuningStrategy | undefined;
  const weight = numberValue(values, 'weight', '0 = speed only, 1 = cost only');
  if (weight !== undefined && strategy !== 'balanced') throw new UsageError('--weight is for --strategy balanced');
  const runs = numberValue(values, 'runs', 'warm invocations per size');
  const pkg = loadFunctionFiles(target, io.cwd);
  const handler = stringValue(values, 'handler') ?? pkg.defaultHandler;
  // Timeout, runtime, architecture and variables are checked as `coldstart invoke` checks them.
  const config = configFromArgs({ ...values, memory: undefined }, pkg.functionName, handler);
  const event = await readEvent(stringValue(values, 'event'), io, setValues(values));
  if (pkg.skipped.length > 0) io.err(skippedFilesNote(pkg.skipped));
  let result;
  try {
    result = await tunePower({
      files: pkg.files,
      handler,
      eventJson: event.json,
      functionName: pkg.functionName,
      memorySizes,
      invocationsPerSize: runs,
      strategy,
      balancedWeight: weight,
      architecture: config.architecture,
      runtime: config.runtime,
      timeoutSeconds: config.timeoutSeconds,
      environment: config.environment,
    });
  } catch (err) {
    if (err instanceof TuningInputError) throw asUsage(err, values);
    throw err;
  }
  if (values.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else
    io.out(
      humanTune(
        result,
        `Power tuning ${target} (handler ${handler}, event from ${event.source})`,
        makeColors(colorsWanted(io)),
      ),
    );
  return result.results.every((r) => r.errors === 0) ? EXIT.ok : EXIT.handlerFailed;
}

/** The `tune` command. */
export const tuneCommand: CliCommand = {
  name: 'tune',
  summary: 'Power tuning: run a handler at several memory sizes; duration and cost per size, and the best one.',
  positionals: [
    {
      name: 'file',
      description:
        "The handler file (.js, .mjs, .cjs, .ts), packaged with the files beside it as 'coldstart invoke' does.",
    },
  ],
  options: {
    handler: {
      type: 'string',
      valueName: 'FILE.EXPORT',
      description: "Handler setting: module and exported function, as Lambda's Handler field.",
      defaultText: '<file name>.handler',
    },
    event: {
      type: 'string',
      valueName: 'EVENT',
      description: "The event sent every time: a template name, a .json file, '-' for standard input, or inline JSON.",
      defaultText: '{}',
    },
    set: {
      type: 'string',
      valueName: 'NAME=VALUE',
      multiple: true,
      description: 'A parameter of the --event template (e.g. size=2048).',
    },
    memory: {
      type: 'string',
      valueName: 'MB,MB,...',
      description: `Memory sizes to try, in MB, separated by commas; each ${MEMORY_MIN_MB}-${MEMORY_MAX_MB}, each once.`,
      defaultText: DEFAULT_MEMORY_SIZES.join(','),
    },
    strategy: {
      type: 'string',
      valueName: 'STRATEGY',
      description:
        'How the best size is chosen, as AWS Lambda Power Tuning does: cost = cheapest on average, speed = fastest on average, balanced = lowest weight x cost/max cost + (1 - weight) x duration/max duration.',
      choices: TUNING_STRATEGIES,
      defaultText: 'cost',
    },
    weight: {
      type: 'string',
      valueName: 'W',
      description: 'Balanced strategy only: 0 = speed only, 1 = cost only.',
      defaultText: String(DEFAULT_BALANCED_WEIGHT),
    },
    runs: {
      type: 'string',
      valueName: 'N',
      description: `Warm invocations per size, 1-${MAX_INVOCATIONS_PER_SIZE}, after one cold start that is reported apart.`,
      defaultText: String(DEFAULT_INVOCATIONS_PER_SIZE),
    },
    timeout: {
      type: 'string',
      valueName: 'SECONDS',
      description: `Timeout in whole seconds, ${TIMEOUT_MIN_S}-${TIMEOUT_MAX_S}.`,
      defaultText: String(TIMEOUT_DEFAULT_S),
    },
    runtime: {
      type: 'string',
      valueName: 'RUNTIME',
      description: 'Node.js runtime.',
      choices: RUNTIMES,
      defaultText: DEFAULT_RUNTIME,
    },
    arch: {
      type: 'string',
      valueName: 'ARCH',
      description: 'Instruction set; changes the price per GB-second.',
      choices: ARCHITECTURES,
      defaultText: 'x86_64',
    },
    env: {
      type: 'string',
      valueName: 'KEY=VALUE',
      multiple: true,
      description: "An environment variable for the function's process.env.",
    },
    json: {
      type: 'boolean',
      description:
        'Print JSON: {strategy, balancedWeight, architecture, invocationsPerSize, averaged: "warm", results: [{memorySizeMB, cpuShare, vcpus, invocations, avgDurationMs, p90DurationMs, avgBilledMs, avgCostUsd, costPerMillionUsd, errors, firstError, coldStart}], best: {memorySizeMB, reason} | null}.',
    },
  },
  notes: [
    'Examples:',
    '  coldstart tune ./resize.mjs --strategy speed',
    '  coldstart tune ./api.mjs --event apigateway-http --memory 128,256,512,1024 --strategy balanced --weight 0.3',
    '',
    'Durations come from the deterministic time model: CPU work speeds up with memory until',
    '1,769 MB (one vCPU) and not beyond for single-threaded code; waiting (timers, simulated AWS',
    'calls) does not speed up at all. A size where the handler fails is never picked.',
    'Exit codes: 0 every invocation succeeded, 1 the handler failed at some size, 2 bad arguments.',
  ],
  run,
};
