// Experiments: storage of runs and their items, the summary, and the factory of the experiment sub-stores.
export * from './create-experiment-stores.js';
export * from './experiment-store.js';
export * from './experiment-types.js';
export * from './summarize-experiment.js';
