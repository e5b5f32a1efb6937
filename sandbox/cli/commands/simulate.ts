/**
 * `coldstart simulate <file>`: put load on a handler and see what Lambda would do over virtual
 * time: environments, cold starts, throttles (with AWS's reasons), latency percentiles, the bill,
 * and concurrency per second (sandbox/fleet, issue 5).
 */
import { ACCOUNT_CONCURRENCY_DEFAULT, ARCHITECTURES, DEFAULT_RUNTIME, MEMORY_DEFAULT_MB, MEMORY_MAX_MB, MEMORY_MIN_MB, RUNTIMES, TIMEOUT_DEFAULT_S, TIMEOUT_MAX_S, TIMEOUT_MIN_S } from '../../facts/limits.ts';
import {
  DEFAULT_MAX_EXACT_INVOCATIONS,
  FleetInputError,
  formatFleetSummary,
  simulateFleet,
  type FleetInput,
  type FleetMode,
  type InvocationType,
  type LoadPattern,
} from '../../fleet/index.ts';
import { numberValue, parseCommandArgs, stringValue, UsageError, type ParsedValues } from '../args.ts';
import { EXIT, type CliCommand, type CliIo } from '../command.ts';
import { configFromArgs } from '../config-from-args.ts';
import { setValues } from '../event-templates.ts';
import { commandHelp } from '../format-help.ts';
import { loadFunctionFiles, skippedFilesNote } from '../load-function-files.ts';
import { readEvent } from '../read-event.ts';

const PATTERNS = ['constant', 'burst', 'ramp', 'poisson'] as const;
type Pattern = (typeof PATTERNS)[number];

/** Which options each pattern takes (the others are refused, so a typo never goes unnoticed). */
const PATTERN_OPTIONS: Record<Pattern, readonly string[]> = {
  constant: ['rate', 'duration'],
  burst: ['count', 'at'],
  ramp: ['from', 'to', 'duration'],
  poisson: ['rate', 'duration', 'seed'],
};
const LOAD_OPTIONS = ['rate', 'duration', 'count', 'at', 'from', 'to', 'seed'];

/** FleetInput field -> the option that sets it, for messages. */
const FLAG_OF: Record<string, string> = {
  'load.ratePerSecond': '--rate',
  'load.durationSeconds': '--duration',
  'load.count': '--count',
  'load.atSecond': '--at',
  'load.fromRate': '--from',
  'load.toRate': '--to',
  load: '--pattern',
  'concurrency.accountLimit': '--account-limit',
  'concurrency.reserved': '--reserved',
  'concurrency.provisioned': '--provisioned',
  idleReapSeconds: '--idle-reap',
  maxExactInvocations: '--max-exact',
  'sqs.batchSize': '--batch-size',
  'sqs.batchWindowSeconds': '--batch-window',
  'async.maximumRetryAttempts': '--retry-attempts',
  'async.maximumEventAgeSeconds': '--max-event-age',
};

function num(values: ParsedValues, name: string, unit: string): number | undefined {
  return numberValue(values, name, unit);
}

function loadFromArgs(values: ParsedValues): LoadPattern {
  const pattern = (stringValue(values, 'pattern') ?? 'constant') as Pattern;
  const allowed = PATTERN_OPTIONS[pattern];
  for (const name of LOAD_OPTIONS)
    if (values[name] !== undefined && !allowed.includes(name))
      throw new UsageError(`--${name} does not apply to --pattern ${pattern} (it takes ${allowed.map((o) => `--${o}`).join(', ')})`);
  switch (pattern) {
    case 'constant':
      return { kind: 'constant', ratePerSecond: num(values, 'rate', 'requests per second') ?? 10, durationSeconds: num(values, 'duration', 'seconds') ?? 10 };
    case 'burst':
      return { kind: 'burst', count: num(values, 'count', 'requests') ?? 100, atSecond: num(values, 'at', 'seconds') ?? 0 };
    case 'ramp': {
      const to = num(values, 'to', 'requests per second');
      if (to === undefined) throw new UsageError('--pattern ramp needs --to R (requests per second at the end; --from defaults to 0)');
      return { kind: 'ramp', fromRate: num(values, 'from', 'requests per second') ?? 0, toRate: to, durationSeconds: num(values, 'duration', 'seconds') ?? 10 };
    }
    case 'poisson':
      return {
        kind: 'poisson',
        ratePerSecond: num(values, 'rate', 'requests per second') ?? 10,
        durationSeconds: num(values, 'duration', 'seconds') ?? 10,
        seed: num(values, 'seed', 'a whole number') ?? 1,
      };
  }
}

