// Root-cause analysis: failure modes, co-failure clusters, drivers with significance, evidence and trends.
export { analyzeRootCauses } from './analyze-root-causes.js';
export { benjaminiHochberg } from './benjamini-hochberg.js';
export { extractRcaFeatures, type RcaFeatureOptions } from './extract-rca-features.js';
export { fisherExact } from './fisher-exact.js';
export { logFactorial, logGamma } from './log-gamma.js';
export {
  acceptNarrative,
  buildNarrativeMessages,
  type NarratedReport,
  type NarrativeContext,
  type NarrativeOptions,
  type NarrativeOutcome,
  writeNarratives,
} from './narrative.js';
export type * from './rca-types.js';
