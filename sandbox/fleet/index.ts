/**
 * The fleet simulator (issue 5): many execution environments of one function under load, over
 * virtual time, with Lambda's concurrency, scaling and throttling rules and the bill.
 *
 *   simulateFleet(input: FleetInput): Promise<FleetResult>
 */
export type * from './fleet-types.ts';
export { simulateFleet, MAX_LIVE_REAL_ENVIRONMENTS, SAMPLE_ENVIRONMENTS, DEFAULT_SAMPLE_INVOCATIONS, type SimulateOptions } from './simulate.ts';
export { FleetInputError } from './errors.ts';
export { DEFAULT_MAX_EXACT_INVOCATIONS, DEFAULT_MAX_TIMELINE_ENVIRONMENTS } from './settings.ts';
export { arrivalTimes, arrivalCount, MAX_ARRIVALS } from './arrivals.ts';
export { formatFleetSummary, concurrencyChart } from './format-summary.ts';
