/**
 * `coldstart cost`: the pricing engine from the terminal. The totals are the worked examples on
 * https://aws.amazon.com/lambda/pricing/ (FACTS.md), to the cent.
 */
import { describe, expect, it } from 'vitest';
import { runColdstart } from './run-coldstart.ts';

interface JsonCost {
  profile: Record<string, unknown>;
  requestsPerMonth: number;
  billedMsWarm: number;
  billedMsCold: number;
  bill: {
    lines: Array<{
      key: string;
      quantity: number;
      grossQuantity: number;
      unitPriceUsd: number;
      displayAmountUsd: number;
      explanation: string;
    }>;
    totalUsd: number;
    displayTotalUsd: number;
    freeTierApplied: boolean;
    notes: string[];
  };
  assumptions: string[];
  comparison?: {
    servers: number;
    hourlyUsd: number;
    serverMonthlyUsd: number;
    lambdaMonthlyUsd: number;
    cheaper: string;
    breakEven: { kind: string; requestsPerMonth: number | null };
  };
}

describe('coldstart cost', () => {
  it('prints the line items and total of the pricing page example: 3M x 120 ms x 1,536 MB = $2.73', async () => {
    const r = await runColdstart(['cost', '--requests', '3000000', '--duration-ms', '120', '--memory', '1536']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Lambda bill for one month: 3,000,000 requests, us-east-1, x86_64, free tier applied');
    expect(r.stdout).toMatch(/^ITEM +QUANTITY +UNIT PRICE +AMOUNT$/m);
    expect(r.stdout).toMatch(/^Requests +2,000,000 requests +\$0\.20 per 1M +\$0\.40$/m);
    expect(r.stdout).toMatch(/^Duration \(x86_64\) +140,000 GB-s +\$0\.0000166667 per GB-s +\$2\.33$/m);
    expect(r.stdout).toMatch(/^Total +\$2\.73$/m);
    expect(r.stdout).toContain('540,000 GB-s used - 400,000 GB-s free tier');
  });

  it('reproduces the telemetry example without the free tier: $1.49 + $248.00 = $249.49', async () => {
    const r = await runColdstart([
      'cost',
      '--requests',
      '7440000',
      '--duration-ms',
      '2000',
      '--memory',
      '1024',
      '--no-free-tier',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('free tier not applied');
    expect(r.stdout).toMatch(/^Requests +7,440,000 requests +\$0\.20 per 1M +\$1\.49$/m);
    expect(r.stdout).toMatch(/^Duration \(x86_64\) +14,880,000 GB-s .*\$248\.00$/m);
    expect(r.stdout).toMatch(/^Total +\$249\.49$/m);
  });

  it('prints the bill as JSON with --json', async () => {
    const r = await runColdstart([
      'cost',
      '--requests',
      '3000000',
      '--duration-ms',
      '120',
      '--memory',
      '1536',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonCost;
    expect(Object.keys(doc).sort()).toEqual([
      'assumptions',
      'bill',
      'billedMsCold',
      'billedMsWarm',
      'profile',
      'requestsPerMonth',
    ]);
    expect(doc.bill.displayTotalUsd).toBe(2.73);
    expect(doc.bill.freeTierApplied).toBe(true);
    expect(doc.bill.lines.map((l) => l.key)).toEqual(['requests', 'duration']);
    expect(doc.bill.lines[1]).toMatchObject({ quantity: 140000, unitPriceUsd: 0.0000166667, displayAmountUsd: 2.33 });
    expect(doc.billedMsWarm).toBe(120);
  });

  it('adds provisioned concurrency, storage, large async events and INIT when asked', async () => {
    const args = [
      'cost',
      '--requests',
      '1000000',
      '--duration-ms',
      '100',
      '--memory',
      '1024',
      '--provisioned',
      '2',
      '--provisioned-hours',
      '100',
      '--storage',
      '2048',
      '--async',
      '--payload-kb',
      '300',
      '--cold-start-ratio',
      '0.01',
      '--init-ms',
      '250',
      '--json',
    ];
    const r = await runColdstart(args);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonCost;
    expect(doc.bill.lines.map((l) => l.key)).toEqual([
      'requests',
      'async-extra-requests',
      'duration',
      'provisioned-concurrency',
      'provisioned-duration',
      'ephemeral-storage',
    ]);
    // 2 environments x 1 GB x 100 h = 720,000 GB-s kept ready.
    expect(doc.bill.lines.find((l) => l.key === 'provisioned-concurrency')?.quantity).toBe(720_000);
    // 300 KB async events: 1 extra request each (what is left of the free tier covers some).
    expect(doc.bill.lines.find((l) => l.key === 'async-extra-requests')?.grossQuantity).toBe(1_000_000);
    expect(doc.billedMsCold).toBe(350);
    expect(doc.assumptions.join(' ')).toContain('1.00% of invocations are cold starts and bill their 250 ms INIT too');
  });

  it('prices Lambda@Edge with its own prices and no free tier', async () => {
    const r = await runColdstart([
      'cost',
      '--requests',
      '1000000',
      '--duration-ms',
      '10',
      '--memory',
      '128',
      '--edge',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as JsonCost;
    expect(doc.bill.lines.map((l) => l.key)).toEqual(['edge-requests', 'edge-duration']);
    expect(doc.bill.lines[0]?.displayAmountUsd).toBe(0.6);
  });

  it('compares with servers and finds the break-even volume', async () => {
    const r = await runColdstart([
      'cost',
      '--requests',
      '3000000',
      '--duration-ms',
      '120',
      '--memory',
      '1536',
      '--server-hourly',
      '0.0416',
      '--servers',
      '2',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Compared with servers running all month:');
    // 2 x $0.0416 x 730 h = $60.74.
    expect(r.stdout).toContain('2 servers at $0.0416/hour: $60.74 a month.');
    expect(r.stdout).toContain('At this volume Lambda is cheaper by $58.01 a month.');
    expect(r.stdout).toMatch(
      /Break-even: [\d,]+ requests a month \([\d.,]+ per second on average\); above it the servers are cheaper\./,
    );
    const json = JSON.parse(
      (
        await runColdstart([
          'cost',
          '--requests',
          '3000000',
          '--duration-ms',
          '120',
          '--memory',
          '1536',
          '--compare',
          '--json',
        ])
      ).stdout,
    ) as JsonCost;
    expect(json.comparison).toMatchObject({
      servers: 1,
      hourlyUsd: 0.0208,
      cheaper: 'lambda',
      breakEven: { kind: 'crossing' },
    });
    expect(json.comparison?.breakEven.requestsPerMonth).toBeGreaterThan(3_000_000);
  });
});

describe('coldstart cost: bad arguments (exit 2)', () => {
  const base = ['cost', '--requests', '1000', '--duration-ms', '100', '--memory', '128'];
  async function usage(args: string[]): Promise<string> {
    const r = await runColdstart(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: coldstart cost [options]');
    return r.stderr;
  }

  it('needs requests, duration and memory', async () => {
    expect(await usage(['cost', '--duration-ms', '100', '--memory', '128'])).toContain(
      'coldstart cost: --requests is required, e.g. --requests 3000000',
    );
    expect(await usage(['cost', '--requests', '10', '--memory', '128'])).toContain('--duration-ms is required');
    expect(await usage(['cost', '--requests', '10', '--duration-ms', '100'])).toContain('--memory is required');
  });

  it('refuses values out of range, naming the option and its unit', async () => {
    expect(await usage(['cost', '--requests=-5', '--duration-ms', '100', '--memory', '128'])).toContain(
      '--requests -5: give at least 0 (requests per month)',
    );
    expect(await usage(['cost', '--requests', 'many', '--duration-ms', '100', '--memory', '128'])).toContain(
      "--requests takes a number (requests per month); got 'many'",
    );
    expect(await usage(['cost', '--requests', '10', '--duration-ms', '100', '--memory', '64'])).toContain(
      '--memory 64: memory must be at least 128 MB',
    );
    expect(await usage(['cost', '--requests', '10', '--duration-ms', '901000', '--memory', '128'])).toContain(
      '--duration-ms 901000: give from 0 to 900,000 (ms per invocation)',
    );
    expect(await usage([...base, '--storage', '100'])).toContain('--storage 100: /tmp must be at least 512 MB');
    expect(await usage([...base, '--cold-start-ratio', '1.5'])).toContain('--cold-start-ratio 1.5: give from 0 to 1');
    expect(await usage([...base, '--async', '--payload-kb', '2048'])).toContain(
      '--payload-kb 2048: give from 0 to 1,024',
    );
    expect(await usage([...base, '--arch', 'arm'])).toContain("--arch must be one of x86_64, arm64; got 'arm'");
  });

  it('refuses options that do not go together', async () => {
    expect(await usage([...base, '--free-tier', '--no-free-tier'])).toContain(
      'give --free-tier or --no-free-tier, not both',
    );
    expect(await usage([...base, '--payload-kb', '300'])).toContain(
      '--payload-kb only changes the bill of async invocations',
    );
    expect(await usage([...base, '--init-ms', '200'])).toContain('--init-ms needs --cold-start-ratio');
    expect(await usage([...base, '--provisioned-hours', '10'])).toContain('--provisioned-hours needs --provisioned N');
    expect(await usage([...base, '--edge', '--provisioned', '1'])).toContain(
      'Lambda@Edge has no provisioned concurrency',
    );
  });

  it('takes no positional arguments', async () => {
    expect(await usage([...base, 'extra'])).toContain("unexpected argument 'extra' ('coldstart cost' takes none)");
  });
});
