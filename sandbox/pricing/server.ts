/**
 * The always-on alternative: N servers billed every hour of the month whether busy or idle. The
 * hourly price is an input; the default is ../facts/pricing.ts's DEFAULT_SERVER_PRICE (EC2
 * t3.small on-demand, us-east-1, with its source and date). Capacity is the learner's call: the
 * comparison does not check that N servers could serve the load.
 */
import { DEFAULT_SERVER_PRICE, HOURS_PER_MONTH } from '../facts/pricing.ts';
import { requireNonNegative } from './errors.ts';

export interface ServerFleet {
  /** USD per server-hour. Default DEFAULT_SERVER_PRICE.hourlyUsd. */
  hourlyUsd?: number;
  /** Number of servers running all month. Default 1. */
  count?: number;
  /** Hours in the month. Default 730. */
  hoursPerMonth?: number;
}

/** Monthly cost of the fleet in USD, full precision: hourly x count x hours. */
export function serverMonthlyUsd(fleet: ServerFleet = {}): number {
  const hourly = fleet.hourlyUsd ?? DEFAULT_SERVER_PRICE.hourlyUsd;
  const count = fleet.count ?? 1;
  const hours = fleet.hoursPerMonth ?? HOURS_PER_MONTH;
  requireNonNegative(hourly, 'Server price per hour');
  requireNonNegative(count, 'Number of servers');
  requireNonNegative(hours, 'Hours per month');
  return hourly * count * hours;
}
