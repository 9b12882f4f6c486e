// Optimization runs: run rows with progress and result, and the candidates each run tried.
export * from './optimization-store.js';
export * from './optimization-types.js';
export * from './sql-optimization-store.js';
