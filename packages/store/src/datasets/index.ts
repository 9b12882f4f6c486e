// Datasets: storage, splits, sampling from trace views, and the file formats.
export * from './assign-split.js';
export * from './collect-trace-items.js';
export * from './dataset-files.js';
export * from './dataset-store.js';
export * from './dataset-types.js';
export * from './sample-order.js';
export { MAX_DATASET_ITEMS, validateDatasetItems } from './validate-dataset-items.js';
