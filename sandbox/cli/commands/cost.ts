/**
 * `coldstart cost`: a month of Lambda's bill from a traffic profile (requests, duration, memory
 * and the rest), line by line, on the pricing engine in sandbox/pricing (issue 5); optionally
 * compared with always-on servers, with the break-even volume.
 */
import { ARCHITECTURES, MEMORY_MAX_MB, MEMORY_MIN_MB, TMP_MAX_MB, TMP_MIN_MB } from '../../facts/limits.ts';
import { DEFAULT_SERVER_PRICE, HOURS_PER_MONTH } from '../../facts/pricing.ts';
import { breakEven, PricingInputError, projectMonthlyBill, serverMonthlyUsd } from '../../pricing/index.ts';
import { toCents } from '../../pricing/money.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import { colorsWanted, makeColors } from '../colors.ts';
import { EXIT, type CliCommand, type CliIo } from '../command.ts';
import { costInputFromArgs } from '../cost-args.ts';
import { humanCost, type CostComparison } from '../format-cost.ts';
import { commandHelp } from '../format-help.ts';

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(costCommand, argv);
  if (values.help) {
    io.out(commandHelp(costCommand));
    return EXIT.ok;
  }
  const input = costInputFromArgs(values);
  let projection;
  let comparison: CostComparison | undefined;
  try {
    projection = projectMonthlyBill(input.profile);
    if (input.fleet) {
      const { requestsPerMonth: _volume, requestsPerSecond: _rate, ...perInvocation } = input.profile;
      const server = serverMonthlyUsd({ hourlyUsd: input.fleet.hourlyUsd, count: input.fleet.count });
      const lambda = projection.bill.displayTotalUsd;
      const serverCents = toCents(server);
      const lambdaCents = toCents(lambda);
      comparison = {
        servers: input.fleet.count,
        hourlyUsd: input.fleet.hourlyUsd,
        serverMonthlyUsd: server,
        lambdaMonthlyUsd: lambda,
        cheaper: lambdaCents < serverCents ? 'lambda' : lambdaCents > serverCents ? 'server' : 'same',
        breakEven: breakEven(perInvocation, { hourlyUsd: input.fleet.hourlyUsd, count: input.fleet.count }),
      };
    }
  } catch (err) {
    // The engine's own checks (e.g. an async event over 1 MB) are the learner's input too.
    if (err instanceof PricingInputError) throw new UsageError(err.message);
    throw err;
  }
  if (values.json) {
    const doc = {
      profile: input.profile,
      requestsPerMonth: projection.requestsPerMonth,
      billedMsWarm: projection.billedMsWarm,
      billedMsCold: projection.billedMsCold,
      bill: projection.bill,
      assumptions: projection.assumptions,
      ...(comparison ? { comparison } : {}),
    };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.out(humanCost(projection, comparison, input.profile.architecture ?? 'x86_64', makeColors(colorsWanted(io))));
  }
  return EXIT.ok;
}

/** The `cost` command. */
export const costCommand: CliCommand = {
  name: 'cost',
  summary: "A month of Lambda's bill, line by line, from requests, duration and memory; optionally against servers.",
  positionals: [],
  options: {
    requests: { type: 'string', valueName: 'N', description: 'Requests per month (whole number). Required.' },
    'duration-ms': {
      type: 'string',
      valueName: 'MS',
      description: 'Average duration of one invocation in ms (the handler; INIT comes from --init-ms). Required.',
    },
    memory: {
      type: 'string',
      valueName: 'MB',
      description: `Memory size in MB, ${MEMORY_MIN_MB}-${MEMORY_MAX_MB}. Required.`,
    },
    arch: {
      type: 'string',
      valueName: 'ARCH',
      description: 'Instruction set; arm64 costs less per GB-s.',
      choices: ARCHITECTURES,
      defaultText: 'x86_64',
    },
    'free-tier': {
      type: 'boolean',
      description: 'Subtract the monthly free tier (1M requests, 400,000 GB-s). On unless --no-free-tier.',
    },
    'no-free-tier': {
      type: 'boolean',
      description: 'Price every request and GB-s, as for an account past its free tier.',
    },
    provisioned: {
      type: 'string',
      valueName: 'N',
      description: 'Provisioned concurrency: N environments kept initialised (billed while enabled, used or not).',
    },
    'provisioned-hours': {
      type: 'string',
      valueName: 'H',
      description: `Hours a month provisioned concurrency is enabled, 0-${HOURS_PER_MONTH}.`,
      defaultText: `${HOURS_PER_MONTH} (all month)`,
    },
    storage: {
      type: 'string',
      valueName: 'MB',
      description: `/tmp size in MB, ${TMP_MIN_MB}-${TMP_MAX_MB}; above ${TMP_MIN_MB} MB is billed.`,
      defaultText: String(TMP_MIN_MB),
    },
    'payload-kb': {
      type: 'string',
      valueName: 'KB',
      description:
        'Size of each async event in KB (1 KB = 1,024 bytes), at most 1,024; over 256 KB pays 1 extra request per 64 KB. Needs --async.',
    },
    async: {
      type: 'boolean',
      description: 'The function is invoked asynchronously (S3, SNS, EventBridge), so large events pay extra requests.',
    },
    edge: {
      type: 'boolean',
      description: 'Price as Lambda@Edge: its own prices, no free tier, no provisioned concurrency.',
    },
    'cold-start-ratio': {
      type: 'string',
      valueName: 'R',
      description: 'Share of invocations that are cold starts, 0-1 (e.g. 0.01); they also bill --init-ms.',
      defaultText: '0',
    },
    'init-ms': {
      type: 'string',
      valueName: 'MS',
      description: 'Init Duration of one cold start in ms (billed since 1 Aug 2025). Needs --cold-start-ratio.',
      defaultText: '0',
    },
    compare: {
      type: 'boolean',
      description: `Compare with servers running all month, and find the break-even volume (default server: ${DEFAULT_SERVER_PRICE.instanceType} at $${DEFAULT_SERVER_PRICE.hourlyUsd}/hour).`,
    },
    'server-hourly': {
      type: 'string',
      valueName: 'USD',
      description: 'Price of one server per hour in USD; implies --compare.',
      defaultText: String(DEFAULT_SERVER_PRICE.hourlyUsd),
    },
    servers: {
      type: 'string',
      valueName: 'N',
      description: 'Number of servers running all month; implies --compare.',
      defaultText: '1',
    },
    json: {
      type: 'boolean',
      description:
        'Print JSON: {profile, requestsPerMonth, billedMsWarm, billedMsCold, bill: {lines, totalUsd, displayTotalUsd, freeTierApplied, notes}, assumptions, comparison?}.',
    },
  },
  notes: [
    'Examples (the first is the worked example on https://aws.amazon.com/lambda/pricing/, $2.73):',
    '  coldstart cost --requests 3000000 --duration-ms 120 --memory 1536',
    '  coldstart cost --requests 50000000 --duration-ms 200 --memory 512 --arch arm64 --compare',
    '  coldstart cost --requests 1000000 --duration-ms 100 --memory 1024 --provisioned 5 --provisioned-hours 200',
    '',
    'Prices are us-east-1 (sandbox/facts/pricing.ts). Each line is rounded to cents and the total is',
    'their sum, as the pricing page adds its examples up; --json keeps full precision too.',
  ],
  run,
};