/** The fleet's refusal in the options the learner typed. */
function asUsage(err: FleetInputError): UsageError {
  const flag = FLAG_OF[err.field] ?? `--${err.field}`;
  return new UsageError(`${flag}: ${err.message.slice(err.field.length + 2)}`);
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(simulateCommand, argv);
  if (values.help) {
    io.out(commandHelp(simulateCommand));
    return EXIT.ok;
  }
  const target = positionals[0];
  if (target === undefined) throw new UsageError('name the handler file to simulate, e.g. coldstart simulate ./index.mjs --pattern burst --count 100');
  const load = loadFromArgs(values);
  const invocation = (stringValue(values, 'invocation') ?? 'sync') as InvocationType;
  if (invocation !== 'sqs' && (values['batch-size'] !== undefined || values['batch-window'] !== undefined))
    throw new UsageError('--batch-size and --batch-window are for --invocation sqs');
  if (invocation !== 'async' && (values['retry-attempts'] !== undefined || values['max-event-age'] !== undefined))
    throw new UsageError('--retry-attempts and --max-event-age are for --invocation async');
  const pkg = loadFunctionFiles(target, io.cwd);
  const handler = stringValue(values, 'handler') ?? pkg.defaultHandler;
  const config = configFromArgs(values, pkg.functionName, handler);
  const event = await readEvent(stringValue(values, 'event'), io, setValues(values));
  if (pkg.skipped.length > 0) io.err(skippedFilesNote(pkg.skipped));
  const input: FleetInput = {
    files: pkg.files,
    config,
    eventJson: event.json,
    load,
    invocation,
    concurrency: {
      accountLimit: num(values, 'account-limit', 'concurrent executions'),
      reserved: num(values, 'reserved', 'concurrent executions'),
      provisioned: num(values, 'provisioned', 'environments'),
    },
    idleReapSeconds: num(values, 'idle-reap', 'seconds'),
    mode: (stringValue(values, 'mode') ?? 'auto') as FleetMode,
    maxExactInvocations: num(values, 'max-exact', 'invocations'),
    seed: num(values, 'seed', 'a whole number'),
    sqs: { batchSize: num(values, 'batch-size', 'messages'), batchWindowSeconds: num(values, 'batch-window', 'seconds') },
    async: { maximumRetryAttempts: num(values, 'retry-attempts', '0-2'), maximumEventAgeSeconds: num(values, 'max-event-age', 'seconds') },
  };
  let result;
  try {
    result = await simulateFleet(input);
  } catch (err) {
    if (err instanceof FleetInputError) throw asUsage(err);
    throw err;
  }
  if (values.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else io.out(formatFleetSummary(result, `Simulating ${target} (handler ${handler}, ${config.memorySizeMB} MB, ${invocation}, event from ${event.source})`));
  return result.totals.errors === 0 ? EXIT.ok : EXIT.handlerFailed;
}

/** The `simulate` command. */
export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'Put load on a handler: environments, cold starts, throttles, latency percentiles and the bill, over virtual time.',
  positionals: [{ name: 'file', description: "The handler file (.js, .mjs, .cjs, .ts), packaged with the files beside it as 'coldstart invoke' does." }],
  options: {
    handler: { type: 'string', valueName: 'FILE.EXPORT', description: "Handler setting, as Lambda's Handler field.", defaultText: '<file name>.handler' },
    event: { type: 'string', valueName: 'EVENT', description: "The event every request carries: a template name, a .json file, '-' for standard input, or inline JSON.", defaultText: '{}' },
    set: { type: 'string', valueName: 'NAME=VALUE', multiple: true, description: 'A parameter of the --event template.' },
    pattern: { type: 'string', valueName: 'PATTERN', description: 'Load pattern: constant (--rate, --duration), burst (--count, --at), ramp (--from, --to, --duration), poisson (--rate, --duration, --seed).', choices: PATTERNS, defaultText: 'constant' },
    rate: { type: 'string', valueName: 'R', description: 'Requests per second (constant, poisson).', defaultText: '10' },
    duration: { type: 'string', valueName: 'S', description: 'Seconds of load (constant, ramp, poisson).', defaultText: '10' },
    count: { type: 'string', valueName: 'N', description: 'Requests arriving at once (burst).', defaultText: '100' },
    at: { type: 'string', valueName: 'S', description: 'Second at which the burst arrives (burst).', defaultText: '0' },
    from: { type: 'string', valueName: 'R', description: 'Requests per second at the start (ramp).', defaultText: '0' },
    to: { type: 'string', valueName: 'R', description: 'Requests per second at the end (ramp).' },
    seed: { type: 'string', valueName: 'S', description: 'Seed of the random arrivals and samples; same seed, same run.', defaultText: '1' },
    invocation: { type: 'string', valueName: 'TYPE', description: 'sync (caller waits, throttles return 429), async (Lambda queues and retries), sqs (an SQS event source mapping).', choices: ['sync', 'async', 'sqs'], defaultText: 'sync' },
    reserved: { type: 'string', valueName: 'N', description: 'Reserved concurrency: a cap and a guarantee; 0 throttles every request. At most account limit - 100.' },
    provisioned: { type: 'string', valueName: 'N', description: 'Provisioned concurrency: N environments initialised before the load (no cold starts), billed while enabled.', defaultText: '0' },
    'account-limit': { type: 'string', valueName: 'N', description: "The account's concurrency quota in the Region.", defaultText: String(ACCOUNT_CONCURRENCY_DEFAULT) },
    'idle-reap': { type: 'string', valueName: 'S', description: 'Seconds an environment may idle before it is shut down (AWS does not publish this).', defaultText: '600' },
    'batch-size': { type: 'string', valueName: 'N', description: 'SQS only: messages per batch, 1-10000.', defaultText: '10' },
    'batch-window': { type: 'string', valueName: 'S', description: 'SQS only: seconds to wait for a full batch, 0-300.', defaultText: '0' },
    'retry-attempts': { type: 'string', valueName: 'N', description: 'Async only: retries after a function error, 0-2.', defaultText: '2' },
    'max-event-age': { type: 'string', valueName: 'S', description: 'Async only: seconds an event may wait (throttled) before it is dropped, 60-21600.', defaultText: '21600' },
    mode: { type: 'string', valueName: 'MODE', description: 'exact runs every invocation for real; sampled runs a labelled sample and extrapolates; auto is exact up to --max-exact requests.', choices: ['auto', 'exact', 'sampled'], defaultText: 'auto' },
    'max-exact': { type: 'string', valueName: 'N', description: 'Auto mode: most requests run exactly.', defaultText: String(DEFAULT_MAX_EXACT_INVOCATIONS) },
    memory: { type: 'string', valueName: 'MB', description: `Memory size in MB, ${MEMORY_MIN_MB}-${MEMORY_MAX_MB}.`, defaultText: String(MEMORY_DEFAULT_MB) },
    timeout: { type: 'string', valueName: 'SECONDS', description: `Timeout in whole seconds, ${TIMEOUT_MIN_S}-${TIMEOUT_MAX_S}.`, defaultText: String(TIMEOUT_DEFAULT_S) },
    runtime: { type: 'string', valueName: 'RUNTIME', description: 'Node.js runtime.', choices: RUNTIMES, defaultText: DEFAULT_RUNTIME },
    arch: { type: 'string', valueName: 'ARCH', description: 'Instruction set; changes the price per GB-second.', choices: ARCHITECTURES, defaultText: 'x86_64' },
    env: { type: 'string', valueName: 'KEY=VALUE', multiple: true, description: "An environment variable for the function's process.env." },
    json: {
      type: 'boolean',
      description:
        'Print the FleetResult as JSON: {mode, sampling, series: [{second, invocations, concurrency, coldStarts, throttles, errors, provisionedInUse}], latency: {all, warm, cold: {p50, p90, p99, max, mean, count}}, totals, environments?, throttles, bill, usage, sampleResults, notes}.',
    },
  },
  notes: [
    'Examples:',
    '  coldstart simulate ./api.mjs --pattern burst --count 100',
    '  coldstart simulate ./api.mjs --rate 50 --duration 60 --reserved 5',
    '  coldstart simulate ./api.mjs --pattern burst --count 15 --provisioned 10',
    '  coldstart simulate ./worker.mjs --invocation sqs --rate 200 --duration 30 --batch-size 10',
    '',
    'Time is virtual: durations come from the deterministic time model, so the same handler, event',
    'and options give the same run anywhere. The handler really runs in each environment (each keeps',
    'its own globals); beyond --max-exact requests a labelled sample runs and the rest is extrapolated.',
    'Throttles follow Lambda: the account limit, reserved concurrency, 10 requests per second per unit',
    'of concurrency (sync), and the scaling rate of 1,000 new environments per 10 s per function.',
    'Exit codes: 0 no invocation failed, 1 the handler failed in some invocation, 2 bad arguments.',
  ],
  run,
};
