// Datasets and experiments: the API shapes, runExperiment, and the response cache it uses.
export type * from './dataset-api-types.js';
export type * from './experiment-api-types.js';
export type * from './experiment-types.js';
export { checklistHash } from './hash-json.js';
export { responseCacheKey } from './response-cache.js';
export { runExperiment } from './run-experiment.js';
