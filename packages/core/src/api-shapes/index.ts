// The shapes the HTTP API answers with, defined once for the store, the SDK's client and the web app.
export * from './dataset-views.js';
export * from './experiment-views.js';
export * from './insight-views.js';
export * from './items.js';
export * from './optimization-candidate.js';
export * from './optimization-run.js';
export * from './trace-metrics.js';
export * from './trace-scores.js';
