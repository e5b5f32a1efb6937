/** Lambda vs an always-on server: break-even volume and the chart series. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_PRICE } from '../../sandbox/facts/pricing.ts';
import { breakEven, costSeries, lambdaMonthlyUsd, serverMonthlyUsd } from '../../sandbox/pricing/index.ts';

const api = { averageDurationMs: 100, memorySizeMB: 512 };

describe('server comparison', () => {
  it('prices the default server from its documented hourly price over 730 hours', () => {
    expect(DEFAULT_SERVER_PRICE.source).toMatch(/^https:\/\/aws\.amazon\.com\/ec2\/pricing\//);
    expect(serverMonthlyUsd()).toBeCloseTo(DEFAULT_SERVER_PRICE.hourlyUsd * 730, 10);
    expect(serverMonthlyUsd({ hourlyUsd: 0.1, count: 3 })).toBeCloseTo(219, 10);
  });

  it('finds the volume where Lambda costs as much as the server, and checks it by hand', () => {
    const server = serverMonthlyUsd();
    const result = breakEven(api, {});
    expect(result.kind).toBe('crossing');
    const n = result.requestsPerMonth!;
    expect(lambdaMonthlyUsd(api, n)).toBeGreaterThanOrEqual(server);
    expect(lambdaMonthlyUsd(api, n - 1)).toBeLessThan(server);
    // By hand, above the free tier: (n - 1M) x $0.0000002 + (0.05 n - 400,000) x $0.0000166667 = server.
    const perRequest = 0.0000002 + 0.05 * 0.0000166667;
    const expected = (server + 0.2 + 400_000 * 0.0000166667) / perRequest;
    expect(Math.abs(n - expected)).toBeLessThanOrEqual(1);
    expect(result.requestsPerSecond).toBeCloseTo(n / (730 * 3600), 10);
  });

  it('moves the break-even up with more servers and down with heavier functions', () => {
    const one = breakEven(api, { count: 1 }).requestsPerMonth!;
    const three = breakEven(api, { count: 3 }).requestsPerMonth!;
    const heavy = breakEven({ ...api, memorySizeMB: 2048 }, { count: 1 }).requestsPerMonth!;
    expect(three).toBeGreaterThan(one);
    expect(heavy).toBeLessThan(one);
  });

  it('says Lambda is never cheaper when provisioned concurrency alone costs more than the server', () => {
    // 10 x 1 GB provisioned all month: 26,280,000 GB-s x $0.0000041667 = about $109.50 > $15.18.
    const result = breakEven({ ...api, provisioned: { concurrency: 10, enabledHoursPerMonth: 730 } }, {});
    expect(result.kind).toBe('lambda-never-cheaper');
    expect(result.requestsPerMonth).toBe(0);
  });

  it('says Lambda stays cheaper when the search limit is reached first', () => {
    const result = breakEven(api, { hourlyUsd: 1000, count: 100 }, { maxRequestsPerMonth: 1e8 });
    expect(result.kind).toBe('lambda-always-cheaper');
    expect(result.requestsPerMonth).toBeNull();
  });

  it('builds a log-spaced series that brackets the break-even', () => {
    const points = costSeries(api, {}, { fromRequestsPerMonth: 1e4, toRequestsPerMonth: 1e9, pointsPerDecade: 2 });
    expect(points).toHaveLength(11);
    expect(points[0]!.requestsPerMonth).toBe(1e4);
    expect(points[1]!.requestsPerMonth).toBe(31_623);
    expect(points.at(-1)!.requestsPerMonth).toBe(1e9);
    for (let i = 1; i < points.length; i++)
      expect(points[i]!.lambdaUsd).toBeGreaterThanOrEqual(points[i - 1]!.lambdaUsd);
    expect(points[0]!.lambdaUsd).toBe(0); // inside the free tier
    expect(points.at(-1)!.lambdaUsd).toBeGreaterThan(points.at(-1)!.serverUsd);
  });
});
