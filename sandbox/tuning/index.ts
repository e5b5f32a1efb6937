/**
 * Power tuning (issue 5): run a handler at several memory sizes and pick the best one by cost,
 * speed or a balance of both, as the open-source AWS Lambda Power Tuning tool does.
 */
export { tunePower, type ColdStartSample, type SizeResult, type TuneResult } from './tune-power.ts';
export { balancedScores, pickBest, type Candidate, type Pick } from './strategies.ts';
export {
  DEFAULT_BALANCED_WEIGHT,
  DEFAULT_INVOCATIONS_PER_SIZE,
  DEFAULT_MEMORY_SIZES,
  MAX_INVOCATIONS_PER_SIZE,
  MAX_MEMORY_SIZES,
  TUNING_STRATEGIES,
  TuningInputError,
  parseTuneOptions,
  tunePowerOptionsSchema,
  type TunePowerOptions,
  type TuningStrategy,
} from './tuning-options.ts';
