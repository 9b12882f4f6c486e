// Root-cause analysis: failure modes, co-failure clusters, drivers with significance, evidence and trends.
export type * from './rca-types.js';
