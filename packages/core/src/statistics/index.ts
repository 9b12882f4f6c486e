// Public surface of the statistics used to compare experiments.

export {
  type CriterionComparison,
  compareExperiments,
  type ExperimentComparison,
  type ExperimentItem,
  type FlipComparison,
  type ScoreComparison,
} from './compare-experiments.js';
export { type CompareOptions, comparePassRates, type PassRateComparison } from './compare-pass-rates.js';
export { mcnemarExact } from './mcnemar-exact.js';
export {
  type BootstrapInterval,
  type BootstrapOptions,
  type PairedSamples,
  pairedBootstrapCi,
} from './paired-bootstrap.js';
export { quantileOfSorted } from './quantile.js';
export { seededRandom } from './seeded-random.js';
