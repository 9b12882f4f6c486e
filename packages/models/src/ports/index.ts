// The adapters that plug models into the optimization loop's ports, and the answer cache they share.
export * from './answer-cache.js';
export * from './create-evaluate-port.js';
export * from './create-optimizer-port.js';
export * from './experiment-item-run.js';
export * from './model-key.js';
export * from './plan-dataset-item.js';
